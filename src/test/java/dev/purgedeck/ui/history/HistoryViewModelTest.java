package dev.purgedeck.ui.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.fastly.JobRequest;
import dev.purgedeck.fastly.PurgeKind;
import dev.purgedeck.history.HistoryEntry;
import dev.purgedeck.history.HistoryStore;
import dev.purgedeck.testsupport.ScriptedDialogs;
import dev.purgedeck.testsupport.UiQueue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The History screen's view model without the toolkit, on a real history file, with scripted dialogs. */
class HistoryViewModelTest {
    private static final Instant T0 = Instant.parse("2026-11-26T09:41:02Z");
    @TempDir
    Path dir;
    private final UiQueue fx = new UiQueue();
    // The background work runs inline: only its hop back to the UI thread is queued, as in the app.
    private final Executor background = Runnable::run;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final List<JobRequest> reruns = new ArrayList<>();
    private Optional<String> rerunAnswer = Optional.empty();
    private HistoryStore store;
    private HistoryViewModel vm;

    @BeforeEach
    void open() throws Exception {
        store = HistoryStore.open(dir.resolve("history.jsonl"));
        store.append(List.of(entry("job-1", 0, "https://www.example.com/a", HistoryEntry.Outcome.OK, true),
                entry("job-1", 1, "https://www.example.com/b", HistoryEntry.Outcome.FAILED, true),
                entry("job-2", 2, "https://www.example.com/c", HistoryEntry.Outcome.OK, false)));
        vm = new HistoryViewModel(store, fx, background, (request, name) -> {
            reruns.add(request);
            return rerunAnswer;
        }, dialogs, ZoneOffset.UTC);
        vm.load();
        fx.runUntil(() -> !vm.loadingProperty().get());
        vm.refresh();
        fx.drain();
    }

    @AfterEach
    void close() {
        vm.dispose();
        store.close();
    }

    private static HistoryEntry entry(String job, int i, String target, HistoryEntry.Outcome outcome, boolean soft) {
        return new HistoryEntry(job, T0.plusSeconds(i), "work", "sandbox", "http://127.0.0.1:8080", "SVC1",
                "Example site", PurgeKind.URL, target, soft, "production", outcome,
                outcome == HistoryEntry.Outcome.OK ? "108-1732613000-" + i : null, outcome == HistoryEntry.Outcome.OK
                ? 200 : 503, null, 1, 20, "alice", "0.1.0");
    }

    @Test
    void showsEveryEntryNewestFirstAndFilters() {
        assertThat(vm.rows()).extracting(HistoryEntry::target).containsExactly("https://www.example.com/c",
                "https://www.example.com/b", "https://www.example.com/a");
        assertThat(vm.statusProperty().get()).isEqualTo("Showing 3 of 3 items");
        vm.filter().outcomeProperty().set(HistoryEntry.Outcome.FAILED);
        vm.refresh();
        fx.drain();
        assertThat(vm.rows()).extracting(HistoryEntry::target).containsExactly("https://www.example.com/b");
        assertThat(vm.statusProperty().get()).isEqualTo("Showing 1 of 3 items");
        assertThat(vm.services()).hasSize(2);
    }

    @Test
    void jobsAndPurgeIdsComeFromTheEntries() {
        HistoryEntry b = vm.rows().get(1);
        assertThat(vm.job(b)).extracting(HistoryEntry::target)
                .containsExactly("https://www.example.com/a", "https://www.example.com/b");
        assertThat(vm.purgeIds(vm.job(b))).isEqualTo("108-1732613000-0");
    }

    @Test
    void clearingAsksAndDecliningKeepsEverything() throws Exception {
        dialogs.confirmAnswer = false;
        vm.clear();
        fx.drain();
        assertThat(dialogs.asked).containsExactly("confirm: Clear the purge history?");
        assertThat(vm.rows()).hasSize(3);
        assertThat(store.load().entries()).hasSize(3);
        assertThat(backups()).isEmpty();
        assertThat(vm.noticeProperty().get()).isEmpty();
    }

    @Test
    void clearingWhenAcceptedKeepsABackupAndEmptiesTheList() throws Exception {
        vm.clear();
        fx.drain();
        assertThat(vm.rows()).isEmpty();
        assertThat(vm.statusProperty().get()).isEqualTo("No purges recorded yet.");
        assertThat(store.load().entries()).isEmpty();
        assertThat(backups()).singleElement().satisfies(f -> assertThat(Files.readString(f)).contains("example.com/a"));
        assertThat(vm.noticeProperty().get()).startsWith("History cleared. The old history was kept as history-");
    }

    @Test
    void rerunSendsTheChosenItemsAndSaysWhyNot() {
        assertThat(vm.rerun(List.of(), HistoryViewModel.RerunMode.AS_RECORDED, false)).isFalse();
        assertThat(vm.noticeProperty().get()).isEqualTo("Select the items to re-run first.");
        HistoryEntry c = vm.rows().get(0);
        assertThat(vm.rerun(List.of(c), HistoryViewModel.RerunMode.AS_RECORDED, true)).isFalse();
        assertThat(vm.noticeProperty().get()).isEqualTo("Nothing to re-run: none of these items failed.");
        assertThat(reruns).isEmpty();

        assertThat(vm.rerun(vm.job(vm.rows().get(1)), HistoryViewModel.RerunMode.AS_RECORDED, true)).isTrue();
        assertThat(reruns).singleElement().satisfies(r -> {
            assertThat(r.targets()).containsExactly("https://www.example.com/b");
            assertThat(r.options().soft()).isTrue();
        });
        assertThat(vm.rerun(List.of(c), HistoryViewModel.RerunMode.SOFT, false)).isTrue();
        assertThat(reruns.get(1).options().soft()).isTrue();

        rerunAnswer = Optional.of("A purge is running.");
        assertThat(vm.rerun(List.of(c), HistoryViewModel.RerunMode.HARD, false)).isFalse();
        assertThat(vm.noticeProperty().get()).isEqualTo("A purge is running.");
    }

    @Test
    void exportWritesTheRowsAndSaysWhere() throws Exception {
        vm.exportShown(true);
        assertThat(dialogs.asked).singleElement().asString().startsWith("save: Export the purges shown / purgedeck-history-")
                .endsWith(".csv");
        assertThat(vm.noticeProperty().get()).isEmpty();
        Path csv = dir.resolve("out.csv");
        dialogs.saveTo = csv;
        vm.exportShown(true);
        fx.drain();
        assertThat(Files.readAllLines(csv)).hasSize(4);
        assertThat(vm.noticeProperty().get()).isEqualTo("Exported 3 items to " + csv + ".");
    }

    private List<Path> backups() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().matches("history-.+\\.jsonl")).toList();
        }
    }
}
