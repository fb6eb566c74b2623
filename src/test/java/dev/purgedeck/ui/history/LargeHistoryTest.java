package dev.purgedeck.ui.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.fastly.PurgeKind;
import dev.purgedeck.history.HistoryEntry;
import dev.purgedeck.history.HistoryStore;
import dev.purgedeck.testsupport.ScriptedDialogs;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The History screen's model with a large history and no toolkit (synchronous executors): a selected row's job is
 * looked up, and new purges go into the rows where a full filter and sort would put them, without redoing either.
 */
class LargeHistoryTest {
    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    private static final int JOBS = 2_000;
    private static final int PER_JOB = 100;

    @TempDir
    Path dir;
    private HistoryStore store;
    private HistoryViewModel vm;

    private static HistoryEntry entry(String jobId, int i, long millis, String target) {
        return new HistoryEntry(jobId, T0.plusMillis(millis), "work", "sandbox", "http://127.0.0.1:1", "SVC" + (i % 3),
                "Shop " + (i % 3), PurgeKind.URL, target, false, "production",
                i % 10 == 0 ? HistoryEntry.Outcome.FAILED : HistoryEntry.Outcome.OK, "p-" + i, 200, null, 1, 5,
                "alice", "test");
    }

    @BeforeEach
    void twoHundredThousandEntries() throws Exception {
        store = HistoryStore.open(HistoryStore.fileIn(dir));
        for (int job = 0; job < JOBS; job++) {
            String id = "job-" + job;
            int first = job * PER_JOB;
            // Jobs interleave in time as two windows would write them: a job's items are not one block of the rows.
            store.append(IntStream.range(first, first + PER_JOB)
                    .mapToObj(i -> entry(id, i, i * 2L + (i % 2), "https://www.example.com/" + i)).toList());
        }
        vm = new HistoryViewModel(store, Runnable::run, Runnable::run, (request, name) -> Optional.empty(),
                new ScriptedDialogs(), ZoneId.of("UTC"));
        vm.load();
    }

    @AfterEach
    void close() {
        vm.dispose();
        store.close();
    }

    @Test
    void selectingARowGivesEveryItemOfItsJobInRecordedOrder() {
        assertThat(vm.rows()).hasSize(JOBS * PER_JOB);
        HistoryEntry selected = vm.rows().get(123_456);
        List<HistoryEntry> job = vm.job(selected);
        int first = Integer.parseInt(selected.jobId().substring(4)) * PER_JOB;
        assertThat(job).hasSize(PER_JOB).allMatch(e -> e.jobId().equals(selected.jobId()));
        assertThat(job).extracting(HistoryEntry::target).containsExactlyElementsOf(IntStream
                .range(first, first + PER_JOB).mapToObj(i -> "https://www.example.com/" + i).toList());
        assertThat(vm.statusProperty().get()).isEqualTo("Showing 200,000 of 200,000 items");
    }

    @Test
    void aNewBatchIsOneInsertAtTheTopNewestFirstAndItsJobIsFound() throws Exception {
        HistoryEntry formerTop = vm.rows().get(0);
        List<ListChangeListener.Change<? extends HistoryEntry>> changes = new ArrayList<>();
        vm.rows().addListener((ListChangeListener<HistoryEntry>) c -> changes.add(c));
        long later = JOBS * PER_JOB * 3L;
        store.append(IntStream.range(0, 256).mapToObj(i -> entry("job-new", i, later + i, "https://new/" + i))
                .toList());

        assertThat(vm.rows()).hasSize(JOBS * PER_JOB + 256);
        assertThat(vm.rows().get(0).target()).isEqualTo("https://new/255");
        assertThat(vm.rows().get(255).target()).isEqualTo("https://new/0");
        assertThat(vm.rows().get(256)).isSameAs(formerTop);
        assertThat(changes).hasSize(1); // one added range, not the whole list replaced
        assertThat(vm.job(vm.rows().get(7))).hasSize(256);
        assertThat(vm.statusProperty().get()).isEqualTo("Showing 200,256 of 200,256 items");
    }

    @Test
    void newEntriesLandWhereAFullFilterAndSortPutsThem() throws Exception {
        vm.filter().textProperty().set("example.com/1");
        vm.sortBy(Comparator.comparing(HistoryEntry::target));
        int before = vm.rows().size();
        long later = JOBS * PER_JOB * 3L;
        for (int batch = 0; batch < 5; batch++) {
            int b = batch;
            store.append(IntStream.range(0, 50).mapToObj(i -> entry("job-late-" + b, i, later + i,
                    "https://www.example.com/" + (i * 37 % 1000) + "-late")).toList());
        }
        List<HistoryEntry> incremental = List.copyOf(vm.rows());
        vm.refresh();

        assertThat(incremental.size()).isGreaterThan(before);
        assertThat(incremental).containsExactlyElementsOf(vm.rows());
    }
}
