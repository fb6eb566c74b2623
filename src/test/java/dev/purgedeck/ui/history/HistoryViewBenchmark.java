package dev.purgedeck.ui.history;

import dev.purgedeck.history.BenchData;
import dev.purgedeck.history.HistoryEntry;
import dev.purgedeck.history.HistoryStore;
import dev.purgedeck.testsupport.ScriptedDialogs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;

/**
 * Measures the History screen's model at scale: with 1,000,000 entries shown, the cost of a batch of 256 new entries
 * arriving from a running purge (appended and shown, the filter and order kept), and of selecting a row (finding
 * every item of its job). The model runs with synchronous executors, so each figure is all the work it does.
 *
 * <p>Run: {@code MAVEN_OPTS=-Xmx2g mvn -B -q -Pbench test-compile exec:java
 * -Dexec.mainClass=dev.purgedeck.ui.history.HistoryViewBenchmark} ({@code -Dexec.args=N} for another size).
 */
public final class HistoryViewBenchmark {
    private static final int BATCH = 256;
    private static final int BATCHES = 20;

    private HistoryViewBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path dir = Files.createTempDirectory("purgedeck-view-bench");
        BenchData data = new BenchData(7);
        try (HistoryStore store = HistoryStore.open(HistoryStore.fileIn(dir));
             HistoryStore plain = HistoryStore.open(dir.resolve("plain.jsonl"))) {
            for (int written = 0; written < entries; ) {
                List<HistoryEntry> job = data.job(Math.min(1000, entries - written));
                store.append(job);
                written += job.size();
            }
            HistoryViewModel vm = new HistoryViewModel(store, Runnable::run, Runnable::run,
                    (request, name) -> Optional.empty(), new ScriptedDialogs(), ZoneId.of("UTC"));
            long t0 = System.nanoTime();
            vm.load();
            System.out.printf(Locale.ROOT, "load + show %,d entries: %.0f ms%n", vm.rows().size(),
                    (System.nanoTime() - t0) / 1e6);
            List<List<HistoryEntry>> batches = batches(data);
            double[] withView = new double[BATCHES];
            double[] storeOnly = new double[BATCHES];
            for (int i = 0; i < BATCHES; i++) {
                storeOnly[i] = timeAppend(plain, batches.get(i));
                withView[i] = timeAppend(store, batches.get(i));
            }
            System.out.printf(Locale.ROOT, "append a %d-entry batch onto %,d shown: median %.2f ms (the store alone "
                    + "%.2f ms), worst %.2f ms; now %,d rows%n", BATCH, entries, median(withView), median(storeOnly),
                    max(withView), vm.rows().size());
            select(vm);
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(dir);
        }
    }

    private static List<List<HistoryEntry>> batches(BenchData data) {
        List<HistoryEntry> all = new ArrayList<>();
        while (all.size() < BATCH * BATCHES) {
            all.addAll(data.job(BATCH * BATCHES));
        }
        List<List<HistoryEntry>> out = new ArrayList<>();
        for (int i = 0; i < BATCHES; i++) {
            out.add(List.copyOf(all.subList(i * BATCH, (i + 1) * BATCH)));
        }
        return out;
    }

    private static double timeAppend(HistoryStore store, List<HistoryEntry> batch) throws IOException {
        long t0 = System.nanoTime();
        store.append(batch);
        return (System.nanoTime() - t0) / 1e6;
    }

    private static void select(HistoryViewModel vm) {
        Random random = new Random(3);
        double[] ms = new double[50];
        long items = 0;
        for (int i = 0; i < ms.length; i++) {
            HistoryEntry row = vm.rows().get(random.nextInt(vm.rows().size()));
            long t0 = System.nanoTime();
            items += vm.job(row).size();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        System.out.printf(Locale.ROOT, "select a row, find its job: median %.3f ms, worst %.3f ms (%,d items found in "
                + "%d selections)%n", median(ms), max(ms), items, ms.length);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElse(0);
    }
}
