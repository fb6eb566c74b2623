package dev.purgedeck.keysets;

import dev.purgedeck.files.AtomicFiles;
import dev.purgedeck.files.SafeFiles;
import dev.purgedeck.files.SetAside;
import dev.purgedeck.files.UiThreadGuard;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code keysets.json} on disk: atomic saves that keep the previous version as {@code keysets.json.bak}, and a load
 * that never throws. A file that cannot be read is set aside under a dated name, never overwritten; the sets then
 * come from the backup when it reads cleanly (it is at most one save behind, far better than starting empty).
 */
final class StoreFile {
    static final String NAME = "keysets.json";
    static final String BACKUP = "keysets.json.bak";

    /** What opening found: the sets to show, what to tell the user (null for nothing), and whether saving is safe. */
    record Loaded(List<KeySet> sets, String problem, boolean writable) {
    }

    private final Path dir;
    private final Path file;
    private final Path backup;
    private final Clock clock;

    StoreFile(Path dir, Clock clock) {
        this.dir = dir;
        this.file = dir.resolve(NAME);
        this.backup = dir.resolve(BACKUP);
        this.clock = clock;
    }

    Path path() {
        return file;
    }

    Loaded load() {
        if (!Files.exists(file)) {
            return new Loaded(List.of(), null, true);
        }
        if (!Files.isRegularFile(file)) {
            // A FIFO or device would block or never end the read; a folder cannot be read at all.
            return new Loaded(List.of(), file + " is not a plain file, so PurgeDeck neither reads nor replaces it;"
                    + " move it away to use key sets.", false);
        }
        ImportResult read;
        try {
            read = read(file);
        } catch (IOException | RuntimeException e) {
            return recover(reason(e));
        }
        if (read.problems().isEmpty()) {
            return new Loaded(read.sets(), null, true);
        }
        // Part of the file is bad: keep the good sets, but keep the original bytes too, since saving drops the rest.
        String left = read.problems().stream().limit(3).map(StoreFile::describe).collect(Collectors.joining("; "))
                + (read.problems().size() > 3 ? "; and " + (read.problems().size() - 3) + " more" : "");
        return setAside(read.sets(), "Part of your key sets file could not be read and was left out (" + left + ").",
                "The rest of your key sets were loaded.");
    }

    /**
     * The sets the file holds now, read under the store's lock just before a change: another process may have saved
     * since. A missing file gives {@code current} (the recovered sets whose save failed stay); an unreadable one is
     * set aside with its bytes kept, and {@code current} is used.
     */
    List<KeySet> reload(List<KeySet> current) throws IOException {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return current;
        }
        SafeFiles.requireRegularOrAbsent(file);
        try {
            ImportResult read = read(file);
            if (read.problems().isEmpty()) {
                return read.sets();
            }
        } catch (IOException | RuntimeException e) {
            // Damaged since we opened it: fall through and keep its bytes.
        }
        moveAside();
        return current;
    }

    /** Writes {@code sets}; the file as it was before (if any) becomes the backup first. */
    void save(List<KeySet> sets) throws IOException {
        byte[] bytes = KeySetJson.toBytes(sets);
        // Checked before the backup copy: a keysets.json linked to another file must not have that file copied in.
        SafeFiles.requireRegularOrAbsent(file);
        if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            // Copied, not moved: moving would leave a moment with no keysets.json, and a crash then would lose it.
            AtomicFiles.write(backup, Files.readAllBytes(file));
        }
        AtomicFiles.write(file, bytes);
    }

    private Loaded recover(String reason) {
        List<KeySet> fromBackup = null;
        String backupNote = "";
        try {
            ImportResult b = Files.isRegularFile(backup, LinkOption.NOFOLLOW_LINKS) ? read(backup) : null;
            fromBackup = b != null && b.problems().isEmpty() ? b.sets() : null;
        } catch (IOException | RuntimeException e) {
            backupNote = " (" + reason(e) + ")";
        }
        if (fromBackup == null && Files.isRegularFile(backup, LinkOption.NOFOLLOW_LINKS)) {
            // The next save would copy the damaged keysets.json over it: keep its bytes first.
            try {
                backupNote = " The backup " + BACKUP + " could not be read either" + backupNote + "; it was set aside as "
                        + SetAside.move(backup, clock).getFileName() + ".";
            } catch (IOException e) {
                backupNote = " The backup " + BACKUP + " could not be read or set aside either (" + reason(e) + ").";
            }
        }
        return setAside(fromBackup == null ? List.of() : fromBackup,
                "Your key sets file could not be read (" + reason + ").",
                (fromBackup == null ? "PurgeDeck started with no key sets."
                        : "The key sets from the backup " + BACKUP + " were loaded instead; the last change before the"
                        + " problem may be missing.") + backupNote);
    }

    /** Moves the bad file to a dated name, then saves what could be recovered so the next start finds it. */
    private Loaded setAside(List<KeySet> sets, String what, String outcome) {
        Path aside;
        try {
            aside = moveAside();
        } catch (IOException e) {
            return new Loaded(sets, what + " It could not be set aside either (" + reason(e) + "), so nothing will be saved"
                    + " until " + file + " is fixed or removed.", false);
        }
        String unsaved = "";
        try {
            save(sets);
        } catch (IOException e) {
            // The user's next change tries again; nothing is lost, the original sits in the set-aside file.
            unsaved = " The recovered sets could not be saved yet (" + reason(e) + ").";
        }
        return new Loaded(sets, what + " It was set aside as " + aside.getFileName() + " in " + dir + ". " + outcome
                + unsaved, true);
    }

    private Path moveAside() throws IOException {
        UiThreadGuard.checkNotUiThread("set aside " + NAME);
        return SetAside.move(file, clock);
    }

    private static ImportResult read(Path path) throws IOException {
        return KeySetJson.read(new ByteArrayInputStream(Files.readAllBytes(path)));
    }

    private static String describe(ImportProblem p) {
        String where = p.setName().isEmpty() ? "" : "'" + p.setName() + "'" + (p.line() > 0 ? " key " + p.line() : "") + ": ";
        return where + (p.item().isEmpty() || p.line() == 0 ? "" : "'" + p.item() + "' ") + p.reason();
    }

    private static String reason(Exception e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        // Other file-system exceptions carry the path as their message; their reason says what happened.
        String m = e instanceof java.nio.file.FileSystemException f && f.getReason() != null ? f.getReason() : e.getMessage();
        String text = m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }
}
