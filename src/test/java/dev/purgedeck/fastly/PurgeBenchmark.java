package dev.purgedeck.fastly;

import dev.purgedeck.sandbox.DemoAccount;
import dev.purgedeck.sandbox.SandboxConfig;
import dev.purgedeck.sandbox.SandboxServer;
import dev.purgedeck.testsupport.Clients;
import dev.purgedeck.testsupport.Sandboxes;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * Purges 1,000 URLs and 10,000 keys against the sandbox with 20 ms injected latency at concurrency 1, 8, 16 and 32,
 * and prints wall time, requests per second, the ideal time (requests × latency / concurrency) and the ratio to it.
 * Run: {@code mvn -B -q -Pbench test-compile exec:java -Dexec.mainClass=dev.purgedeck.fastly.PurgeBenchmark}
 */
public final class PurgeBenchmark {
    private static final Duration LATENCY = Duration.ofMillis(20);

    private PurgeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<String> urls = IntStream.range(0, 1_000).mapToObj(i -> "https://www.example.com/bench/" + i).toList();
        List<String> keys = IntStream.range(0, 10_000).mapToObj(i -> "bench-key-" + i).toList();
        try (SandboxServer sandbox = Sandboxes.start(SandboxConfig.builder().latency(LATENCY).build())) {
            String service = Sandboxes.firstService(sandbox).id();
            BulkPurgeRunner runner = new BulkPurgeRunner(Clients.client(sandbox.baseUri(), DemoAccount.GLOBAL_TOKEN, RetryPolicy.DEFAULT));
            // Warm-up (JIT, connection pool, sandbox threads), so the figures show steady state, not class loading.
            for (int i = 0; i < 3; i++) {
                run(runner, sandbox, JobRequest.urls(service, urls, PurgeOptions.HARD, 16));
                run(runner, sandbox, JobRequest.keys(service, keys, PurgeOptions.HARD, 16));
            }
            System.out.printf(Locale.ROOT, "PurgeDeck bulk purge benchmark, sandbox latency %d ms, %d cores%n",
                    LATENCY.toMillis(), Runtime.getRuntime().availableProcessors());
            System.out.printf(Locale.ROOT, "%-12s %5s %8s %10s %9s %10s %7s %s%n",
                    "job", "conc", "requests", "wall ms", "req/s", "ideal ms", "ratio", "ok");
            for (int c : new int[] {1, 8, 16, 32}) {
                report("1,000 URLs", c, run(runner, sandbox, JobRequest.urls(service, urls, PurgeOptions.HARD, c)));
            }
            for (int c : new int[] {1, 8, 16, 32}) {
                report("10,000 keys", c, run(runner, sandbox, JobRequest.keys(service, keys, PurgeOptions.HARD, c)));
            }
            System.out.println("Targets: 1,000 URLs at concurrency 16 within 1.3x the ideal; 10,000 keys in exactly 40 requests.");
        }
        System.exit(0);
    }

    private record Run(JobResult result, long requests) {
    }

    private static Run run(BulkPurgeRunner runner, SandboxServer sandbox, JobRequest request) throws Exception {
        sandbox.requests().clear();
        JobResult r = runner.start(request, JobListener.NONE).result().get(10, TimeUnit.MINUTES);
        return new Run(r, sandbox.requests().count());
    }

    private static void report(String label, int concurrency, Run run) {
        double wallMs = run.result().elapsed().toNanos() / 1e6;
        double idealMs = (double) run.requests() * LATENCY.toMillis() / concurrency;
        System.out.printf(Locale.ROOT, "%-12s %5d %8d %10.0f %9.0f %10.0f %7.2f %d/%d%n", label, concurrency,
                run.requests(), wallMs, run.requests() / (wallMs / 1000), idealMs, wallMs / idealMs,
                run.result().count(ItemOutcome.Status.OK), run.result().items().size());
    }
}
