package dev.purgedeck.team;

import dev.purgedeck.files.SafeFiles;
import dev.purgedeck.history.JobNote;
import dev.purgedeck.history.JobNotes;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Ships the job notes file ({@link JobNotes}) to team_notes as the history is shipped: whole lines from a byte offset,
 * one insert per slice that ignores notes already there. A note's row ID is derived from the note itself, so a slice
 * shipped again after a crash adds nothing (docs/team.md §6).
 */
final class TeamNotes {
    static final String INSERT = "INSERT INTO team_notes (id, job_id, entry_id, kind, noted_at, text, detail, "
            + "computer) SELECT u.id::uuid, u.job_id, u.entry_id, u.kind, u.noted_at, u.text, u.detail, ? FROM "
            + "unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::text[], ?::text[]) AS u(id, "
            + "job_id, entry_id, kind, noted_at, text, detail) ON CONFLICT (id) DO NOTHING";

    private TeamNotes() {
    }

    /** The notes of the complete lines from {@code from} on (about {@code maxBytes}), and where the next read starts. */
    record Slice(List<JobNote> notes, long end) {
    }

    static Slice read(Path file, long from, long maxBytes) throws IOException {
        try (FileChannel ch = SafeFiles.openRead(file)) {
            long size = ch.size();
            if (from >= size) {
                return new Slice(List.of(), Math.min(from, size));
            }
            // Notes are short lines: a slice of maxBytes always holds whole ones, and a torn last line waits.
            ByteBuffer buf = ByteBuffer.allocate((int) Math.min(size - from, Math.max(1, maxBytes)));
            while (buf.hasRemaining() && ch.read(buf, from + buf.position()) > 0) {
                continue;
            }
            byte[] bytes = buf.array();
            int last = buf.position() - 1;
            while (last >= 0 && bytes[last] != '\n') {
                last--;
            }
            List<JobNote> notes = new ArrayList<>();
            for (String line : new String(bytes, 0, last + 1, StandardCharsets.UTF_8).split("\n")) {
                JobNotes.parse(line).ifPresent(notes::add);
            }
            return new Slice(notes, from + last + 1);
        } catch (NoSuchFileException e) {
            return new Slice(List.of(), 0);
        }
    }

    /** The note's row ID: the same note (job, entry, kind, time, words) always gets the same one. */
    static String key(JobNote n) {
        String s = String.join("\u0000", n.jobId(), String.valueOf(n.entryId()), n.kind(), n.time().toString(),
                n.text(), String.valueOf(n.detail()));
        return UUID.nameUUIDFromBytes(s.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Inserts {@code notes} (the caller commits); returns how many were new. */
    static int insert(Connection c, List<JobNote> notes, String computer) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            ps.setString(1, computer);
            ps.setArray(2, c.createArrayOf("text", texts(notes, TeamNotes::key)));
            ps.setArray(3, c.createArrayOf("text", texts(notes, JobNote::jobId)));
            ps.setArray(4, c.createArrayOf("text", texts(notes, JobNote::entryId)));
            ps.setArray(5, c.createArrayOf("text", texts(notes, JobNote::kind)));
            ps.setArray(6, c.createArrayOf("timestamptz",
                    notes.stream().map(n -> Timestamp.from(n.time())).toArray(Timestamp[]::new)));
            ps.setArray(7, c.createArrayOf("text", texts(notes, JobNote::text)));
            ps.setArray(8, c.createArrayOf("text", texts(notes, JobNote::detail)));
            return ps.executeUpdate();
        }
    }

    private static String[] texts(List<JobNote> notes, Function<JobNote, String> field) {
        return notes.stream().map(field).toArray(String[]::new);
    }
}
