package dev.purgedeck.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Writes a file so that a crash leaves either the old or the new version, never a torn one: write a temporary file
 * beside it, force it to disk, then rename it over the old one. Files are created owner-read/write only where the
 * file system supports POSIX permissions, from the first byte. A target that exists and is not a regular file (a
 * link, a FIFO, a folder) is refused with {@link NotARegularFileException}.
 */
public final class AtomicFiles {
    private static final java.util.concurrent.ConcurrentHashMap<Path, Object> LOCKS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final java.util.concurrent.atomic.AtomicLong COUNTER = new java.util.concurrent.atomic.AtomicLong();

    private AtomicFiles() {
    }

    public static void write(Path target, byte[] content) throws IOException {
        write(target, content, created -> { });
    }

    /** As {@link #write(Path, byte[])}; {@code afterCreate} sees the new temporary file before its first byte (tests). */
    public static void write(Path target, byte[] content, Consumer<Path> afterCreate) throws IOException {
        UiThreadGuard.checkNotUiThread("write " + target.getFileName());
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        // Writers in this JVM take turns; each write has its own temp name, so writers in other processes (the
        // GUI and the command line) can never rename each other's half-written file: the last whole write wins.
        synchronized (LOCKS.computeIfAbsent(target.toAbsolutePath().normalize(), p -> new Object())) {
            writeLocked(dir, target, content, afterCreate);
        }
    }

    private static void writeLocked(Path dir, Path target, byte[] content, Consumer<Path> afterCreate) throws IOException {
        // The rename below would replace a link rather than follow it, but a link, FIFO or folder in our place means
        // someone is tampering (or a mistake): refuse, and say so, rather than silently replace it.
        SafeFiles.requireRegularOrAbsent(target);
        // A temp file a crash left behind under the plain name is removed first (and a write fails if it cannot be).
        Files.deleteIfExists(dir.resolve("." + target.getFileName() + ".tmp"));
        Path tmp = dir.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + "-"
                + COUNTER.incrementAndGet() + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                ownerOnly())) {
            afterCreate.accept(tmp);
            ByteBuffer buf = ByteBuffer.wrap(content);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp); // a half-written copy (perhaps of a token) should not stay behind
            throw e;
        }
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Owner read/write permissions for a new file, applied by the create call itself (so no other user can open it in
     * between), or none where POSIX permissions do not exist: on Windows the file inherits the ACL of its folder, and
     * the data folder's default, %APPDATA%, is readable only by its user (and SYSTEM and Administrators).
     */
    public static FileAttribute<?>[] ownerOnly() {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
        }
        return new FileAttribute<?>[0];
    }
}
