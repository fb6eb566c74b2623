package dev.purgedeck.ui.history;

import dev.purgedeck.context.AppContext;
import dev.purgedeck.history.HistoryEntry;
import dev.purgedeck.history.HistoryQuery;
import dev.purgedeck.history.HistoryStore;
import dev.purgedeck.testsupport.ScriptedDialogs;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.collections.ListChangeListener;

/**
 * One fresh JVM opening the History screen's model over a history file, as the window does (a UI thread of its own
 * and the app's two background threads), printing one line: when the first page was shown, when a text filter typed
 * at that moment showed its result, when everything was loaded, and the heap the loaded history occupies. Started by
 * {@link WindowBenchmark}.
 */
public final class HistoryLoadProbe {
    private static final String FILTER = "checkout";

    private HistoryLoadProbe() {
    }

    public static void main(String[] args) throws Exception {
        // What the window has done by the time its History screen opens: the basics it reads before it appears (its
        // settings, preferences and their JSON mapper). Without them the load measured here also warmed up the JVM
        // for code the window has long run (first page 350-900 ms instead of 230-420, docs/performance.md §11).
        Path home = Files.createTempDirectory("purgedeck-probe");
        try (AppContext.Basics basics = AppContext.Basics.open(home)) {
            basics.settings().get();
        } finally {
            Files.deleteIfExists(home); // empty: opening the basics writes nothing
        }
        long jvmUp = ManagementFactory.getRuntimeMXBean().getUptime();
        long jvmCpu = cpuNanos();
        ExecutorService fx = Executors.newSingleThreadExecutor(r -> new Thread(r, "fx-stand-in"));
        ExecutorService background = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "purgedeck-work");
            t.setDaemon(true);
            return t;
        });
        long[] at = new long[3]; // first page, filter shown, all loaded: nanoseconds after load()
        long[] cpu = new long[3]; // the process's CPU time then (wall times mean little on a loaded machine)
        CountDownLatch done = new CountDownLatch(2);
        HistoryQuery filtered = HistoryQuery.all().withText(FILTER);
        try (HistoryStore store = HistoryStore.open(Path.of(args[0]))) {
            HistoryViewModel vm = new HistoryViewModel(store, fx, background, (request, name) -> Optional.empty(),
                    new ScriptedDialogs(), ZoneId.of("UTC"));
            long c0 = cpuNanos();
            long t0 = System.nanoTime();
            fx.execute(() -> {
                vm.rows().addListener((ListChangeListener<HistoryEntry>) c -> {
                    if (vm.rows().isEmpty()) {
                        return;
                    }
                    if (at[0] == 0) {
                        at[0] = System.nanoTime() - t0;
                        cpu[0] = cpuNanos() - c0;
                        // The user types into the search box as soon as the first page is there.
                        vm.filter().textProperty().set(FILTER);
                        vm.refresh();
                    } else if (at[1] == 0 && !filtered.run(List.of(vm.rows().get(0)), null).isEmpty()) {
                        at[1] = System.nanoTime() - t0;
                        cpu[1] = cpuNanos() - c0;
                        done.countDown();
                    }
                });
                vm.loadingProperty().addListener((o, was, now) -> {
                    if (!now) {
                        at[2] = System.nanoTime() - t0;
                        cpu[2] = cpuNanos() - c0;
                        done.countDown();
                    }
                });
                vm.load();
            });
            if (!done.await(5, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the history did not load within 5 minutes");
            }
            String[] status = new String[1];
            CountDownLatch shown = new CountDownLatch(1);
            fx.execute(() -> { // the rows of a refresh started now hold everything: a count to check by
                vm.rows().addListener((ListChangeListener<HistoryEntry>) c -> fx.execute(() -> {
                    status[0] = vm.statusProperty().get() + (vm.noticeProperty().get().isEmpty() ? ""
                            : "; " + vm.noticeProperty().get());
                    shown.countDown();
                }));
                vm.refresh();
            });
            shown.await();
            long heap = usedHeap();
            String jvm = String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments());
            System.out.printf(Locale.ROOT, "window  History usable (fresh JVM, %s): first page %.0f ms (cpu %.0f), "
                    + "\"%s\" filtered %.0f ms (cpu %.0f), all loaded %.0f ms (cpu %.0f); heap %d MB after GC "
                    + "(max %d MB); JVM up %d ms (cpu %d) before; %s   target <= 1,000 ms%n", jvm,
                    at[0] / 1e6, cpu[0] / 1e6, FILTER, at[1] / 1e6, cpu[1] / 1e6, at[2] / 1e6, cpu[2] / 1e6,
                    heap >> 20, Runtime.getRuntime().maxMemory() >> 20, jvmUp, jvmCpu / 1_000_000, status[0]);
            vm.dispose();
        } finally {
            fx.shutdownNow();
            background.shutdownNow();
        }
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
