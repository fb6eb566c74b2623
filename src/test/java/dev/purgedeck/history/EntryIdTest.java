package dev.purgedeck.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.fastly.ItemOutcome;
import dev.purgedeck.fastly.PurgeKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every entry has a stable unique ID: new ones their own, lines from before IDs one derived from the line. */
class EntryIdTest {
    @TempDir
    Path dir;

    @Test
    void aRecordedEntryKeepsItsOwnIdThroughTheFile() throws IOException {
        JobContext job = new JobContext("job-1", "work", "sandbox", "http://127.0.0.1:1", "SVC", "Site", false,
                "production", "alice", "0.1.0");
        HistoryEntry recorded = job.entry(new ItemOutcome(0, PurgeKind.URL, "https://example.com/a",
                ItemOutcome.Status.OK, "p-1", 200, 1, Duration.ofMillis(5), "", null, Entries.T0));
        HistoryEntry tricky = withId(Entries.tricky(), HistoryEntry.newId()); // read back by Jackson, not the fast path
        try (HistoryStore store = HistoryStore.open(dir.resolve("history.jsonl"))) {
            store.append(List.of(recorded, tricky));
        }
        try (HistoryStore store = HistoryStore.open(dir.resolve("history.jsonl"))) {
            List<HistoryEntry> back = store.load().entries();
            assertThat(back).containsExactly(recorded, tricky);
            assertThat(back.get(0).id()).isNotNull().isEqualTo(recorded.stableId());
            assertThat(back.get(1).stableId()).isEqualTo(tricky.id());
        }
    }

    @Test
    void oldLinesWithoutAnIdGetTheSameDerivedIdOnEveryLoadAndEachItemItsOwn() throws IOException {
        Path file = dir.resolve("history.jsonl");
        // Written as an older version wrote them: no "id" field.
        String old = "{\"job_id\":\"j1\",\"time\":\"2026-11-26T09:41:02.123Z\",\"kind\":\"url\","
                + "\"target\":\"https://example.com/a\",\"soft\":false,\"outcome\":\"ok\",\"http_status\":200,"
                + "\"attempts\":1,\"duration_ms\":3}\n"
                + "{\"job_id\":\"j1\",\"time\":\"2026-11-26T09:41:02.123Z\",\"kind\":\"url\","
                + "\"target\":\"https://example.com/b\",\"soft\":false,\"outcome\":\"ok\",\"http_status\":200,"
                + "\"attempts\":1,\"duration_ms\":3}\n"
                + "{\"job_id\":\"j2\",\"time\":\"2026-11-26T09:41:02.123Z\",\"kind\":\"url\","
                + "\"target\":\"https://example.com/a\",\"soft\":false,\"outcome\":\"ok\",\"http_status\":200,"
                + "\"attempts\":1,\"duration_ms\":3}\n";
        Files.writeString(file, old, StandardCharsets.UTF_8);
        List<String> first;
        try (HistoryStore store = HistoryStore.open(file)) {
            List<HistoryEntry> entries = store.load().entries();
            assertThat(entries).hasSize(3).allSatisfy(e -> assertThat(e.id()).isNull());
            first = entries.stream().map(HistoryEntry::stableId).toList();
        }
        assertThat(Set.copyOf(first)).hasSize(3);
        try (HistoryStore store = HistoryStore.open(file)) {
            assertThat(store.load().entries().stream().map(HistoryEntry::stableId).toList()).isEqualTo(first);
        }
        assertThat(first).allSatisfy(id -> assertThat(UUID.fromString(id).toString()).isEqualTo(id));
    }

    @Test
    void newIdsAreUniqueRandomShapedUuidsAlsoFromManyThreads() {
        Set<String> ids = IntStream.range(0, 100_000).parallel().mapToObj(i -> HistoryEntry.newId())
                .collect(Collectors.toSet());
        assertThat(ids).hasSize(100_000).allSatisfy(id -> {
            UUID u = UUID.fromString(id);
            assertThat(u.toString()).isEqualTo(id);
            assertThat(u.version()).isEqualTo(4);
            assertThat(u.variant()).isEqualTo(2);
        });
        // Consecutive IDs do not share their lower half's leading digits, so they read as unrelated in a table.
        String a = HistoryEntry.newId();
        String b = HistoryEntry.newId();
        assertThat(a.substring(19, 23)).isNotEqualTo(b.substring(19, 23));
    }

    static HistoryEntry withId(HistoryEntry e, String id) {
        return new HistoryEntry(e.jobId(), e.time(), e.profile(), e.endpointKind(), e.endpoint(), e.serviceId(),
                e.serviceName(), e.kind(), e.target(), e.soft(), e.environment(), e.outcome(), e.purgeId(),
                e.httpStatus(), e.error(), e.attempts(), e.durationMs(), e.user(), e.appVersion()).withId(id);
    }
}
