package dev.purgedeck.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The second purge ID and the verdict of a verified purge: kept in the file, exported, filtered on. */
class VerdictHistoryTest {
    private static final List<HistoryEntry> ROWS = List.of(
            verified(0, "fresh", "Fetched from the origin after the purge."),
            verified(1, "old_copy", "The copy is 500 s old but the purge was 0.3 s ago, \"shield\"."),
            Entries.entry("job-old", 2));

    @TempDir
    Path dir;

    private static HistoryEntry verified(int i, String verdict, String reason) {
        HistoryEntry e = Entries.entry("job-v", i);
        return new HistoryEntry(e.jobId(), e.time(), e.profile(), e.endpointKind(), e.endpoint(), e.serviceId(),
                e.serviceName(), e.kind(), e.target(), e.soft(), e.environment(), e.outcome(), e.purgeId(),
                e.httpStatus(), e.error(), e.attempts(), e.durationMs(), e.user(), e.appVersion(), null, "second-" + i,
                verdict, reason, null);
    }

    @Test
    void theFileKeepsBothPurgeIdsAndTheVerdictAndOldLinesStillLoad() throws IOException {
        Path file = dir.resolve(HistoryStore.FILE_NAME);
        // A line as versions before verification wrote it: no second_purge_id, no verdict.
        String old = "{\"job_id\":\"old\",\"time\":\"2026-11-26T09:41:02.123Z\",\"kind\":\"url\","
                + "\"target\":\"https://www.example.com/\",\"soft\":false,\"outcome\":\"ok\",\"purge_id\":\"1-2\","
                + "\"http_status\":200,\"attempts\":1,\"duration_ms\":20}\n";
        Files.writeString(file, old);
        try (HistoryStore store = HistoryStore.open(file)) {
            store.append(ROWS);
        }
        List<String> lines = Files.readAllLines(file);
        assertThat(lines.get(2)).contains("\"second_purge_id\":\"second-1\"", "\"verdict\":\"old_copy\"",
                "\"verdict_reason\":");
        assertThat(lines.get(3)).doesNotContain("verdict", "second_purge_id");
        try (HistoryStore store = HistoryStore.open(file)) {
            LoadResult loaded = store.load();
            assertThat(loaded.skippedLines()).isZero();
            assertThat(loaded.entries()).hasSize(4);
            assertThat(loaded.entries().subList(1, 4)).isEqualTo(ROWS);
            HistoryEntry first = loaded.entries().get(0);
            assertThat(first.purgeId()).isEqualTo("1-2");
            assertThat(first.secondPurgeId()).isNull();
            assertThat(first.verdict()).isNull();
        }
    }

    @Test
    void csvAndJsonExportsCarryTheVerdictAndReadItBack() throws IOException {
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        HistoryExport.csv(ROWS, csv);
        assertThat(csv.toString(StandardCharsets.UTF_8)).contains(",second-1,old_copy,\"The copy is 500 s old");
        assertThat(HistoryExport.readCsv(new ByteArrayInputStream(csv.toByteArray()))).isEqualTo(ROWS);
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        HistoryExport.json(ROWS, json);
        assertThat(HistoryExport.readJson(new ByteArrayInputStream(json.toByteArray()))).isEqualTo(ROWS);
    }

    @Test
    void theHistoryFiltersOnVerdicts() {
        HistoryQuery old = HistoryQuery.all().withVerdicts(Set.of("old_copy"));
        assertThat(old.run(ROWS, null)).extracting(HistoryEntry::verdict).containsExactly("old_copy");
        assertThat(HistoryQuery.all().withVerdicts(Set.of("fresh", "old_copy")).run(ROWS, null)).hasSize(2);
        assertThat(HistoryQuery.all().withVerdicts(Set.of()).run(ROWS, null)).hasSize(3);
        // The other filters keep the verdict filter.
        assertThat(old.withText("page/1").run(ROWS, null)).hasSize(1);
        assertThat(old.withText("page/0").run(ROWS, null)).isEmpty();
    }
}
