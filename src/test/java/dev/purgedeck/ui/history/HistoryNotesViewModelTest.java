package dev.purgedeck.ui.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.edge.Freshness;
import dev.purgedeck.fastly.PurgeKind;
import dev.purgedeck.history.HistoryEntry;
import dev.purgedeck.history.HistoryStore;
import dev.purgedeck.history.JobNote;
import dev.purgedeck.history.JobNotes;
import dev.purgedeck.history.JobRecording;
import dev.purgedeck.testsupport.ScriptedDialogs;
import dev.purgedeck.testsupport.UiQueue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The History screen merges job notes into its entries: those on disk at load, and the window's own as they come. */
class HistoryNotesViewModelTest {
    private static final Instant T0 = Instant.parse("2026-12-06T02:00:00Z");
    @TempDir
    Path dir;
    private final UiQueue fx = new UiQueue();
    private HistoryStore store;
    private JobNotes notes;
    private HistoryViewModel vm;
    private HistoryEntry noted;
    private HistoryEntry oldStyle;
    private HistoryEntry pending;

    @BeforeEach
    void open() throws Exception {
        store = HistoryStore.open(dir.resolve(HistoryStore.FILE_NAME));
        noted = entry("job-1", 0);
        oldStyle = entry("job-2", 1).withVerdict("old_copy", "Age 600 s"); // a line as session 4 wrote it
        pending = entry("job-3", 2);
        store.append(List.of(noted, oldStyle, pending));
        notes = JobNotes.besideHistory(store.file());
        notes.append(List.of(JobNote.verdict(noted, "fresh", "Fetched from the origin after the purge.", T0)));
        vm = new HistoryViewModel(store, notes, fx, Runnable::run, (request, name) -> Optional.empty(),
                new ScriptedDialogs(), () -> null, ZoneOffset.UTC);
        vm.load();
        fx.runUntil(() -> !vm.loadingProperty().get());
        fx.drain();
    }

    @AfterEach
    void close() {
        vm.dispose();
        store.close();
    }

    private static HistoryEntry entry(String job, int i) {
        return new HistoryEntry(job, T0.plusSeconds(i), "work", "sandbox", "http://127.0.0.1:8080", null, null,
                PurgeKind.URL, "https://www.dailycourier.example/" + i, false, "production", HistoryEntry.Outcome.OK,
                "1-" + i, 200, null, 1, 20, "alice", "0.1.0").withId(HistoryEntry.newId());
    }

    private List<String> verdicts() {
        return vm.rows().stream().map(HistoryEntry::verdict).toList();
    }

    @Test
    void verdictsFromNotesAndFromOldLinesShowAfterLoadAndFilter() {
        assertThat(verdicts()).containsExactly(null, "old_copy", "fresh");
        vm.filter().verdictProperty().set(Freshness.FRESH);
        vm.refresh();
        fx.drain();
        assertThat(vm.rows()).extracting(HistoryEntry::target).containsExactly(noted.target());
        assertThat(vm.job("job-1")).extracting(HistoryEntry::verdict).containsExactly("fresh");
    }

    @Test
    void aVerdictWrittenByThisWindowUpdatesItsRowAndTheFilterAtOnce() throws Exception {
        vm.filter().verdictProperty().set(Freshness.OLD_COPY);
        vm.refresh();
        fx.drain();
        assertThat(vm.rows()).extracting(HistoryEntry::target).containsExactly(oldStyle.target());

        notes.append(List.of(JobNote.verdict(pending, "old_copy", "Age 300 s", T0.plusSeconds(5))));
        fx.drain();
        assertThat(vm.rows()).extracting(HistoryEntry::target).containsExactly(pending.target(), oldStyle.target());
        assertThat(vm.rows().get(0).verdictReason()).isEqualTo("Age 300 s");

        // A later look supersedes: the row leaves the "old copy" filter and shows fresh unfiltered.
        notes.append(List.of(JobNote.verdict(pending, "fresh", "Purged again", T0.plusSeconds(9))));
        fx.drain();
        assertThat(vm.rows()).extracting(HistoryEntry::target).containsExactly(oldStyle.target());
        vm.filter().verdictProperty().set(null);
        vm.refresh();
        fx.drain();
        assertThat(verdicts()).containsExactly("fresh", "old_copy", "fresh");
        assertThat(vm.job("job-3")).extracting(HistoryEntry::verdict).containsExactly("fresh");
    }

    @Test
    void aVerdictTheCommandLineWritesShowsAtTheStoresNextLookWithoutAReload() throws Exception {
        // The window's recording follows the notes file, as the app's does; its History reads them as they come.
        JobRecording recording = new JobRecording(store, "0.1.0");
        HistoryViewModel window = new HistoryViewModel(store, recording.notes(), fx, Runnable::run,
                (request, name) -> Optional.empty(), new ScriptedDialogs(), () -> null, ZoneOffset.UTC);
        try {
            window.load();
            fx.runUntil(() -> !window.loadingProperty().get());
            window.filter().verdictProperty().set(Freshness.OLD_COPY);
            window.refresh();
            fx.drain();
            assertThat(window.rows()).extracting(HistoryEntry::target).containsExactly(oldStyle.target());

            // Another process (purgedeck purge --verify) writes its verdict with its own JobNotes.
            JobNotes.besideHistory(store.file()).append(List.of(JobNote.verdict(pending, "old_copy", "Age 300 s",
                    T0.plusSeconds(5))));
            store.watch(Duration.ofMillis(20));
            fx.runUntil(() -> window.rows().size() == 2);
            assertThat(window.rows()).extracting(HistoryEntry::target).containsExactly(pending.target(),
                    oldStyle.target());
            assertThat(window.rows().get(0).verdictReason()).isEqualTo("Age 300 s");
        } finally {
            window.dispose();
        }
    }

    @Test
    void aVerdictThatArrivesWhileTheFilterRunsIsInTheRowsTheFilterShows() throws Exception {
        Queue<Runnable> background = new ArrayDeque<>(); // run when the test says: the filter is "still running"
        HistoryViewModel window = new HistoryViewModel(store, notes, fx, background::add,
                (request, name) -> Optional.empty(), new ScriptedDialogs(), () -> null, ZoneOffset.UTC);
        try {
            window.load();
            background.remove().run();
            fx.runUntil(() -> !window.loadingProperty().get());
            while (!background.isEmpty()) {
                background.remove().run();
                fx.drain();
            }
            window.refresh(); // e.g. a new profile in the list re-applies the filter, in the background
            notes.append(List.of(JobNote.verdict(pending, "old_copy", "Age 300 s", T0.plusSeconds(5))));
            background.remove().run(); // the filter reads the rows before the note is merged on the UI thread
            fx.drain(); // the note is merged, then the filter's rows are shown

            assertThat(window.rows()).extracting(HistoryEntry::verdict).containsExactly("old_copy", "old_copy",
                    "fresh");
            assertThat(window.rows()).hasSize(3);
        } finally {
            window.dispose();
        }
    }

    @Test
    void aJobsImpactSummaryIsThereForItsDetailsAndItsExport() throws Exception {
        int before = vm.notesArrivedProperty().get();
        assertThat(vm.jobNote("job-3", JobNote.IMPACT)).isEmpty();
        notes.append(List.of(JobNote.ofJob("job-3", JobNote.IMPACT, "hit ratio 97 % → 41 % at the lowest", T0)));
        fx.drain();
        assertThat(vm.notesArrivedProperty().get()).isGreaterThan(before);
        assertThat(vm.jobNote("job-3", JobNote.IMPACT)).get().extracting(JobNote::text)
                .isEqualTo("hit ratio 97 % → 41 % at the lowest");

        Path out = dir.resolve("export.json");
        vm.export(List.copyOf(vm.rows()), out, false);
        fx.drain();
        assertThat(Files.readString(out)).contains("\"impact\":\"hit ratio 97 % → 41 % at the lowest\"",
                "\"verdict\":\"fresh\"");
    }

    @Test
    void notesOnDiskAreReadAgainOnTheNextLoad() throws Exception {
        JobNotes other = JobNotes.besideHistory(store.file()); // another process: this window does not hear it
        other.append(List.of(JobNote.verdict(pending, "not_cached", "Pass", T0)));
        fx.drain();
        assertThat(verdicts()).containsExactly(null, "old_copy", "fresh");
        vm.load();
        fx.runUntil(() -> !vm.loadingProperty().get());
        fx.drain();
        assertThat(verdicts()).containsExactly("not_cached", "old_copy", "fresh");
    }
}
