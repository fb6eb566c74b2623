package dev.purgedeck.fastly;

import static dev.purgedeck.testsupport.Clients.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.purgedeck.sandbox.DemoAccount;
import dev.purgedeck.sandbox.FaultSettings;
import dev.purgedeck.sandbox.SandboxServer;
import dev.purgedeck.testsupport.Clients;
import dev.purgedeck.testsupport.SandboxExtension;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Bulk jobs: bounded concurrency, item-by-item progress, cancellation, exactly one outcome per item. */
class BulkPurgeRunnerTest {
    @RegisterExtension
    static final SandboxExtension SANDBOX = new SandboxExtension();
    private SandboxServer sandbox;
    private String service;
    private BulkPurgeRunner runner;

    @BeforeEach
    void reset() {
        sandbox = SANDBOX.server();
        service = SANDBOX.service();
        runner = new BulkPurgeRunner(Clients.client(sandbox.baseUri(), DemoAccount.GLOBAL_TOKEN, Clients.FAST_RETRY));
    }

    private static List<String> urls(int n) {
        return IntStream.range(0, n).mapToObj(i -> "https://www.example.com/page/" + i).toList();
    }

    @Test
    void purgesEveryUrlReportingProgressItemByItem() throws Throwable {
        ConcurrentLinkedQueue<Integer> progress = new ConcurrentLinkedQueue<>();
        PurgeJob job = runner.start(JobRequest.urls(service, urls(50), PurgeOptions.HARD, 8), (o, done, total) -> {
            assertThat(total).isEqualTo(50);
            progress.add(done);
        });
        JobResult result = await(job.result());
        assertThat(result.items()).hasSize(50).allMatch(ItemOutcome::ok);
        assertThat(result.items()).extracting(ItemOutcome::purgeId).doesNotContainNull().doesNotHaveDuplicates();
        assertThat(result.items()).extracting(ItemOutcome::target).containsExactlyElementsOf(urls(50));
        assertThat(progress).hasSize(50).contains(50);
        assertThat(result.summary()).isEqualTo("50 purged, 0 failed");
        assertThat(sandbox.requests().count()).isEqualTo(50);
    }

    @Test
    void neverHasMoreThanTheConcurrencyInFlight() throws Throwable {
        sandbox.setFaults(FaultSettings.none().withLatency(Duration.ofMillis(100)));
        JobResult result = await(runner.start(JobRequest.urls(service, urls(40), PurgeOptions.HARD, 8), JobListener.NONE).result());
        // 40 requests of 100 ms at most 8 at a time cannot finish in less than 5 rounds.
        assertThat(result.elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(500)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void keysGoInBatchesOf256AndEachKeyGetsItsOutcome() throws Throwable {
        List<String> keys = IntStream.range(0, 1000).mapToObj(i -> "article-" + i).toList();
        JobResult result = await(runner.start(JobRequest.keys(service, keys, PurgeOptions.SOFT, 8), JobListener.NONE).result());
        assertThat(result.items()).hasSize(1000).allMatch(ItemOutcome::ok);
        assertThat(result.items()).extracting(ItemOutcome::purgeId).doesNotHaveDuplicates();
        assertThat(sandbox.requests().count()).isEqualTo(4);
        assertThat(result.request().requestCount()).isEqualTo(4);
    }

    @Test
    void cancelEndsTheRestAsCancelledAndEveryItemExactlyOnce() throws Throwable {
        sandbox.setFaults(FaultSettings.none().withLatency(Duration.ofMillis(150)));
        ConcurrentHashMap<Integer, Integer> seen = new ConcurrentHashMap<>();
        CountDownLatch firstFour = new CountDownLatch(4);
        PurgeJob job = runner.start(JobRequest.urls(service, urls(100), PurgeOptions.HARD, 4), (o, done, total) -> {
            seen.merge(o.index(), 1, Integer::sum);
            firstFour.countDown();
        });
        assertThat(firstFour.await(5, TimeUnit.SECONDS)).isTrue();
        job.cancel();
        JobResult result = job.result().get(5, TimeUnit.SECONDS);
        assertThat(result.items()).hasSize(100);
        assertThat(seen).hasSize(100).allSatisfy((i, n) -> assertThat(n).isEqualTo(1));
        assertThat(result.count(ItemOutcome.Status.OK)).isBetween(4L, 12L);
        assertThat(result.count(ItemOutcome.Status.CANCELLED)).isEqualTo(100 - result.count(ItemOutcome.Status.OK));
        assertThat(result.items().get(99).status()).isEqualTo(ItemOutcome.Status.CANCELLED);
        assertThat(result.summary()).contains("cancelled");
        assertThat(sandbox.requests().count()).isLessThan(20);
    }

    @Test
    void cancelOnTheUiThreadLeavesTheOutcomesToTheRunnersExecutor() throws Throwable {
        sandbox.setFaults(FaultSettings.none().withLatency(Duration.ofMillis(300)));
        ExecutorService cancelling = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-cancelling"));
        try {
            BulkPurgeRunner withExecutor = new BulkPurgeRunner(
                    Clients.client(sandbox.baseUri(), DemoAccount.GLOBAL_TOKEN, Clients.FAST_RETRY), cancelling);
            ConcurrentLinkedQueue<String> threads = new ConcurrentLinkedQueue<>();
            PurgeJob job = withExecutor.start(JobRequest.urls(service, urls(40), PurgeOptions.HARD, 4),
                    (o, done, total) -> threads.add(Thread.currentThread().getName()));
            // The thread the JavaFX toolkit names its own: whatever Cancel completes must not run its callbacks here.
            Thread ui = new Thread(job::cancel, "JavaFX Application Thread");
            ui.start();
            ui.join();
            JobResult result = job.result().get(5, TimeUnit.SECONDS);
            assertThat(result.count(ItemOutcome.Status.CANCELLED)).isPositive();
            assertThat(threads).hasSize(40).doesNotContain("JavaFX Application Thread").contains("test-cancelling");
        } finally {
            cancelling.shutdown();
        }
    }

    @Test
    void failuresAreRecordedPerItemInPlainWords() throws Throwable {
        BulkPurgeRunner selectOnly = new BulkPurgeRunner(
                Clients.client(sandbox.baseUri(), DemoAccount.PURGE_SELECT_TOKEN, Clients.FAST_RETRY));
        JobResult result = await(selectOnly.start(JobRequest.all(service, PurgeOptions.HARD), JobListener.NONE).result());
        ItemOutcome only = result.items().get(0);
        assertThat(only.status()).isEqualTo(ItemOutcome.Status.FAILED);
        assertThat(only.httpStatus()).isEqualTo(403);
        assertThat(only.errorKind()).isEqualTo(FastlyApiException.Kind.FORBIDDEN);
        assertThat(only.message()).contains("not allowed");
    }

    @Test
    void aFaultyBatchFailsItsKeysOnlyAndAllItemsStillEnd() throws Throwable {
        sandbox.setFaults(FaultSettings.none().withErrorRate(1.0, 503));
        List<String> keys = IntStream.range(0, 300).mapToObj(i -> "k" + i).toList();
        JobResult result = await(runner.start(JobRequest.keys(service, keys, PurgeOptions.HARD, 2), JobListener.NONE).result());
        assertThat(result.items()).hasSize(300).allMatch(i -> i.status() == ItemOutcome.Status.FAILED);
        assertThat(result.items().get(0).attempts()).isEqualTo(3);
        assertThat(result.summary()).isEqualTo("0 purged, 300 failed");
    }

    @Test
    void requestsAreValidatedAsAWhole() {
        assertThatThrownBy(() -> JobRequest.urls(service, List.of("https://ok.example/", "ftp://bad", "also bad"), PurgeOptions.HARD, 8))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.issues()).extracting(ValidationIssue::index).containsExactly(1, 2));
        assertThatThrownBy(() -> JobRequest.all(service, PurgeOptions.SOFT)).hasMessageContaining("cannot be soft");
        assertThat(JobRequest.urls(null, List.of("a.example/x", "a.example/x"), PurgeOptions.HARD, 8).targets()).hasSize(1);
    }

    @Test
    void theKeysOfOneBatchArriveTogetherSoAListenerCanActOncePerBatch() throws Throwable {
        List<Integer> batchSizes = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<String> keys = IntStream.range(0, 600).mapToObj(i -> "k" + i).toList();
        JobListener perBatch = new JobListener() {
            @Override
            public void onItem(ItemOutcome outcome, int done, int total) {
                throw new AssertionError("onItems is overridden");
            }

            @Override
            public void onItems(List<ItemOutcome> outcomes, int done, int total) {
                batchSizes.add(outcomes.size());
            }
        };
        await(runner.start(JobRequest.keys(service, keys, PurgeOptions.HARD, 2), perBatch).result());
        assertThat(batchSizes).containsExactlyInAnyOrder(256, 256, 88);
    }
}
