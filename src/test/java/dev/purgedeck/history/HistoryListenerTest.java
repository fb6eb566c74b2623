package dev.purgedeck.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.fastly.BulkPurgeRunner;
import dev.purgedeck.fastly.ItemOutcome;
import dev.purgedeck.fastly.PurgeKind;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Outcomes reported by many client threads at once are each written exactly once, and all of them are in the file
 * by the time every report has returned: the guarantee a finished job gives the History screen. Many short jobs, so
 * that reports keep arriving while another thread is writing.
 */
class HistoryListenerTest {
    private static final int JOBS = 40;
    private static final int THREADS = 16;
    private static final int PER_THREAD = 40;

    @TempDir
    Path dir;

    private static ItemOutcome ok(int index) {
        return new ItemOutcome(index, PurgeKind.URL, "https://www.example.com/" + index, ItemOutcome.Status.OK,
                "1-" + index, 200, 1, Duration.ofMillis(20), null, null, Instant.now());
    }

    @Test
    void concurrentReportsAreAllWrittenOnceWhenTheLastReturns() throws Exception {
        int total = THREADS * PER_THREAD;
        try (HistoryStore store = HistoryStore.open(dir.resolve(HistoryStore.FILE_NAME))) {
            for (int job = 0; job < JOBS; job++) {
                JobContext ctx = new JobContext(BulkPurgeRunner.newJobId(), "demo", "sandbox", "http://127.0.0.1:1",
                        null, "", false, "production", "tester", "test");
                AtomicInteger failures = new AtomicInteger();
                HistoryListener listener = new HistoryListener(store, ctx, e -> failures.incrementAndGet());
                CyclicBarrier start = new CyclicBarrier(THREADS);
                AtomicInteger done = new AtomicInteger();
                List<Thread> threads = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    int first = t * PER_THREAD;
                    threads.add(new Thread(() -> {
                        try {
                            start.await();
                        } catch (Exception e) {
                            return;
                        }
                        for (int i = first; i < first + PER_THREAD; i++) {
                            listener.onItem(ok(i), done.incrementAndGet(), total);
                        }
                    }));
                }
                threads.forEach(Thread::start);
                for (Thread t : threads) {
                    t.join();
                }

                List<HistoryEntry> mine = store.load().entries().stream()
                        .filter(e -> e.jobId().equals(ctx.jobId())).toList();
                assertThat(failures).hasValue(0);
                assertThat(mine).as("job %d", job).hasSize(total);
                assertThat(mine).extracting(HistoryEntry::target).doesNotHaveDuplicates();
            }
        }
    }
}
