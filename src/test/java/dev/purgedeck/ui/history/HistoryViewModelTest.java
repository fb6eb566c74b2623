package dev.purgedeck.ui.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.edge.Freshness;
import dev.purgedeck.fastly.JobRequest;
import dev.purgedeck.fastly.PurgeKind;
import dev.purgedeck.history.HistoryEntry;
import dev.purgedeck.history.HistoryStore;
import dev.purgedeck.history.JobRecording;
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
    private JobRecording.Origin current = new JobRecording.Origin("work", "sandbox", "http://127.0.0.1:8080");
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
        }, dialogs, () -> current, ZoneOffset.UTC);
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
    void theVerdictFilterShowsOnlyTheEntriesWithThatVerdict() throws Exception {
        store.append(List.of(verified("job-7", 7, "https://www.example.com/old", "old_copy"),
                verified("job-8", 8, "https://www.example.com/fresh", "fresh")));
        fx.runUntil(() -> vm.rows().size() == 5);
        vm.filter().verdictProperty().set(Freshness.OLD_COPY);
        vm.refresh();
        fx.drain();
        assertThat(vm.rows()).extracting(HistoryEntry::target).containsExactly("https://www.example.com/old");
        vm.filter().reset();
        vm.refresh();
        fx.drain();
        assertThat(vm.rows()).as("unverified entries too once the filter is cleared").hasSize(5);
    }

    private static HistoryEntry verified(String job, int i, String target, String verdict) {
        HistoryEntry e = entry(job, i, target, HistoryEntry.Outcome.OK, false);
        return new HistoryEntry(e.jobId(), e.time(), e.profile(), e.endpointKind(), e.endpoint(), e.serviceId(),
                e.serviceName(), e.kind(), e.target(), e.soft(), e.environment(), e.outcome(), e.purgeId(),
                e.httpStatus(), e.error(), e.attempts(), e.durationMs(), e.user(), e.appVersion(), null, null, verdict,
                "the page was looked at", null);
    }

    @Test
    void profilesAreOfferedWithTheirEndpointAndFilter() throws Exception {
        store.append(List.of(new HistoryEntry("job-9", T0.plusSeconds(9), "production", "fastly",
                "https://api.fastly.com", "SVC1", "Example site", PurgeKind.KEY, "k", false, "production",
                HistoryEntry.Outcome.OK, "1-2", 200, null, 1, 5, "alice", "0.1.0")));
        fx.runUntil(() -> vm.rows().size() == 4);
        assertThat(vm.profiles()).extracting(HistoryFilter.ProfileChoice::toString).containsExactly("All profiles",
                "work (sandbox http://127.0.0.1:8080)", "production (Fastly API https://api.fastly.com)");
        vm.filter().profileProperty().set(vm.profiles().get(2));
        vm.refresh();
        fx.drain();
        assertThat(vm.rows()).extracting(HistoryEntry::target).containsExactly("k");
        vm.filter().reset();
        vm.refresh();
        fx.drain();
        assertThat(vm.rows()).hasSize(4);
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
    void rerunAsksFirstNamingProfileEndpointServiceAndCount() {
        HistoryEntry b = vm.rows().get(1);
        dialogs.confirmAnswer = false;
        assertThat(vm.rerun(vm.job(b), HistoryViewModel.RerunMode.AS_RECORDED, false)).isFalse();
        assertThat(reruns).isEmpty();
        assertThat(dialogs.asked).containsExactly("confirm: Re-run these purges?");
        assertThat(dialogs.lastQuestion).contains("2 URLs (soft: marked stale)", "Profile: “work”",
                "Endpoint: sandbox http://127.0.0.1:8080", "Service: Example site (SVC1)", "Items: 2")
                .doesNotContain("WARNING");
        dialogs.confirmAnswer = true;
        assertThat(vm.rerun(vm.job(b), HistoryViewModel.RerunMode.HARD, false)).isTrue();
        assertThat(dialogs.lastQuestion).contains("(hard: removed)");
        assertThat(reruns).hasSize(1);
    }

    @Test
    void rerunWarnsWhenTheProfileOrEndpointDiffers() {
        current = new JobRecording.Origin("production", "fastly", "https://api.fastly.com");
        dialogs.confirmAnswer = false;
        assertThat(vm.rerun(List.of(vm.rows().get(0)), HistoryViewModel.RerunMode.AS_RECORDED, false)).isFalse();
        assertThat(dialogs.asked).containsExactly("confirm: Re-run on a different profile or endpoint?");
        assertThat(dialogs.lastQuestion).contains("Profile: “production”", "Endpoint: Fastly API https://api.fastly.com",
                "WARNING: these items were recorded on profile “work” at sandbox http://127.0.0.1:8080");
        assertThat(reruns).isEmpty();

        current = new JobRecording.Origin("work", "custom", "http://127.0.0.1:9999");
        vm.rerun(List.of(vm.rows().get(0)), HistoryViewModel.RerunMode.AS_RECORDED, false);
        assertThat(dialogs.lastQuestion).contains("WARNING");
        assertThat(reruns).isEmpty();
    }

    @Test
    void aFailedItemPurgedLaterIsMarkedAndLeftOutOfReRunningTheFailed() throws Exception {
        HistoryEntry b = vm.rows().get(1);
        assertThat(vm.laterPurged(b)).isFalse();
        store.append(List.of(entry("job-3", 5, "https://www.example.com/b", HistoryEntry.Outcome.OK, true)));
        fx.runUntil(() -> vm.rows().size() == 4);
        assertThat(vm.laterPurged(b)).isTrue();
        assertThat(vm.laterPurged(vm.rows().get(0))).isFalse(); // the success itself

        assertThat(vm.rerun(vm.job(b), HistoryViewModel.RerunMode.AS_RECORDED, true)).isFalse();
        assertThat(vm.noticeProperty().get()).isEqualTo("Nothing to re-run: every failed item was purged successfully later.");
        assertThat(dialogs.asked).isEmpty();
        assertThat(reruns).isEmpty();

        // One failed item purged later, one not: only the other is sent, and the question says what was left out.
        store.append(List.of(entry("job-4", 6, "https://www.example.com/d", HistoryEntry.Outcome.FAILED, true),
                entry("job-4", 7, "https://www.example.com/e", HistoryEntry.Outcome.FAILED, true),
                entry("job-5", 8, "https://www.example.com/d", HistoryEntry.Outcome.OK, true)));
        fx.runUntil(() -> vm.rows().size() == 7);
        HistoryEntry e = vm.rows().stream().filter(x -> x.target().endsWith("/e")).findFirst().orElseThrow();
        assertThat(vm.rerun(vm.job(e), HistoryViewModel.RerunMode.AS_RECORDED, true)).isTrue();
        assertThat(dialogs.lastQuestion).contains("Items: 1 (1 failed item purged successfully later left out)");
        assertThat(reruns).singleElement().satisfies(r -> assertThat(r.targets()).containsExactly("https://www.example.com/e"));
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

    @Test
    void aRetryIsLinkedToTheJobItRetriedAndNamesTheSuccessOfTheFailedItem() throws Exception {
        HistoryEntry b = vm.rows().get(1);
        assertThat(vm.retriedBy(b)).isEmpty();
        HistoryEntry retry = entry("job-3", 5, "https://www.example.com/b", HistoryEntry.Outcome.OK, true);
        store.append(List.of(new HistoryEntry(retry.jobId(), retry.time(), retry.profile(), retry.endpointKind(),
                retry.endpoint(), retry.serviceId(), retry.serviceName(), retry.kind(), retry.target(), retry.soft(),
                retry.environment(), retry.outcome(), retry.purgeId(), retry.httpStatus(), retry.error(),
                retry.attempts(), retry.durationMs(), retry.user(), retry.appVersion(), "job-1")));
        fx.runUntil(() -> vm.rows().size() == 4);

        assertThat(vm.retriedBy(b)).containsExactly("job-3");
        assertThat(vm.purgedLaterBy(b)).hasValueSatisfying(ok -> assertThat(ok.jobId()).isEqualTo("job-3"));
        assertThat(vm.job("job-1")).hasSize(2);
        // The job that purged "c" was no retry, and the success itself needs nothing later.
        assertThat(vm.retriedBy(vm.rows().get(0))).isEmpty();
        assertThat(vm.purgedLaterBy(vm.rows().get(0))).isEmpty();
    }
}
