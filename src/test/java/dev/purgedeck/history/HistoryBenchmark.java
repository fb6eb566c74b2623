package dev.purgedeck.history;

import dev.purgedeck.fastly.BulkPurgeRunner;
import dev.purgedeck.fastly.ItemOutcome;
import dev.purgedeck.fastly.JobListener;
import dev.purgedeck.fastly.JobRequest;
import dev.purgedeck.fastly.PurgeOptions;
import dev.purgedeck.fastly.RetryPolicy;
import dev.purgedeck.sandbox.DemoAccount;
import dev.purgedeck.sandbox.SandboxConfig;
import dev.purgedeck.sandbox.SandboxServer;
import dev.purgedeck.testsupport.Clients;
import dev.purgedeck.testsupport.Sandboxes;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * Measures the history at scale: writes 1,000,000 realistic entries, then prints the load time, the time of
 * free-text filters over all of them, the heap they occupy, and the overhead of recording every item of real purge
 * jobs against the sandbox (20 ms latency, concurrency 8), each next to its target.
 *
 * <p>Run: {@code MAVEN_OPTS=-Xmx1g mvn -B -q -Pbench test-compile exec:java
 * -Dexec.mainClass=dev.purgedeck.history.HistoryBenchmark} (add {@code -Dexec.args=--recording-only} for the last part
 * alone). Figures are only meaningful on an otherwise idle machine.
 */
public final class HistoryBenchmark {
    private static final int ENTRIES = 1_000_000;

    private HistoryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("purgedeck-history-bench");
        Path file = dir.resolve(HistoryStore.FILE_NAME);
        System.out.printf(Locale.ROOT, "PurgeDeck history benchmark: %d cores, max heap %d MB, load average %.1f%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        try {
            if (!List.of(args).contains("--recording-only")) {
                write(file);
                List<HistoryEntry> all = load(file);
                filter(all);
                export(all);
            }
            recording(dir);
            System.out.printf(Locale.ROOT, "(load average at the end %.1f: other processes' load inflates every wall time)%n",
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(dir);
        }
        System.exit(0); // the sandbox and the HTTP client leave non-daemon threads behind
    }

    private static void write(Path file) throws IOException {
        BenchData data = new BenchData(42);
        long t0 = System.nanoTime();
        try (HistoryStore store = HistoryStore.open(file)) {
            for (int written = 0; written < ENTRIES; written += 1000) {
                store.append(data.job(1000));
            }
        }
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "write   %,d entries in 1,000-entry appends: %.1f s (%,.0f entries/s), file %,d MB%n",
                ENTRIES, s, ENTRIES / s, Files.size(file) >> 20);
    }

    private static List<HistoryEntry> load(Path file) throws IOException {
        long before = usedHeap();
        List<String> times = new ArrayList<>();
        LoadResult result = null;
        try (HistoryStore store = HistoryStore.open(file)) {
            for (int i = 0; i < 4; i++) {
                result = null;
                usedHeap();
                long gc0 = gcMillis();
                long cpu0 = processCpuNanos();
                long t0 = System.nanoTime();
                result = store.load();
                times.add(String.format(Locale.ROOT, "%.0f (cpu %.0f, gc %d)", (System.nanoTime() - t0) / 1e6,
                        (processCpuNanos() - cpu0) / 1e6, gcMillis() - gc0));
            }
        }
        long after = usedHeap();
        System.out.printf(Locale.ROOT, "load    %,d entries (%d skipped), ms: first %s, then %s   target <= 2,000 ms%n",
                result.entries().size(), result.skippedLines(), times.get(0), String.join(", ", times.subList(1, 4)));
        System.out.printf(Locale.ROOT, "heap    %,d MB for the loaded entries (%,d MB used in all)   target < 512 MB%n",
                (after - before) >> 20, after >> 20);
        return result.entries();
    }

    private static void filter(List<HistoryEntry> all) {
        String rareService = all.get(all.size() / 2).serviceId();
        time("filter  text \"checkout\" (common, then sorted newest first)", 200,
                () -> HistoryQuery.all().withText("checkout").run(all, null).size());
        time("filter  text \"Zz-not-there\" (no match: every field of every entry scanned)", 200,
                () -> HistoryQuery.all().withText("Zz-not-there").run(all, null).size());
        time("filter  text \"503\" + one service + failed only", 200,
                () -> HistoryQuery.all().withText("503").withServiceId(rareService)
                        .withOutcomes(java.util.Set.of(HistoryEntry.Outcome.FAILED)).run(all, null).size());
        time("filter  no filter, all 1,000,000 sorted newest first", 200,
                () -> HistoryQuery.all().run(all, null).size());
    }

    private static void export(List<HistoryEntry> all) throws IOException {
        OutputStream sink = OutputStream.nullOutputStream();
        long t0 = System.nanoTime();
        HistoryExport.csv(all, sink);
        long t1 = System.nanoTime();
        HistoryExport.json(all, sink);
        long t2 = System.nanoTime();
        System.out.printf(Locale.ROOT, "export  all entries: CSV %.1f s, JSON %.1f s   (no target)%n",
                (t1 - t0) / 1e9, (t2 - t1) / 1e9);
    }

    private static void time(String label, int targetMs, Supplier<Integer> query) {
        double[] ms = new double[7];
        int hits = 0;
        for (int i = 0; i < ms.length; i++) {
            long t0 = System.nanoTime();
            hits = query.get();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        double first = ms[0];
        Arrays.sort(ms, 1, ms.length);
        System.out.printf(Locale.ROOT, "%s: %,d hits, first %.0f ms, median %.0f ms   target <= %d ms%n",
                label, hits, first, ms[ms.length / 2 + 1], targetMs);
    }

    private static void recording(Path dir) throws Exception {
        Duration latency = Duration.ofMillis(20);
        List<String> keys = IntStream.range(0, 10_000).mapToObj(i -> "product-" + i).toList();
        List<String> urls = IntStream.range(0, 1_000).mapToObj(i -> "https://www.example.com/catalog/item-" + i).toList();
        try (SandboxServer sandbox = Sandboxes.start(SandboxConfig.builder().latency(latency).build());
             HistoryStore store = HistoryStore.open(dir.resolve("recording.jsonl"))) {
            String service = Sandboxes.firstService(sandbox).id();
            BulkPurgeRunner runner = new BulkPurgeRunner(
                    Clients.client(sandbox.baseUri(), DemoAccount.GLOBAL_TOKEN, RetryPolicy.DEFAULT));
            JobContext ctx = new JobContext("bench", "bench", "sandbox", sandbox.baseUri().toString(), service,
                    "Bench", false, "production", JobContext.currentUser(), "bench");
            JobRequest keyJob = JobRequest.keys(service, keys, PurgeOptions.HARD, 8);
            JobRequest urlJob = JobRequest.urls(service, urls, PurgeOptions.HARD, 8);
            for (int i = 0; i < 2; i++) { // warm-up: JIT, connections, sandbox threads
                run(runner, sandbox, keyJob, recorder(store, ctx), store, new LongAdder());
                run(runner, sandbox, urlJob, recorder(store, ctx), store, new LongAdder());
            }
            overhead("10,000 keys (40 requests)", 9, runner, sandbox, keyJob, store, ctx);
            overhead("1,000 URLs (1,000 requests)", 5, runner, sandbox, urlJob, store, ctx);
        }
    }

    private static void overhead(String label, int rounds, BulkPurgeRunner runner, SandboxServer sandbox,
                                 JobRequest job, HistoryStore store, JobContext ctx) throws Exception {
        double[] plain = new double[rounds];
        double[] recorded = new double[rounds];
        LongAdder inAppend = new LongAdder();
        LongAdder inFlush = new LongAdder();
        for (int i = 0; i < rounds; i++) { // alternate, so drift in the machine's load hits both alike
            plain[i] = run(runner, sandbox, job, JobListener.NONE, null, inFlush);
            recorded[i] = run(runner, sandbox, job, recorder(store, ctx, inAppend), store, inFlush);
        }
        Arrays.sort(plain);
        Arrays.sort(recorded);
        double a = plain[rounds / 2];
        double b = recorded[rounds / 2];
        System.out.printf(Locale.ROOT, "record  %s: median %.0f ms without history, %.0f ms recording every item: "
                + "overhead %+.1f %%   target < 10 %%%n", label, a, b, (b - a) / a * 100);
        System.out.printf(Locale.ROOT, "        (per job: %.1f ms inside append, summed over the client threads; "
                + "%.1f ms in the end-of-job fsync)%n", inAppend.sum() / 1e6 / rounds, inFlush.sum() / 1e6 / rounds);
    }

    private static JobListener recorder(HistoryStore store, JobContext ctx) {
        return recorder(store, ctx, new LongAdder());
    }

    private static JobListener recorder(HistoryStore store, JobContext ctx, LongAdder inAppend) {
        return new JobListener() {
            @Override
            public void onItem(ItemOutcome outcome, int done, int total) {
                onItems(List.of(outcome), done, total);
            }

            @Override
            public void onItems(List<ItemOutcome> outcomes, int done, int total) {
                long t0 = System.nanoTime();
                try {
                    store.append(outcomes.stream().map(ctx::entry).toList());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                inAppend.add(System.nanoTime() - t0);
            }
        };
    }

    /** Wall time of one job in ms, from its start to its last outcome (and the end-of-job fsync when recording). */
    private static double run(BulkPurgeRunner runner, SandboxServer sandbox, JobRequest job, JobListener listener,
                              HistoryStore flushAtEnd, LongAdder inFlush) throws Exception {
        sandbox.requests().clear();
        long t0 = System.nanoTime();
        runner.start(job, listener).result().get(5, TimeUnit.MINUTES);
        if (flushAtEnd != null) {
            long f0 = System.nanoTime();
            flushAtEnd.flush();
            inFlush.add(System.nanoTime() - f0);
        }
        return (System.nanoTime() - t0) / 1e6;
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime).sum();
    }
}
