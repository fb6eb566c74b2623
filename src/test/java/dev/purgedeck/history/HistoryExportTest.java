package dev.purgedeck.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.purgedeck.fastly.PurgeKind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSV and JSON exports: exact round trips, including the characters that break naive writers. */
class HistoryExportTest {
    private static final HistoryEntry MINIMAL = new HistoryEntry("j", Entries.T0, null, null, null, null, null,
            PurgeKind.ALL, "SVC", false, null, HistoryEntry.Outcome.CANCELLED, null, 0, null, 0, 0, null, null);
    private static final List<HistoryEntry> ROWS = List.of(Entries.entry("job-1", 1), Entries.tricky(), MINIMAL,
            new HistoryEntry("j2", Entries.T0, "p", "fastly", "https://api.fastly.com", "S", "=cmd|' /C calc'!A0",
                    PurgeKind.URL, "https://example.com/a,b?c=\"d\"&e=é#日本🚀", false, "production",
                    HistoryEntry.Outcome.FAILED, null, 0, "line one\r\nline \"two\"", 0, 5, " spaced ", "1.0"));

    @Test
    void csvRoundTripsExactlyWithBomHeaderAndIsoTimes() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        HistoryExport.csv(ROWS, out);
        byte[] bytes = out.toByteArray();
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
        assertThat(text).startsWith("job_id,time,profile,endpoint_kind,endpoint,service_id,service_name,kind,target,"
                + "soft,environment,outcome,purge_id,http_status,error,attempts,duration_ms,user,app_version,"
                + "second_purge_id,verdict,verdict_reason\r\n");
        assertThat(text).contains("2026-11-26T09:41:02.123Z", "\"key,with \"\"quotes\"\", é, 日本, 🚀\"");
        assertThat(HistoryExport.readCsv(new ByteArrayInputStream(bytes))).isEqualTo(ROWS);
        // Without the BOM (e.g. saved again by another tool) it reads the same.
        assertThat(HistoryExport.readCsv(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))).isEqualTo(ROWS);
    }

    @Test
    void jsonIsAnArrayOfTheHistoryLinesAndRoundTrips(@TempDir Path dir) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        HistoryExport.json(ROWS, out);
        String text = out.toString(StandardCharsets.UTF_8);
        JsonNode array = new ObjectMapper().readTree(text);
        assertThat(array.isArray()).isTrue();
        assertThat(array).hasSize(4);
        try (HistoryStore store = HistoryStore.open(dir.resolve(HistoryStore.FILE_NAME))) {
            store.append(ROWS);
        }
        List<String> lines = Files.readAllLines(dir.resolve(HistoryStore.FILE_NAME));
        assertThat(text).isEqualTo("[\n" + String.join(",\n", lines) + "\n]\n");
        assertThat(HistoryExport.readJson(new ByteArrayInputStream(out.toByteArray()))).isEqualTo(ROWS);
        assertThat(HistoryExport.readJson(Files.newInputStream(dir.resolve(HistoryStore.FILE_NAME)))).isEqualTo(ROWS);
    }

    @Test
    void emptyExportsAreValid() throws IOException {
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        HistoryExport.csv(List.of(), csv);
        assertThat(HistoryExport.readCsv(new ByteArrayInputStream(csv.toByteArray()))).isEmpty();
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        HistoryExport.json(List.of(), json);
        assertThat(json.toString(StandardCharsets.UTF_8)).isEqualTo("[]\n");
        assertThat(HistoryExport.readJson(new ByteArrayInputStream(json.toByteArray()))).isEmpty();
    }
}
