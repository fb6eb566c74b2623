package dev.purgedeck.history;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The CSV form of entries: the JSON field names as the header, one column each, times in ISO-8601 UTC. */
final class HistoryCsv {
    static final List<String> COLUMNS = List.of("job_id", "time", "profile", "endpoint_kind", "endpoint", "service_id",
            "service_name", "kind", "target", "soft", "environment", "outcome", "purge_id", "http_status", "error",
            "attempts", "duration_ms", "user", "app_version", "second_purge_id", "verdict", "verdict_reason");
    private static final CsvMapper MAPPER = CsvMapper.builder()
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET).disable(JsonParser.Feature.AUTO_CLOSE_SOURCE).build();
    private static final ObjectWriter WRITER;
    private static final ObjectReader READER = MAPPER.readerForMapOf(String.class)
            .with(CsvSchema.emptySchema().withHeader());

    static {
        CsvSchema.Builder schema = CsvSchema.builder();
        COLUMNS.forEach(schema::addColumn);
        WRITER = MAPPER.writer(schema.build().withHeader().withLineSeparator("\r\n"));
    }

    private HistoryCsv() {
    }

    static void write(List<HistoryEntry> rows, OutputStream out, boolean bom) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        if (bom) {
            w.write('\uFEFF');
        }
        try (SequenceWriter seq = WRITER.writeValues(w)) {
            for (HistoryEntry e : rows) {
                seq.write(row(e));
            }
        }
        w.flush();
    }

    private static String[] row(HistoryEntry e) {
        String[] cells = {e.jobId(), IsoTimes.format(e.time()), e.profile(), e.endpointKind(), e.endpoint(),
            e.serviceId(), e.serviceName(), e.kind().id(), e.target(), Boolean.toString(e.soft()), e.environment(),
            e.outcome().id(), e.purgeId(), Integer.toString(e.httpStatus()), e.error(),
            Integer.toString(e.attempts()), Long.toString(e.durationMs()), e.user(), e.appVersion(),
            e.secondPurgeId(), e.verdict(), e.verdictReason()};
        for (int i = 0; i < cells.length; i++) {
            cells[i] = SpreadsheetCells.neutralise(cells[i]);
        }
        return cells;
    }

    static List<HistoryEntry> read(InputStream in) throws IOException {
        InputStream body = skipBom(in);
        List<HistoryEntry> out = new ArrayList<>();
        try (MappingIterator<Map<String, String>> it = READER.readValues(body)) {
            while (it.hasNextValue()) {
                out.add(entry(it.nextValue()));
            }
        }
        return out;
    }

    private static HistoryEntry entry(Map<String, String> cells) {
        Map<String, String> r = new HashMap<>();
        cells.forEach((k, v) -> r.put(k, SpreadsheetCells.restore(v)));
        String time = r.get("time");
        return new HistoryEntry(r.get("job_id"), time == null ? null : Instant.parse(time), r.get("profile"),
                r.get("endpoint_kind"), r.get("endpoint"), r.get("service_id"), r.get("service_name"),
                HistoryEntry.kindOf(r.get("kind")), r.get("target"), Boolean.parseBoolean(r.get("soft")),
                r.get("environment"), HistoryEntry.Outcome.of(r.get("outcome")), r.get("purge_id"),
                integer(r.get("http_status")), r.get("error"), integer(r.get("attempts")),
                longInteger(r.get("duration_ms")), r.get("user"), r.get("app_version"),
                null, r.get("second_purge_id"), r.get("verdict"), r.get("verdict_reason"), null);
    }

    private static int integer(String s) {
        return s == null || s.isBlank() ? 0 : Integer.parseInt(s.strip());
    }

    private static long longInteger(String s) {
        return s == null || s.isBlank() ? 0 : Long.parseLong(s.strip());
    }

    private static InputStream skipBom(InputStream in) throws IOException {
        BufferedInputStream b = new BufferedInputStream(in);
        b.mark(3);
        byte[] head = b.readNBytes(3);
        if (head.length < 3 || (head[0] & 0xFF) != 0xEF || (head[1] & 0xFF) != 0xBB || (head[2] & 0xFF) != 0xBF) {
            b.reset();
        }
        return b;
    }
}
