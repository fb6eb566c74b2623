package dev.purgedeck.files;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Optional;
import java.util.Set;

/**
 * The checks every file PurgeDeck writes goes through: never through a symbolic link, never onto a FIFO, a folder or
 * a device, and a warning when the data folder lets other users plant such things in it.
 */
public final class SafeFiles {
    private SafeFiles() {
    }

    /**
     * Refuses a path that exists and is not a regular file; a link is judged itself, never what it points to.
     *
     * @throws NotARegularFileException saying what the path is instead
     */
    public static void requireRegularOrAbsent(Path path) throws IOException {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return;
        }
        if (!a.isRegularFile()) {
            throw new NotARegularFileException(path, kind(a));
        }
    }

    /**
     * Opens {@code path} for appending (created owner-only when missing) without following a link: the open itself
     * fails on a link (O_NOFOLLOW), so there is no gap between a check and the open for someone to swap the file in.
     * A FIFO or device is refused before the open, since opening a FIFO for writing would block.
     */
    public static FileChannel openAppend(Path path) throws IOException {
        requireRegularOrAbsent(path);
        Set<OpenOption> options = Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND, LinkOption.NOFOLLOW_LINKS);
        FileChannel ch;
        try {
            ch = FileChannel.open(path, options, AtomicFiles.ownerOnly());
        } catch (IOException e) {
            requireRegularOrAbsent(path); // a link put there since the check fails the open: say so plainly
            throw e;
        }
        try {
            requireRegularOrAbsent(path);
            return ch;
        } catch (IOException e) {
            ch.close();
            throw e;
        }
    }

    /** Opens {@code path} for reading without following a link (it must be a regular file). */
    public static FileChannel openRead(Path path) throws IOException {
        requireRegularOrAbsent(path);
        return FileChannel.open(path, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * One plain line when the data folder can be written by users other than its owner (POSIX permissions), since
     * any of them could then replace PurgeDeck's files with links; empty when it is private or the check is moot.
     */
    public static Optional<String> folderWarning(Path dir) {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return Optional.empty();
        }
        try {
            Set<PosixFilePermission> p = Files.getPosixFilePermissions(dir);
            boolean group = p.contains(PosixFilePermission.GROUP_WRITE);
            boolean others = p.contains(PosixFilePermission.OTHERS_WRITE);
            if (!group && !others) {
                return Optional.empty();
            }
            return Optional.of("Warning: the data folder " + dir + " can be changed by " + (others ? "any user"
                    : "its group") + " of this computer; run 'chmod go-w " + dir + "' so only you can.");
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty(); // missing or unreadable: the stores report that themselves
        }
    }

    private static String kind(BasicFileAttributes a) {
        if (a.isSymbolicLink()) {
            return "a symbolic link";
        }
        if (a.isDirectory()) {
            return "a folder";
        }
        return "a special file (a pipe, socket or device)";
    }
}
