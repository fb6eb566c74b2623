package dev.purgedeck.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scan started before the search's filters are known (as {@code history --search} starts it while picocli reads
 * the command line) gives what the search run on its own gives, however many entries waited for the filters, and
 * a search for another text than the one the scan started with still gets its own result.
 */
class HistoryScanTest {
    @TempDir
    static Path dir;
    private static Path file;
    private static LoadResult loaded;

    @BeforeAll
    static void writeHistory() throws IOException {
        file = dir.resolve(HistoryStore.FILE_NAME);
        BenchData data = new BenchData(7);
        try (HistoryStore store = HistoryStore.open(file)) {
            for (int job = 0; job < 30; job++) {
                store.append(data.job(1000));
            }
            loaded = store.load();
        }
        assertThat(Files.size(file)).as("big enough for two halves").isGreaterThan(8 << 20);
    }

    @Test
    void aScanStartedEarlyFindsWhatTheSearchFinds() throws IOException {
        // "example" is in every URL: far more entries than a half keeps before the filters come, so the halves
        // wait for them (when they get there first); "timed out" is on a few.
        for (String text : List.of("example", "timed out")) {
            HistoryScan scan = HistoryScan.start(text, file).orElseThrow();
            HistoryQuery query = HistoryQuery.all().withText(text);
            Predicate<HistoryEntry> inService = e -> e.serviceName() == null || e.serviceName().contains("o");
            List<HistoryEntry> expected = new ArrayList<>(query.run(loaded.entries(), null));
            expected.removeIf(inService.negate());
            HistorySearch search = HistorySearch.of(query, inService, 25).orElseThrow();
            HistorySearch.Result r = scan.finish(search);
            assertThat(r.matching()).as(text).isEqualTo(expected.size()).isPositive();
            assertThat(r.newest()).as(text).containsExactlyElementsOf(expected.subList(0, 25));
            assertThat(r).as(text).isEqualTo(search.run(file));
        }
    }

    @Test
    void aSearchForAnotherTextGetsItsOwnResult() throws IOException {
        HistoryScan scan = HistoryScan.start("timed out", file).orElseThrow();
        HistorySearch other = HistorySearch.of(HistoryQuery.all().withText("category/shoes"), e -> true, 10)
                .orElseThrow();
        HistorySearch.Result r = scan.finish(other);
        assertThat(r.matching()).isPositive();
        assertThat(r).isEqualTo(other.run(file));
    }

    @Test
    void nothingStartsWhereTheSearchCannotStream() {
        assertThat(HistoryScan.start("café", file)).isEmpty();
        assertThat(HistoryScan.start("  ", file)).isEmpty();
        assertThat(HistoryScan.start("timed out", dir.resolve("no-history-yet.jsonl"))).isEmpty();
        assertThat(Files.exists(dir.resolve("no-history-yet.jsonl"))).as("not created by a look").isFalse();
    }

    @Test
    void aScanNotWantedCanBeCancelled() throws IOException {
        HistoryScan.start("example", file).orElseThrow().cancel();
        // The file stays usable: the next search reads it whole.
        HistoryQuery query = HistoryQuery.all().withText("example");
        HistorySearch search = HistorySearch.of(query, e -> true, 1).orElseThrow();
        assertThat(search.run(file).matching()).isEqualTo(query.run(loaded.entries(), null).size());
    }
}
