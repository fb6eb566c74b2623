package dev.purgedeck.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.fastly.PurgeKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streaming search finds exactly what loading the history and filtering it finds (the command line's results
 * before it streamed): the same entries in the same order, the same count, the same torn lines skipped, on a file
 * big enough to be split across threads and holding lines that hide the text behind escapes or case folding.
 */
class HistorySearchTest {
    @TempDir
    static Path dir;
    private static final Predicate<HistoryEntry> ANY = e -> true;
    private static Path file;
    private static LoadResult loaded;

    @BeforeAll
    static void writeHistory() throws IOException {
        file = dir.resolve(HistoryStore.FILE_NAME);
        BenchData data = new BenchData(19);
        try (HistoryStore store = HistoryStore.open(file)) {
            for (int job = 0; job < 24; job++) {
                store.append(data.job(1000));
                if (job == 7) {
                    store.append(List.of(Entries.tricky(), kelvin()));
                }
            }
        }
        String t = Entries.T0.toString();
        // Lines another writer could have made: escapes where PurgeDeck writes plain text, CRLF, blanks, a torn line.
        append("{\"job_id\":\"esc-1\",\"time\":\"" + t + "\",\"profile\":\"work\",\"kind\":\"url\",\"target\":"
                + "\"https:\\/\\/esc.example\\/hidden\\u002Dpage\",\"soft\":false,\"environment\":\"production\","
                + "\"outcome\":\"ok\",\"purge_id\":\"108-1-1\",\"http_status\":200,\"attempts\":1,\"duration_ms\":5}\n"
                + "\n   \n"
                + "{\"job_id\":\"crlf-1\",\"time\":\"" + t + "\",\"kind\":\"key\",\"target\":\"timed out key\","
                + "\"soft\":false,\"environment\":\"production\",\"outcome\":\"ok\",\"attempts\":1,"
                + "\"duration_ms\":5}\r\n"
                + "{\"job_id\":\"torn\",\"time\":\"" + t + "\",\"kind\":\"url\",\"target\":\"https://torn.exa\n");
        try (HistoryStore store = HistoryStore.open(file)) {
            store.append(data.job(300));
        }
        append("{\"job_id\":\"unfinished\",\"time\":\"" + t + "\",\"kind\":\"url\",\"target\":\"timed out");
        try (HistoryStore store = HistoryStore.open(file)) {
            loaded = store.load();
        }
        assertThat(Files.size(file)).as("big enough for two threads").isGreaterThan(8 << 20);
        assertThat(loaded.skippedLines()).as("the torn line and the unfinished last one").isEqualTo(2);
    }

    private static HistoryEntry kelvin() {
        return new HistoryEntry("kelvin-1", Entries.T0, "work", "sandbox", "http://127.0.0.1:8080", "SVC1",
                "Service \u212Aelvin", PurgeKind.URL, "https://kelvin.example/\u212Aey", false, "production",
                HistoryEntry.Outcome.OK, "108-2-2", 200, null, 1, 5, "alice", "0.1.0");
    }

    private static void append(String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    @Test
    void findsWhatTheLoadedHistoryFinds() throws IOException {
        for (String text : List.of("timed out", "TIMED OUT", "product-1", "category/shoes", "hidden-page", "/key",
                "kelvin", "service k", "19940-", "a", "Caf", "job-", "nothing-has-this", "Shop production")) {
            for (int limit : new int[] {1, Integer.MAX_VALUE}) {
                sameAsLoaded(query(text), ANY, limit);
            }
        }
        // Found only behind an escape, and only by folding the Kelvin sign: the lines the raw bytes alone would miss.
        assertThat(query("hidden-page").run(loaded.entries(), null)).extracting(HistoryEntry::jobId)
                .containsExactly("esc-1");
        assertThat(query("/key").run(loaded.entries(), null)).extracting(HistoryEntry::jobId)
                .containsExactly("kelvin-1");
    }

    @Test
    void otherFiltersApplyToTheLinesThatHoldTheText() throws IOException {
        HistoryQuery failedUrls = query("example").withOutcomes(EnumSet.of(HistoryEntry.Outcome.FAILED))
                .withKinds(EnumSet.of(PurgeKind.URL));
        sameAsLoaded(failedUrls, ANY, 20);
        Instant middle = loaded.entries().get(loaded.entries().size() / 2).time();
        sameAsLoaded(query("products").between(middle, null), ANY, 5);
        sameAsLoaded(query("-1").withProfile("PRODUCTION"), e -> "Blog".equalsIgnoreCase(e.serviceName()), 7);
    }

    @Test
    void aTextRawBytesCannotShowIsLeftToTheLoader() {
        assertThat(HistorySearch.of(HistoryQuery.all(), ANY, 5)).isEmpty();
        assertThat(HistorySearch.of(query("café"), ANY, 5)).isEmpty();
        assertThat(HistorySearch.of(query("say \"hi\""), ANY, 5)).isEmpty();
        assertThat(HistorySearch.of(query("a\\b"), ANY, 5)).isEmpty();
        assertThat(HistorySearch.of(query("timed out"), ANY, 5)).isPresent();
    }

    private static HistoryQuery query(String text) {
        return HistoryQuery.all().withText(text);
    }

    private static void sameAsLoaded(HistoryQuery query, Predicate<HistoryEntry> also, int limit) throws IOException {
        List<HistoryEntry> expected = new ArrayList<>(query.run(loaded.entries(), null));
        expected.removeIf(also.negate());
        HistorySearch.Result r = HistorySearch.of(query, also, limit).orElseThrow().run(file);
        String what = query.text() + ", limit " + limit;
        assertThat(r.matching()).as(what).isEqualTo(expected.size());
        assertThat(r.newest()).as(what).containsExactlyElementsOf(expected.subList(0, Math.min(limit,
                expected.size())));
        assertThat(r.skipped()).as(what).isEqualTo(loaded.skippedLines());
    }
}
