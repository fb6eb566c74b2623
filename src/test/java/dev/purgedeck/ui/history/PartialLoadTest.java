package dev.purgedeck.ui.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.fastly.PurgeKind;
import dev.purgedeck.history.HistoryEntry;
import dev.purgedeck.history.HistoryStore;
import dev.purgedeck.testsupport.ScriptedDialogs;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A history of several megabytes loads newest first: the newest part is shown before the rest is read, a filter typed
 * then applies to the older parts as they arrive, and the end result is what a whole load shows.
 */
class PartialLoadTest {
    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    /** About 11 MB: the newest megabyte first, then the rest in more than one piece. */
    private static final int ENTRIES = 24_000;
    private static final String PAD = "x".repeat(200);

    @TempDir
    Path dir;
    private HistoryStore store;
    private HistoryViewModel vm;

    /** Service SVC0 purged only the oldest quarter: it is known only once the older parts are in. */
    private static HistoryEntry entry(int i) {
        String target = "https://www.example.com/" + (i % 7 == 0 ? "needle/" : "page/") + i + "/" + PAD;
        return new HistoryEntry("job-" + i / 500, T0.plusMillis(i), "work", "sandbox", "http://127.0.0.1:1",
                "SVC" + i / 6_000, "Shop " + i / 6_000, PurgeKind.URL, target, false, "production",
                HistoryEntry.Outcome.OK, "p-" + i, 200, null, 1, 5, "alice", "test");
    }

    @BeforeEach
    void write() throws Exception {
        store = HistoryStore.open(HistoryStore.fileIn(dir));
        for (int job = 0; job < ENTRIES / 500; job++) {
            store.append(IntStream.range(job * 500, job * 500 + 500).mapToObj(PartialLoadTest::entry).toList());
        }
    }

    @AfterEach
    void close() {
        vm.dispose();
        store.close();
    }

    private static List<String> expectedNeedlesNewestFirst() {
        List<String> out = new ArrayList<>(IntStream.range(0, ENTRIES).filter(i -> i % 7 == 0)
                .mapToObj(i -> entry(i).target()).toList());
        Collections.reverse(out);
        return out;
    }

    @Test
    void showsTheNewestFirstAndAFilterTypedThenReachesTheOlderParts() {
        Steps fx = new Steps();
        Steps background = new Steps();
        vm = new HistoryViewModel(store, fx, background, (request, name) -> Optional.empty(), new ScriptedDialogs(),
                ZoneOffset.UTC);
        vm.load();
        background.runOne(); // reads the whole file; every part waits for the UI thread
        fx.runOne(); // the newest part only
        background.runAll();
        fx.runLast(); // its rows, shown before the older parts come in (as when reading them takes longer)
        assertThat(vm.loadingProperty().get()).isTrue();
        assertThat(vm.rows()).isNotEmpty().hasSizeLessThan(ENTRIES / 4);
        assertThat(vm.rows().get(0).target()).isEqualTo(entry(ENTRIES - 1).target());
        assertThat(vm.statusProperty().get()).matches("Showing ([0-9,]+) of \\1 items loaded so far; loading about "
                + "2[0-9],[0-9]{3} \\([0-9] %\\)");
        assertThat(vm.services()).extracting(HistoryFilter.ServiceChoice::id).doesNotContain("SVC0");

        vm.filter().textProperty().set("needle"); // typed while the older parts are still on their way
        vm.refresh();
        background.runAll();
        fx.runLast();
        assertThat(vm.rows()).isNotEmpty().allMatch(e -> e.target().contains("needle"));
        for (int i = 0; i < 10 && !(fx.isEmpty() && background.isEmpty()); i++) {
            background.runAll();
            fx.runAll();
        }

        assertThat(vm.loadingProperty().get()).isFalse();
        assertThat(vm.rows()).extracting(HistoryEntry::target).containsExactlyElementsOf(expectedNeedlesNewestFirst());
        assertThat(vm.statusProperty().get()).isEqualTo(String.format("Showing %,d of %,d items",
                expectedNeedlesNewestFirst().size(), ENTRIES));
        assertThat(vm.services()).extracting(HistoryFilter.ServiceChoice::id)
                .containsExactly(null, "SVC0", "SVC1", "SVC2", "SVC3");
        HistoryEntry first = vm.rows().get(vm.rows().size() - 1);
        assertThat(vm.job(first)).extracting(HistoryEntry::target) // a job the parts may cut in two is whole
                .containsExactlyElementsOf(IntStream.range(0, 500).mapToObj(i -> entry(i).target()).toList());
    }

    @Test
    void olderPartsArrivingAfterAFilterIsShownAreFilteredAndJoinTheRowsInOrder() throws Exception {
        Gate fx = new Gate();
        Steps background = new Steps();
        vm = new HistoryViewModel(store, fx, background, (request, name) -> Optional.empty(), new ScriptedDialogs(),
                ZoneOffset.UTC);
        vm.load();
        Thread loader = new Thread(background::runOne, "loader");
        loader.start();
        fx.runNext(); // the newest part; the loader waits until it is let go
        background.runAll();
        fx.runNext(); // its rows
        vm.filter().textProperty().set("needle");
        vm.refresh();
        background.runAll();
        fx.runNext();
        assertThat(vm.rows()).isNotEmpty().allMatch(e -> e.target().contains("needle"));
        int parts = 0;
        while (vm.loadingProperty().get()) { // each older part is filtered on the loading thread, then put in
            fx.release();
            fx.runNext();
            background.runAll();
            parts++;
        }
        fx.release(); // the end of the load was sent from the loading thread too
        loader.join(15_000);

        assertThat(parts).as("older parts, then the end of the load").isGreaterThanOrEqualTo(3);
        assertThat(background.isEmpty()).isTrue();
        assertThat(vm.rows()).extracting(HistoryEntry::target).containsExactlyElementsOf(expectedNeedlesNewestFirst());
    }

    /**
     * The UI thread of a test that lets the loading threads go on one step at a time: a task from another thread
     * waits in the queue, and its sender waits until the test releases it.
     */
    private static final class Gate implements Executor {
        private final Thread owner = Thread.currentThread();
        private final BlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();
        private final Semaphore go = new Semaphore(0);

        @Override
        public void execute(Runnable task) {
            tasks.add(task);
            if (Thread.currentThread() != owner) {
                go.acquireUninterruptibly();
            }
        }

        void runNext() throws InterruptedException {
            Runnable task = tasks.poll(15, TimeUnit.SECONDS);
            assertThat(task).as("a task for the UI thread within 15 s").isNotNull();
            task.run();
        }

        void release() {
            go.release();
        }
    }

    /** An executor whose tasks, from any thread, wait until the test runs them, one at a time or all. */
    private static final class Steps implements Executor {
        private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();

        @Override
        public void execute(Runnable task) {
            tasks.add(task);
        }

        void runOne() {
            Runnable task = tasks.poll();
            assertThat(task).as("a queued task").isNotNull();
            task.run();
        }

        void runAll() {
            for (Runnable task; (task = tasks.poll()) != null; ) {
                task.run();
            }
        }

        /** Runs the task queued last, as if it had come before the others. */
        void runLast() {
            List<Runnable> all = new ArrayList<>();
            for (Runnable task; (task = tasks.poll()) != null; ) {
                all.add(task);
            }
            assertThat(all).as("queued tasks").isNotEmpty();
            tasks.addAll(all.subList(0, all.size() - 1));
            all.get(all.size() - 1).run();
        }

        boolean isEmpty() {
            return tasks.isEmpty();
        }
    }
}
