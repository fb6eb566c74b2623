package dev.purgedeck.ui.purge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.edge.FetchLimits;
import dev.purgedeck.edge.Freshness;
import dev.purgedeck.edge.PageFetcher;
import dev.purgedeck.edge.PageVerdict;
import dev.purgedeck.edge.PurgeVerifier;
import dev.purgedeck.edge.VerifySettings;
import dev.purgedeck.fastly.BulkPurgeRunner;
import dev.purgedeck.fastly.JobRequest;
import dev.purgedeck.fastly.PurgeOptions;
import dev.purgedeck.sandbox.DemoAccount;
import dev.purgedeck.testsupport.Clients;
import dev.purgedeck.testsupport.SandboxExtension;
import dev.purgedeck.testsupport.UiQueue;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Verify switch without the toolkit: verdicts fill the rows after the outcomes, only through the UI queue. */
class ResultsVerifyTest {
    @RegisterExtension
    static final SandboxExtension SANDBOX = new SandboxExtension();
    private static final String NEWS = "https://www.dailycourier.example/news";
    private final ExecutorService pages = Executors.newFixedThreadPool(2);
    private final UiQueue fx = new UiQueue();
    private final PageFetcher fetcher = PageFetcher.viaSandbox(SANDBOX.server().baseUri(), "PurgeDeck/test",
            FetchLimits.DEFAULT, pages);
    private final ResultsViewModel results = new ResultsViewModel(new BulkPurgeRunner(Clients.client(
            SANDBOX.server().baseUri(), DemoAccount.GLOBAL_TOKEN, Clients.FAST_RETRY)), fx);

    @AfterEach
    void stop() {
        pages.shutdownNow();
    }

    private static JobRequest news() {
        return JobRequest.urls(null, List.of(NEWS), PurgeOptions.HARD, JobRequest.DEFAULT_CONCURRENCY);
    }

    private void verifying() throws Exception {
        results.setVerifier(PurgeVerifier.of(fetcher, VerifySettings.DEFAULT.withWaits(Duration.ofMillis(50),
                Duration.ofMillis(50), Duration.ofMillis(50))));
        fetcher.inspect(NEWS).get(10, TimeUnit.SECONDS); // cached before the purge
    }

    @Test
    void aVerifiedHardPurgeShowsTheOutcomeThenFresh() throws Exception {
        verifying();
        assertThat(results.verifyProperty().get()).as("on by default").isTrue();
        results.start(news());
        fx.runUntil(() -> !results.runningProperty().get());
        ResultRow row = results.rows().get(0);
        assertThat(row.state()).isEqualTo(ResultRow.State.OK);
        fx.runUntil(() -> row.verdictProperty().get() != null && row.verdictProperty().get().last());
        assertThat(row.verdictProperty().get().freshness()).isEqualTo(Freshness.FRESH);
        assertThat(row.verdictText()).isEqualTo("Fresh");
        assertThat(row.verdictReason()).isNotBlank();
        assertThat(row.oldCopyServed()).isFalse();
    }

    @Test
    void withVerifyOffNoPageIsLookedAt() throws Exception {
        verifying();
        results.verifyProperty().set(false);
        results.start(news());
        fx.runUntil(() -> !results.runningProperty().get());
        assertThat(results.rows().get(0).state()).isEqualTo(ResultRow.State.OK);
        assertThat(results.rows().get(0).verdictText()).isEmpty();
    }

    @Test
    void purgeAgainSendsOnlyTheOldCopiesIntoTheirOwnRows() throws Exception {
        results.verifyProperty().set(false);
        String other = "https://www.dailycourier.example/";
        results.start(JobRequest.urls(null, List.of(other, NEWS), PurgeOptions.HARD, JobRequest.DEFAULT_CONCURRENCY));
        fx.runUntil(() -> !results.runningProperty().get());
        assertThat(results.hasOldCopyProperty().get()).isFalse();
        String firstId = results.rows().get(1).purgeId();
        results.verdictArrived(new PageVerdict(1, NEWS, Freshness.OLD_COPY, "likely the shielding race",
                Optional.of(NEWS), Optional.empty(), Instant.now(), true));
        assertThat(results.rows().get(1).oldCopyServed()).as("only after the UI hop").isFalse();
        fx.drain();
        assertThat(results.rows().get(1).oldCopyServed()).isTrue();
        assertThat(results.hasOldCopyProperty().get()).isTrue();

        String otherId = results.rows().get(0).purgeId();
        assertThat(results.purgeAgain(null)).isTrue();
        assertThat(results.rows().get(1).state()).isEqualTo(ResultRow.State.PENDING);
        assertThat(results.rows().get(1).verdictText()).isEmpty();
        fx.runUntil(() -> !results.runningProperty().get());
        assertThat(results.rows()).extracting(ResultRow::target).containsExactly(other, NEWS);
        assertThat(results.rows().get(0).purgeId()).isEqualTo(otherId);
        assertThat(results.rows().get(1).purgeId()).isNotEqualTo(firstId).isNotEmpty();
        assertThat(results.hasOldCopyProperty().get()).isFalse();
        assertThat(results.purgeAgain(null)).as("nothing left to purge again").isFalse();
    }
}
