package dev.purgedeck.ui.purge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.purgedeck.fastly.BulkPurgeRunner;
import dev.purgedeck.fastly.JobRequest;
import dev.purgedeck.fastly.JobResult;
import dev.purgedeck.fastly.PurgeOptions;
import dev.purgedeck.sandbox.DemoAccount;
import dev.purgedeck.sandbox.FaultSettings;
import dev.purgedeck.testsupport.Clients;
import dev.purgedeck.testsupport.ManualScheduler;
import dev.purgedeck.testsupport.SandboxExtension;
import dev.purgedeck.testsupport.UiQueue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The results of a purge job without the toolkit: rows, progress, summary and retry, against the sandbox. */
class ResultsViewModelTest {
    @RegisterExtension
    static final SandboxExtension SANDBOX = new SandboxExtension();
    private final UiQueue fx = new UiQueue();
    private final ResultsViewModel results = new ResultsViewModel(new BulkPurgeRunner(Clients.client(SANDBOX.server().baseUri(),
            DemoAccount.GLOBAL_TOKEN, Clients.FAST_RETRY)), fx);

    private static JobRequest urls(String... paths) {
        return JobRequest.urls(null, List.of(paths).stream().map(p -> "https://www.example.com/" + p).toList(),
                PurgeOptions.HARD, JobRequest.DEFAULT_CONCURRENCY);
    }

    @Test
    void aJobShowsOneRowPerItemThenItsSummary() {
        List<JobResult> finished = new ArrayList<>();
        results.onFinished(finished::add);
        results.start(urls("a", "b", "c"));
        // Before any answer is handed to the UI thread: every row pending, nothing done.
        assertThat(results.runningProperty().get()).isTrue();
        assertThat(results.rows()).extracting(ResultRow::state).containsOnly(ResultRow.State.PENDING);
        assertThat(results.progressTextProperty().get()).isEqualTo("0 / 3");
        assertThatThrownBy(() -> results.start(urls("d"))).isInstanceOf(IllegalStateException.class);
        fx.runUntil(() -> !results.runningProperty().get());
        assertThat(results.rows()).extracting(ResultRow::state).containsOnly(ResultRow.State.OK);
        assertThat(results.progressProperty().get()).isEqualTo(1.0);
        assertThat(results.summaryProperty().get()).isEqualTo("3 purged, 0 failed");
        assertThat(results.hasFailuresProperty().get()).isFalse();
        assertThat(finished).hasSize(1);
        assertThat(results.purgeIds(List.of()).lines()).hasSize(3);
        assertThat(results.purgeIds(List.of(results.rows().get(1)))).isEqualTo(results.rows().get(1).purgeId());
        assertThat(results.failedRequest()).isEmpty();
    }

    @Test
    void failedItemsCanBeSentAgainWithTheSameOptions() {
        SANDBOX.server().setFaults(FaultSettings.none().withErrorRate(1.0, 500));
        results.start(urls("a", "b"));
        fx.runUntil(() -> !results.runningProperty().get());
        assertThat(results.hasFailuresProperty().get()).isTrue();
        assertThat(results.rows()).extracting(ResultRow::state).containsOnly(ResultRow.State.FAILED);
        assertThat(results.failedRequest()).hasValueSatisfying(r -> {
            assertThat(r.targets()).containsExactly("https://www.example.com/a", "https://www.example.com/b");
            assertThat(r.options()).isEqualTo(PurgeOptions.HARD);
        });
    }

    @Test
    void cancelEndsTheUnfinishedItemsAsCancelled() {
        SANDBOX.server().setFaults(FaultSettings.none().withLatency(Duration.ofMillis(200)));
        results.start(new JobRequest(null, dev.purgedeck.fastly.PurgeKind.URL, urls("a", "b", "c", "d").targets(),
                PurgeOptions.HARD, 1));
        results.cancel();
        fx.runUntil(() -> !results.runningProperty().get());
        assertThat(results.rows()).extracting(ResultRow::state).contains(ResultRow.State.CANCELLED)
                .doesNotContain(ResultRow.State.PENDING);
        assertThat(results.summaryProperty().get()).contains("cancelled");
    }

    @Test
    void itemsACancelKeptFromBeingSentSaySoAndCanBeSentIntoTheirRows() {
        SANDBOX.server().setFaults(FaultSettings.none().withLatency(Duration.ofMillis(200)));
        List<JobResult> finished = new ArrayList<>();
        results.onFinished(finished::add);
        results.start(new JobRequest(null, dev.purgedeck.fastly.PurgeKind.URL, urls("a", "b", "c", "d").targets(),
                PurgeOptions.HARD, 1));
        results.cancel();
        fx.runUntil(() -> !results.runningProperty().get());
        // With one at a time, at most the first was on its way; the last was certainly never sent.
        ResultRow last = results.rows().get(3);
        assertThat(last.outcomeText()).isEqualTo("Not sent");
        assertThat(last.outcome().message()).isEqualTo("Not sent (cancelled).");
        assertThat(ResultsViewModel.headline(finished.get(0))).isEqualTo("Purge cancelled");
        assertThat(results.hasUnsentProperty().get()).isTrue();
        List<ResultRow> first = List.copyOf(results.rows());

        SANDBOX.server().clearFaults();
        assertThat(results.sendUnsent(null)).isTrue();
        fx.runUntil(() -> !results.runningProperty().get());
        assertThat(results.rows()).containsExactlyElementsOf(first);
        assertThat(last.state()).isEqualTo(ResultRow.State.OK);
        assertThat(results.rows()).noneMatch(ResultRow::notSent);
        assertThat(results.hasUnsentProperty().get()).isFalse();
        assertThat(ResultsViewModel.headline(finished.get(1))).isEqualTo("Purge finished");
    }

    @Test
    void cancelBeforeTheSecondPurgeKeepsTheItemsPurgedAndTheSummarySaysTheSecondWasCancelled() {
        ManualScheduler pause = new ManualScheduler();
        results.setScheduler(pause);
        results.setPurgeTwice(r -> Optional.of(Duration.ofSeconds(2)));
        results.start(urls("a", "b"));
        ManualScheduler.Wait second = pause.next(); // the first purges were answered; the countdown runs
        long sent = SANDBOX.server().requests().count();

        results.cancel();
        fx.runUntil(() -> !results.runningProperty().get());
        second.end();

        assertThat(results.rows()).extracting(ResultRow::outcomeText).containsOnly("Removed");
        assertThat(results.rows()).allSatisfy(r -> assertThat(r.outcome().secondCancelled()).isTrue());
        assertThat(results.summaryProperty().get()).isEqualTo("2 purged, 0 failed · second purge cancelled");
        assertThat(SANDBOX.server().requests().count()).isEqualTo(sent);
    }

    @Test
    void aSoftJobSaysMarkedStaleAndAHardOneRemoved() {
        results.start(JobRequest.urls(null, List.of("https://www.example.com/s"), PurgeOptions.SOFT,
                JobRequest.DEFAULT_CONCURRENCY));
        fx.runUntil(() -> !results.runningProperty().get());
        assertThat(results.rows()).extracting(ResultRow::outcomeText).containsExactly("Marked stale");
        assertThat(results.summaryProperty().get()).isEqualTo("1 marked stale (soft), 0 failed");
        results.start(urls("h"));
        assertThat(results.rows()).extracting(ResultRow::outcomeText).containsExactly("Pending");
        fx.runUntil(() -> !results.runningProperty().get());
        assertThat(results.rows()).extracting(ResultRow::outcomeText).containsExactly("Removed");
        assertThat(results.summaryProperty().get()).isEqualTo("1 purged, 0 failed");
    }

    @Test
    void retryFailedUpdatesTheFailedRowsAndKeepsTheOthers() {
        // One request gets through, then every request meets a 429 longer than the client waits for.
        SANDBOX.server().setFaults(FaultSettings.none().withRateLimitAfter(1, Duration.ofMinutes(10)));
        results.start(new JobRequest(null, dev.purgedeck.fastly.PurgeKind.URL, urls("a", "b", "c").targets(),
                PurgeOptions.HARD, 1));
        fx.runUntil(() -> !results.runningProperty().get());
        List<ResultRow> first = List.copyOf(results.rows());
        assertThat(first).extracting(ResultRow::state)
                .containsExactly(ResultRow.State.OK, ResultRow.State.FAILED, ResultRow.State.FAILED);
        String firstId = first.get(0).purgeId();
        assertThat(results.summaryProperty().get()).isEqualTo("1 purged, 2 failed");

        SANDBOX.server().clearFaults();
        assertThat(results.retryFailed(null)).isTrue();
        assertThat(results.rows()).extracting(ResultRow::state)
                .containsExactly(ResultRow.State.OK, ResultRow.State.PENDING, ResultRow.State.PENDING);
        assertThat(results.progressTextProperty().get()).isEqualTo("0 / 2");
        fx.runUntil(() -> !results.runningProperty().get());
        assertThat(results.rows()).containsExactlyElementsOf(first);
        assertThat(results.rows()).extracting(ResultRow::state).containsOnly(ResultRow.State.OK);
        assertThat(results.rows().get(0).purgeId()).isEqualTo(firstId);
        assertThat(results.summaryProperty().get()).isEqualTo("3 purged, 0 failed");
        assertThat(results.hasFailuresProperty().get()).isFalse();
        assertThat(results.retryFailed(null)).isFalse();
    }
}
