package dev.purgedeck.history;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.purgedeck.files.UiThreadGuard;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Exports entries for people and other tools, and reads the exports back: CSV (through jackson-dataformat-csv, see
 * {@link HistoryCsv}) and JSON (an array of exactly the objects of the history file, one per line). The caller's
 * streams are flushed, never closed.
 */
public final class HistoryExport {
    private HistoryExport() {
    }

    /** CSV with a header row, UTF-8 with a byte-order mark (so Excel reads non-ASCII right), CRLF line ends. */
    public static void csv(List<HistoryEntry> rows, OutputStream out) throws IOException {
        csv(rows, out, true);
    }

    /**
     * CSV as above; {@code bom} false leaves the byte-order mark out, for output other tools read (a pipe into
     * {@code cut} or a script would see it as part of the first column's name).
     */
    public static void csv(List<HistoryEntry> rows, OutputStream out, boolean bom) throws IOException {
        UiThreadGuard.checkNotUiThread("Writing a history export");
        HistoryCsv.write(rows, out, bom);
    }

    /** A JSON array of the same objects as the history lines, one per line, UTF-8 without BOM. */
    public static void json(List<HistoryEntry> rows, OutputStream out) throws IOException {
        LineWriter.array(rows, out);
    }

    /**
     * As above, each entry also carrying its job's notes: {@code "impact"} (the summary of what the purge did to the
     * hit ratio and the origin) and {@code "notice"} (the team notice's delivery), where the job has them. The
     * entries' verdicts are the caller's to merge in ({@link JobNotes.Index#applyAll}).
     */
    public static void json(List<HistoryEntry> rows, OutputStream out, JobNotes.Index notes) throws IOException {
        LineWriter.array(rows, out, notes::jobFields);
    }

    /** Reads a CSV export (with or without the byte-order mark; columns by header name, unknown ones ignored). */
    public static List<HistoryEntry> readCsv(InputStream in) throws IOException {
        return HistoryCsv.read(in);
    }

    /**
     * Reads a JSON export; a bare sequence of objects (the history file itself) is read too. Unlike a
     * load, an invalid entry fails the whole read: an import should not drop rows silently.
     */
    public static List<HistoryEntry> readJson(InputStream in) throws IOException {
        List<HistoryEntry> out = new ArrayList<>();
        Map<String, String> shared = new HashMap<>();
        try (JsonParser p = HistoryCodec.FACTORY.createParser(in)) {
            p.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
            JsonToken first = p.nextToken();
            if (first == JsonToken.START_ARRAY) {
                for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                    if (t == null) {
                        throw new JsonParseException(p, "unterminated array");
                    }
                    out.add(HistoryCodec.read(p, shared));
                }
            } else {
                for (JsonToken t = first; t != null; t = p.nextToken()) {
                    out.add(HistoryCodec.read(p, shared));
                }
            }
        }
        return out;
    }
}
