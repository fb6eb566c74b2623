package dev.purgedeck.history;

import dev.purgedeck.files.SafeFiles;
import dev.purgedeck.files.UiThreadGuard;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The open history file: an APPEND channel for writing, a READ channel for positional reads (Java allows no
 * channel with both), and the locking that lets several processes append to it. Not thread-safe on its own: the
 * store calls it under its monitor, except for {@link #force} and reads of a channel it captured.
 */
final class HistoryFile implements AutoCloseable {
    /**
     * OS file locks belong to the whole JVM, and a second lock on the same file from another channel in this JVM
     * throws OverlappingFileLockException, so two stores on one file in this process first queue here.
     */
    private static final ConcurrentHashMap<Path, ReentrantLock> PROCESS_LOCKS = new ConcurrentHashMap<>();

    private final Path path;
    private final ReentrantLock processLock;
    private volatile FileChannel writer;
    private volatile FileChannel reader;
    private Object fileKey;
    /** Counts the times the path came to name a different file (cleared by someone), so offsets can be reset. */
    private int generation;

    HistoryFile(Path path) throws IOException {
        this.path = path.toAbsolutePath().normalize();
        this.processLock = PROCESS_LOCKS.computeIfAbsent(this.path, p -> new ReentrantLock());
        Files.createDirectories(this.path.getParent());
        open();
    }

    Path path() {
        return path;
    }

    FileChannel writer() {
        return writer;
    }

    FileChannel reader() {
        return reader;
    }

    /** Work done while holding the exclusive lock on the file. */
    interface Locked<T> {
        T run(FileChannel writer, FileChannel reader) throws IOException;
    }

    /**
     * Runs {@code work} holding this process's and the OS's exclusive lock on the file. If another process moved the
     * file aside (cleared the history) while we waited, the new file is opened and locked instead.
     */
    <T> T locked(Locked<T> work) throws IOException {
        // Another process (the command line) may hold this lock for a while: never wait for it on the UI thread.
        UiThreadGuard.checkNotUiThread("Locking the purge history");
        processLock.lock();
        try {
            while (true) {
                FileLock lock = writer.lock();
                try {
                    if (!replaced()) {
                        return work.run(writer, reader);
                    }
                } finally {
                    if (lock.isValid()) {
                        lock.release();
                    }
                }
                reopen();
            }
        } finally {
            processLock.unlock();
        }
    }

    /** True when the path no longer names the file we have open (moved aside or deleted by someone else). */
    boolean replaced() throws IOException {
        return fileKey != null && !fileKey.equals(currentKey());
    }

    int generation() {
        return generation;
    }

    /** Opens whatever file is at the path now (creating it if missing). */
    void reopen() throws IOException {
        FileChannel oldWriter = writer;
        FileChannel oldReader = reader;
        Object oldKey = fileKey;
        open();
        if (oldKey != null && !oldKey.equals(fileKey)) {
            generation++;
        }
        force(oldWriter);
        oldWriter.close();
        oldReader.close();
    }

    /**
     * Reopens channels that an interrupted thread closed: Java closes a FileChannel for every user when a thread
     * doing I/O on it is interrupted, and the history must outlive a cancelled task.
     */
    void heal() throws IOException {
        if (!writer.isOpen() || !reader.isOpen()) {
            reopen();
        }
    }

    /** The last byte of the first {@code size} bytes, or '\n' for an empty file. */
    byte lastByte(long size) throws IOException {
        if (size == 0) {
            return '\n';
        }
        ByteBuffer one = ByteBuffer.allocate(1);
        reader.read(one, size - 1);
        return one.get(0);
    }

    /** Forces a channel to disk; a channel closed by a concurrent reopen was forced before it closed. */
    static void force(FileChannel ch) throws IOException {
        UiThreadGuard.checkNotUiThread("Forcing the purge history to disk");
        try {
            // Data and length only (fdatasync): enough to read every line back after a power cut.
            ch.force(false);
        } catch (java.nio.channels.ClosedChannelException e) {
            // reopen() and close() force before closing, so nothing is lost here.
        }
    }

    private void open() throws IOException {
        // Never through a link: a planted history.jsonl -> ~/victim would make every purge append to the victim.
        writer = SafeFiles.openAppend(path);
        try {
            reader = SafeFiles.openRead(path);
        } catch (IOException e) {
            writer.close();
            throw e;
        }
        fileKey = currentKey();
    }

    private Object currentKey() throws IOException {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class).fileKey();
        } catch (NoSuchFileException e) {
            return new Object(); // gone: equal to nothing we hold, so it reads as replaced
        }
    }

    @Override
    public void close() throws IOException {
        force(writer);
        writer.close();
        reader.close();
    }
}
