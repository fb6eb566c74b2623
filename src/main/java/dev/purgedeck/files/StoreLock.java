package dev.purgedeck.files;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Makes a store's read-modify-write atomic across processes (the window, the command line, a second window): an
 * exclusive OS lock on a {@code NAME.lock} file beside the store, held around reading the file afresh, changing it
 * and writing it back. The lock file itself stays (empty); deleting it would let two processes lock two files.
 */
public final class StoreLock {
    /**
     * OS locks belong to the whole JVM, and a second lock on the same file in this JVM throws
     * OverlappingFileLockException, so threads of this process queue here first (reentrantly: a locked update may
     * call another locked method of the same store).
     */
    private static final ConcurrentHashMap<Path, ReentrantLock> PROCESS_LOCKS = new ConcurrentHashMap<>();

    /** The work done while holding the lock. */
    public interface Work<T> {
        T run() throws IOException;
    }

    private StoreLock() {
    }

    /** Runs {@code work} holding this process's and the OS's exclusive lock for {@code store}. */
    public static <T> T locked(Path store, Work<T> work) throws IOException {
        Path abs = store.toAbsolutePath().normalize();
        ReentrantLock local = PROCESS_LOCKS.computeIfAbsent(abs, p -> new ReentrantLock());
        local.lock();
        try {
            if (local.getHoldCount() > 1) {
                return work.run(); // the OS lock is held by the outer call
            }
            Path lockFile = abs.resolveSibling(abs.getFileName() + ".lock");
            java.nio.file.Files.createDirectories(abs.getParent());
            try (FileChannel ch = SafeFiles.openAppend(lockFile); FileLock ignored = ch.lock()) {
                return work.run();
            }
        } finally {
            local.unlock();
        }
    }
}
