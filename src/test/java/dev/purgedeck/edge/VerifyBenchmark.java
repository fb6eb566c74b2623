package dev.purgedeck.edge;

import dev.purgedeck.fastly.BulkPurgeRunner;
import dev.purgedeck.fastly.JobRequest;
import dev.purgedeck.fastly.PurgeOptions;
import dev.purgedeck.fastly.RetryPolicy;
import dev.purgedeck.fastly.RetryScheduler;
import dev.purgedeck.sandbox.DemoAccount;
import dev.purgedeck.sandbox.SandboxConfig;
import dev.purgedeck.sandbox.SandboxServer;
import dev.purgedeck.testsupport.Clients;
import dev.purgedeck.testsupport.Sandboxes;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * Purges 1,000 URLs against the sandbox with 20 ms latency, once alone and once verified (each page fetched through
 * the sandbox's edge, 20 ms added per fetch as the network would), at concurrency 16 for purges and for fetches, and
 * prints the wall times beside the ideal (requests × latency / concurrency) and when the purge outcomes arrived.
 * Run: {@code mvn -q -Pbench test-compile exec:java -Dexec.mainClass=dev.purgedeck.edge.VerifyBenchmark}
 */
public final class VerifyBenchmark {
    private static final Duration LATENCY = Duration.ofMillis(20);
    private static final int CONCURRENCY = 16;
    private static final int URLS = 1_000;

    private VerifyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<String> urls = IntStream.range(0, URLS).mapToObj(i -> i % 2 == 0
                ? "https://www.dailycourier.example/bench/" + i : "https://shop.northwind.example/bench/" + i).toList();
        ExecutorService pages = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "bench-pages");
            t.setDaemon(true);
            return t;
        });
        try (SandboxServer sandbox = Sandboxes.start(SandboxConfig.builder().latency(LATENCY).build())) {
            BulkPurgeRunner runner = new BulkPurgeRunner(Clients.client(sandbox.baseUri(), DemoAccount.GLOBAL_TOKEN,
                    RetryPolicy.DEFAULT));
            PageFetcher fetcher = PageFetcher.viaSandbox(sandbox.baseUri(), "PurgeDeck/bench", FetchLimits.DEFAULT,
                    pages);
            // The sandbox adds its latency to API calls only; a page fetch pays it here, before it is sent.
            // (on the fetcher's threads: the common pool would start a thread per page on a two-core computer).
            PurgeVerifier.Pages slow = url -> CompletableFuture.runAsync(() -> { }, CompletableFuture
                    .delayedExecutor(LATENCY.toMillis(), TimeUnit.MILLISECONDS, pages))
                    .thenCompose(v -> fetcher.inspect(url));
            PurgeVerifier verifier = PurgeVerifier.of(slow, pages, VerifySettings.DEFAULT.withConcurrency(CONCURRENCY));
            JobRequest request = JobRequest.urls(null, urls, PurgeOptions.HARD, CONCURRENCY);
            for (int i = 0; i < 3; i++) { // warm-up: JIT, connection pools, sandbox threads
                run(runner, verifier, request, VerifyPlan.NONE);
                run(runner, verifier, request, VerifyPlan.verify(List.of()));
            }
            Run alone = run(runner, verifier, request, VerifyPlan.NONE);
            Run verified = run(runner, verifier, request, VerifyPlan.verify(List.of()));
            double idealPurge = (double) URLS * LATENCY.toMillis() / CONCURRENCY;
            double idealBoth = 2.0 * URLS * LATENCY.toMillis() / CONCURRENCY;
            System.out.printf(Locale.ROOT, "PurgeDeck verified purge benchmark: %,d URLs, latency %d ms, concurrency "
                    + "%d (purges) + %d (page fetches), %d cores%n", URLS, LATENCY.toMillis(), CONCURRENCY,
                    CONCURRENCY, Runtime.getRuntime().availableProcessors());
            System.out.printf(Locale.ROOT, "%-32s %10s %10s %7s%n", "", "wall ms", "ideal ms", "ratio");
            System.out.printf(Locale.ROOT, "%-32s %10.0f %10.0f %7.2f%n", "purge alone", alone.outcomesMs(),
                    idealPurge, alone.outcomesMs() / idealPurge);
            System.out.printf(Locale.ROOT, "%-32s %10.0f %10.0f %7.2f%n", "purge + verification (verdicts)",
                    verified.verdictsMs(), idealBoth, verified.verdictsMs() / idealBoth);
            System.out.printf(Locale.ROOT, "%-32s %10.0f%n", "  of which Fastly's 150 ms wait", 150.0);
            System.out.printf(Locale.ROOT, "Outcomes arrived (ms after start)   median %6.0f  last %6.0f  alone%n",
                    alone.medianOutcomeMs(), alone.outcomesMs());
            System.out.printf(Locale.ROOT, "                                    median %6.0f  last %6.0f  verified%n",
                    verified.medianOutcomeMs(), verified.outcomesMs());
            System.out.println("Verdicts: " + verified.verdicts());
            System.out.println("Targets: purge + verification within 1.5x the ideal; outcomes no later than without "
                    + "verification.");
        }
        System.exit(0);
    }

    private record Run(double outcomesMs, double medianOutcomeMs, double verdictsMs, Map<Freshness, Integer> verdicts) {
    }

    private static Run run(BulkPurgeRunner runner, PurgeVerifier verifier, JobRequest request, VerifyPlan plan)
            throws Exception {
        ConcurrentLinkedQueue<Long> arrivals = new ConcurrentLinkedQueue<>();
        long t0 = System.nanoTime();
        VerifiedPurge job = VerifiedPurge.start(runner, BulkPurgeRunner.newJobId(), request, plan, verifier,
                RetryScheduler.REAL, ForkJoinPool.commonPool(), (o, d, t) -> arrivals.add(System.nanoTime() - t0),
                VerdictListener.NONE, VerifiedPurge.Recorder.NONE);
        job.result().get(10, TimeUnit.MINUTES);
        double outcomes = (System.nanoTime() - t0) / 1e6;
        List<PageVerdict> verdicts = job.verdicts().get(10, TimeUnit.MINUTES);
        double all = (System.nanoTime() - t0) / 1e6;
        Map<Freshness, Integer> counts = new EnumMap<>(Freshness.class);
        verdicts.forEach(v -> counts.merge(v.freshness(), 1, Integer::sum));
        List<Long> sorted = arrivals.stream().sorted().toList();
        return new Run(outcomes, sorted.get(sorted.size() / 2) / 1e6, all, counts);
    }
}
