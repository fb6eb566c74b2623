package dev.purgedeck.history;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Exports entries for people and other tools, and reads the exports back: CSV (through jackson-dataformat-csv, see
 * {@link HistoryCsv}) and JSON (an array of exactly the objects of {@code history.jsonl}, one per line). The caller's
 * streams are flushed, never closed.
 */
public final class HistoryExport {
    private HistoryExport() {
    }

    /** CSV with a header row, UTF-8 with a byte-order mark (so Excel reads non-ASCII right), CRLF line ends. */
    public static void csv(List<HistoryEntry> rows, OutputStream out) throws IOException {
        HistoryCsv.write(rows, out);
    }

    /** A JSON array of the same objects as the history lines, one per line, UTF-8 without BOM. */
    public static void json(List<HistoryEntry> rows, OutputStream out) throws IOException {
        try (JsonGenerator g = HistoryCodec.generator(out)) {
            g.setPrettyPrinter(new OnePerLine());
            g.writeStartArray();
            for (HistoryEntry e : rows) {
                HistoryCodec.write(g, e);
            }
            g.writeEndArray();
            g.writeRaw('\n');
        }
    }

    /** Reads a CSV export (with or without the byte-order mark; columns by header name, unknown ones ignored). */
    public static List<HistoryEntry> readCsv(InputStream in) throws IOException {
        return HistoryCsv.read(in);
    }

    /**
     * Reads a JSON export; a bare sequence of objects (the {@code history.jsonl} file itself) is read too. Unlike a
     * load, an invalid entry fails the whole read: an import should not drop rows silently.
     */
    public static List<HistoryEntry> readJson(InputStream in) throws IOException {
        List<HistoryEntry> out = new ArrayList<>();
        Interner interner = new Interner();
        try (JsonParser p = HistoryCodec.FACTORY.createParser(in)) {
            p.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
            JsonToken first = p.nextToken();
            if (first == JsonToken.START_ARRAY) {
                for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                    if (t == null) {
                        throw new JsonParseException(p, "unterminated array");
                    }
                    out.add(HistoryCodec.read(p, interner));
                }
            } else {
                for (JsonToken t = first; t != null; t = p.nextToken()) {
                    out.add(HistoryCodec.read(p, interner));
                }
            }
        }
        return out;
    }

    /** Minimal JSON, but each array element on a line of its own, like the history file. */
    private static final class OnePerLine extends MinimalPrettyPrinter {
        @Override
        public void writeStartArray(JsonGenerator g) throws IOException {
            g.writeRaw('[');
        }

        @Override
        public void beforeArrayValues(JsonGenerator g) throws IOException {
            g.writeRaw('\n');
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(",\n");
        }

        @Override
        public void writeEndArray(JsonGenerator g, int values) throws IOException {
            g.writeRaw(values == 0 ? "]" : "\n]");
        }
    }
}
