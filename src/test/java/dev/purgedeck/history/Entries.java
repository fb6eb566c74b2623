package dev.purgedeck.history;

import dev.purgedeck.fastly.PurgeKind;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

/** Sample history entries for tests: every field set, and varied enough to tell entries apart. */
final class Entries {
    static final Instant T0 = Instant.parse("2026-11-26T09:41:02.123Z");

    private Entries() {
    }

    /** Entry {@code i} of job {@code jobId}: a URL, ok, with a purge ID; target names it uniquely. */
    static HistoryEntry entry(String jobId, int i) {
        return new HistoryEntry(jobId, T0.plusMillis(i), "work", "sandbox", "http://127.0.0.1:8080", "SU1Z0isxPaozGVKXdv0eY",
                "Example site", PurgeKind.URL, "https://www.example.com/" + jobId + "/page/" + i, false, "production",
                HistoryEntry.Outcome.OK, "108-1732613000-" + i, 200, null, 1, 20 + i % 7, "alice", "0.1.0");
    }

    static List<HistoryEntry> entries(String jobId, int from, int count) {
        return IntStream.range(from, from + count).mapToObj(i -> entry(jobId, i)).toList();
    }

    /** Every field set, the text ones with characters that need care in JSON and CSV. */
    static HistoryEntry tricky() {
        return new HistoryEntry("job-ü", T0, "prod, \"main\"", "custom", "https://fastly.example/api", "SVC1",
                "Café 日本 🚀", PurgeKind.KEY, "key,with \"quotes\", é, 日本, 🚀", true, "staging",
                HistoryEntry.Outcome.FAILED, null, 503, "Fastly said \"Service Unavailable\",\nthen gave up", 3, 1234,
                "bob", "1.2.3");
    }
}
