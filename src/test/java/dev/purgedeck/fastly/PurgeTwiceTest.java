package dev.purgedeck.fastly;

import static dev.purgedeck.testsupport.Clients.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.sandbox.DemoAccount;
import dev.purgedeck.sandbox.FaultSettings;
import dev.purgedeck.sandbox.SandboxServer;
import dev.purgedeck.testsupport.Clients;
import dev.purgedeck.testsupport.ManualScheduler;
import dev.purgedeck.testsupport.SandboxExtension;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Purge twice: one job, the second purge after the pause, both purge IDs per item, Cancel stops the second. */
class PurgeTwiceTest {
    @RegisterExtension
    static final SandboxExtension SANDBOX = new SandboxExtension();
    private static final List<String> URLS = List.of("https://www.example.com/a", "https://www.example.com/b");
    private SandboxServer sandbox;
    private BulkPurgeRunner runner;
    private final ManualScheduler pause = new ManualScheduler();
    private final ConcurrentLinkedQueue<ItemOutcome> heard = new ConcurrentLinkedQueue<>();

    @BeforeEach
    void reset() {
        sandbox = SANDBOX.server();
        runner = new BulkPurgeRunner(Clients.client(sandbox.baseUri(), DemoAccount.GLOBAL_TOKEN, Clients.FAST_RETRY));
    }

    private PurgeTwice start(JobRequest request) {
        return PurgeTwice.start(runner, "job-1", request, Duration.ofSeconds(2), pause, ForkJoinPool.commonPool(),
                (o, done, total) -> heard.add(o));
    }

    @Test
    void eachItemIsPurgedTwiceTheAdvisedDelayApartAndKeepsBothPurgeIds() throws Throwable {
        PurgeTwice job = start(JobRequest.urls(null, URLS, PurgeOptions.HARD, 4));
        ManualScheduler.Wait wait = pause.next();
        assertThat(wait.delay()).isEqualTo(Duration.ofSeconds(2));
        assertThat(sandbox.requests().count()).isEqualTo(2);
        assertThat(heard).as("an item's outcome comes after its second purge").isEmpty();
        assertThat(job.secondPurgeAt()).isPresent();
        wait.end();
        JobResult result = await(job.result());
        assertThat(sandbox.requests().count()).isEqualTo(4);
        assertThat(result.jobId()).isEqualTo("job-1");
        assertThat(result.items()).allMatch(ItemOutcome::ok).extracting(ItemOutcome::target)
                .containsExactlyElementsOf(URLS);
        assertThat(result.items()).allSatisfy(o -> {
            assertThat(o.purgeId()).isNotBlank();
            assertThat(o.secondPurgeId()).isNotBlank().isNotEqualTo(o.purgeId());
            assertThat(o.attempts()).isEqualTo(2);
        });
        assertThat(heard).hasSize(2);
    }

    @Test
    void cancelDuringThePauseStopsTheSecondPurgeAndTheItemsKeepTheirFirst() throws Throwable {
        PurgeTwice job = start(JobRequest.urls(null, URLS, PurgeOptions.HARD, 4));
        ManualScheduler.Wait wait = pause.next();
        job.cancel();
        JobResult result = await(job.result());
        wait.end(); // the pause ending later sends nothing
        assertThat(sandbox.requests().count()).isEqualTo(2);
        assertThat(result.items()).allSatisfy(o -> {
            assertThat(o.ok()).isTrue();
            assertThat(o.purgeId()).isNotBlank();
            assertThat(o.secondPurgeId()).isNull();
            assertThat(o.message()).isEqualTo("The second purge was cancelled.");
        });
        assertThat(job.secondPurgeAt()).isEmpty();
    }

    @Test
    void anItemTheFirstPurgeFailedEndsAtOnceAndIsNotPurgedAgain() throws Throwable {
        sandbox.setFaults(FaultSettings.none().withErrorRate(1.0, 400));
        PurgeTwice job = start(JobRequest.keys(SANDBOX.service(), List.of("news"), PurgeOptions.HARD, 4));
        JobResult result = await(job.result());
        assertThat(result.items()).singleElement().satisfies(o -> {
            assertThat(o.status()).isEqualTo(ItemOutcome.Status.FAILED);
            assertThat(o.secondPurgeId()).isNull();
        });
        assertThat(pause.isIdle()).isTrue();
    }

    @Test
    void aPurgeAllIsPurgedAgainAfterItsLongerDelay() throws Throwable {
        assertThat(PurgeTwice.advisedDelay(PurgeKind.ALL)).isEqualTo(Duration.ofSeconds(30));
        assertThat(PurgeTwice.advisedDelay(PurgeKind.KEY)).isEqualTo(Duration.ofSeconds(2));
        PurgeTwice job = PurgeTwice.start(runner, "job-2", JobRequest.all(SANDBOX.service(), PurgeOptions.HARD),
                PurgeTwice.advisedDelay(PurgeKind.ALL), pause, ForkJoinPool.commonPool(), JobListener.NONE);
        ManualScheduler.Wait wait = pause.next();
        assertThat(wait.delay()).isEqualTo(Duration.ofSeconds(30));
        wait.end();
        // Fastly answers a purge-all with no purge ID; both requests were sent and accepted.
        assertThat(await(job.result()).items()).singleElement().satisfies(o -> {
            assertThat(o.ok()).isTrue();
            assertThat(o.attempts()).isEqualTo(2);
            assertThat(o.message()).isEmpty();
        });
        assertThat(sandbox.requests().count()).isEqualTo(2);
    }
}
