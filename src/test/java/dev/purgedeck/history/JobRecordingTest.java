package dev.purgedeck.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.fastly.ItemOutcome;
import dev.purgedeck.fastly.JobRequest;
import dev.purgedeck.fastly.PurgeKind;
import dev.purgedeck.fastly.PurgeOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The core recorder the window and the command line share, without either of them. */
class JobRecordingTest {
    /** The name the JavaFX toolkit gives its thread; the strict guard of the test run refuses history I/O on it. */
    private static final String UI_THREAD = "JavaFX Application Thread";
    private static final String SVC1 = "SU1Z0isxPaozGVKXdv0eY";
    private static final String SVC2 = "4GhJ6kLz8XcV0bNm2QwE1r";
    private static final JobRecording.Origin ORIGIN =
            new JobRecording.Origin("work", "sandbox", "http://127.0.0.1:8080");

    @TempDir
    Path dataDir;

    private static ItemOutcome outcome(int i, ItemOutcome.Status status) {
        return new ItemOutcome(i, PurgeKind.KEY, "key-" + i, status, status == ItemOutcome.Status.OK ? "p-" + i : null,
                status == ItemOutcome.Status.OK ? 200 : 0, 1, Duration.ofMillis(5), "", null, Instant.now());
    }

    @Test
    void theContextSaysWhereWhatAndHowAJobWasPurged() throws Exception {
        try (JobRecording recording = JobRecording.open(dataDir, "9.9.9")) {
            JobRequest staging = JobRequest.keys(SVC1, List.of("a", "b"),
                    new PurgeOptions(true, PurgeOptions.Environment.STAGING), 4);
            JobContext ctx = recording.context("job-1", staging, ORIGIN, "Shop");
            assertThat(ctx).isEqualTo(new JobContext("job-1", "work", "sandbox", "http://127.0.0.1:8080", SVC1,
                    "Shop", true, "staging", System.getProperty("user.name"), "9.9.9"));
            JobContext hard = recording.context("job-2", JobRequest.all(SVC2, PurgeOptions.HARD), ORIGIN, null);
            assertThat(hard.environment()).isEqualTo("production");
            assertThat(hard.soft()).isFalse();
            assertThat(hard.serviceId()).isEqualTo(SVC2);
            assertThat(recording.store().file()).isEqualTo(dataDir.resolve(HistoryStore.FILE_NAME).toAbsolutePath());
        }
    }

    @Test
    void aUrlPurgeIsRecordedWithNoServiceWhateverWasSelected() throws Exception {
        try (JobRecording recording = JobRecording.open(dataDir, "9.9.9")) {
            JobRequest urls = JobRequest.urls(SVC1, List.of("https://www.example.com/a"), PurgeOptions.HARD, 4);
            JobContext ctx = recording.context("job-u", urls, ORIGIN, "Shop");
            assertThat(ctx.serviceId()).isNull();
            assertThat(ctx.serviceName()).isNull();
            assertThat(ctx.profile()).isEqualTo("work");
        }
    }

    @Test
    void outcomesReportedOnTheUiThreadAreWrittenOnTheWritersThread() throws Exception {
        try (JobRecording recording = JobRecording.open(dataDir, "test")) {
            JobContext ctx = recording.context("job-ui", JobRequest.keys(SVC1, List.of("k"), PurgeOptions.HARD, 1),
                    ORIGIN, "Shop");
            List<Exception> failures = new CopyOnWriteArrayList<>();
            JobRecording.Recording recorder = recording.begin(ctx, failures::add);
            List<String> writers = new CopyOnWriteArrayList<>();
            recording.store().addListener(entries -> writers.add(Thread.currentThread().getName()));
            // What Cancel used to do: report the cancelled items on the UI thread. Only queuing happens there.
            Thread ui = new Thread(() -> {
                recorder.onItems(List.of(outcome(0, ItemOutcome.Status.OK), outcome(1, ItemOutcome.Status.OK)), 2, 3);
                recorder.onItem(outcome(2, ItemOutcome.Status.CANCELLED), 3, 3);
            }, UI_THREAD);
            ui.start();
            ui.join();

            assertThat(recorder.written().get(5, TimeUnit.SECONDS)).isTrue();
            assertThat(failures).isEmpty();
            assertThat(writers).isNotEmpty().allMatch(name -> name.equals("purgedeck-history-writer"));
            List<HistoryEntry> all = recording.store().load().entries();
            assertThat(all).extracting(HistoryEntry::target).containsExactly("key-0", "key-1", "key-2");
            assertThat(all).extracting(HistoryEntry::outcome).containsExactly(HistoryEntry.Outcome.OK,
                    HistoryEntry.Outcome.OK, HistoryEntry.Outcome.CANCELLED);
            assertThat(all).allMatch(e -> e.jobId().equals("job-ui") && e.serviceName().equals("Shop"));
        }
    }

    @Test
    void outcomesReportedWhileTheWriterIsBusyAreAppendedTogetherEachOnceInOrder() throws Exception {
        try (JobRecording recording = JobRecording.open(dataDir, "test")) {
            int total = 401;
            JobContext ctx = recording.context("job-many", JobRequest.keys(SVC1,
                    IntStream.range(0, total).mapToObj(i -> "key-" + i).toList(), PurgeOptions.HARD, 4), ORIGIN, "Shop");
            JobRecording.Recording recorder = recording.begin(ctx, e -> { });
            List<Integer> batches = new CopyOnWriteArrayList<>();
            CountDownLatch writing = new CountDownLatch(1);
            CountDownLatch go = new CountDownLatch(1);
            recording.store().addListener(entries -> {
                batches.add(entries.size());
                writing.countDown();
                await(go); // the writer is busy with the first append while the rest are reported
            });
            recorder.onItem(outcome(0, ItemOutcome.Status.OK), 1, total);
            assertThat(writing.await(5, TimeUnit.SECONDS)).isTrue();
            // Four client threads report the other 400, each its own items in order.
            List<Thread> threads = IntStream.range(0, 4).mapToObj(t -> new Thread(() -> {
                for (int i = 1 + t * 100; i <= (t + 1) * 100; i++) {
                    recorder.onItem(outcome(i, ItemOutcome.Status.OK), i + 1, total);
                }
            })).toList();
            threads.forEach(Thread::start);
            for (Thread t : threads) {
                t.join();
            }
            go.countDown();

            assertThat(recorder.written().get(5, TimeUnit.SECONDS)).isTrue();
            assertThat(batches).containsExactly(1, 400);
            List<String> targets = recording.store().load().entries().stream().map(HistoryEntry::target).toList();
            assertThat(targets).hasSize(total).doesNotHaveDuplicates();
            for (int t = 0; t < 4; t++) {
                int from = 1 + t * 100;
                List<String> own = targets.stream().filter(k -> {
                    int i = Integer.parseInt(k.substring(4));
                    return i >= from && i < from + 100;
                }).toList();
                assertThat(own).containsExactlyElementsOf(
                        IntStream.range(from, from + 100).mapToObj(i -> "key-" + i).toList());
            }
        }
    }

    @Test
    void anEntryStillBeingGatheredIsWrittenBeforeItsVerdictAndBeforeWrittenCompletes() throws Exception {
        try (JobRecording recording = JobRecording.open(dataDir, "test")) {
            JobContext ctx = recording.context("job-v", JobRequest.keys(SVC1, List.of("key-0", "key-1", "key-2"),
                    PurgeOptions.HARD, 1), ORIGIN, "Shop");
            JobRecording.Recording recorder = recording.begin(ctx, e -> { });
            List<String> order = new CopyOnWriteArrayList<>();
            recording.store().addListener(entries -> entries.forEach(e -> order.add("entry " + e.target())));
            recording.notes().addListener(notes -> notes.forEach(n -> order.add("verdict " + n.text())));

            // Two of three outcomes: the job goes on, so they are gathered; the verdict still follows its entry.
            recorder.onItem(outcome(0, ItemOutcome.Status.OK), 1, 3);
            recorder.onVerdict(outcome(0, ItemOutcome.Status.OK), "fresh", null, Instant.now());
            recorder.onItem(outcome(1, ItemOutcome.Status.OK), 2, 3);
            assertThat(recorder.written().get(5, TimeUnit.SECONDS)).isTrue();

            assertThat(order).containsExactlyInAnyOrder("entry key-0", "verdict fresh", "entry key-1");
            assertThat(order.indexOf("entry key-0")).isLessThan(order.indexOf("verdict fresh"));
            assertThat(recording.store().load().entries()).extracting(HistoryEntry::target)
                    .containsExactly("key-0", "key-1");
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aFailedWriteIsReportedOnceAndThePurgeIsNotStopped() throws Exception {
        HistoryStore store = HistoryStore.open(HistoryStore.fileIn(dataDir));
        try (JobRecording recording = new JobRecording(store, "test")) {
            JobContext ctx = recording.context("job-x", JobRequest.keys(SVC1, List.of("k"), PurgeOptions.HARD, 1),
                    ORIGIN, "");
            List<Exception> failures = new CopyOnWriteArrayList<>();
            JobRecording.Recording recorder = recording.begin(ctx, failures::add);
            store.close(); // the disk went away, as far as the recorder can tell
            IntStream.range(0, 5).forEach(i -> recorder.onItem(outcome(i, ItemOutcome.Status.OK), i + 1, 5));

            CompletableFuture<Boolean> written = recorder.written();
            assertThat(written.get(5, TimeUnit.SECONDS)).isFalse();
            assertThat(failures).hasSize(1);
            assertThat(failures.get(0)).hasMessageContaining("closed");
        }
    }
    @Test
    void aFailedWriteIsToldOnceAndItsOutcomesAreKeptAcrossJobs() throws Exception {
        HistoryStore store = HistoryStore.open(dataDir.resolve(HistoryStore.FILE_NAME));
        store.close(); // every append now fails, as on a full disk
        try (JobRecording recording = new JobRecording(store, "test")) {
            List<Exception> told = new CopyOnWriteArrayList<>();
            JobRequest request = JobRequest.keys(SVC1, List.of("key-0", "key-1"), PurgeOptions.HARD, 2);
            JobRecording.Recording first = recording.begin(recording.context("job-1", request, ORIGIN, "Shop"),
                    told::add);
            first.onItem(outcome(0, ItemOutcome.Status.OK), 1, 2);
            first.onItem(outcome(1, ItemOutcome.Status.OK), 2, 2);
            assertThat(first.written().get(10, TimeUnit.SECONDS)).isFalse();
            assertThat(told).hasSize(1);
            assertThat(recording.unrecorded().entries()).extracting(HistoryEntry::target)
                    .containsExactly("key-0", "key-1");

            // The next job's write tries the kept outcomes first; they stay kept, oldest first, while it fails.
            JobRecording.Recording second = recording.begin(recording.context("job-2", request, ORIGIN, "Shop"),
                    told::add);
            second.onItem(outcome(0, ItemOutcome.Status.OK), 1, 1);
            assertThat(second.written().get(10, TimeUnit.SECONDS)).isFalse();
            assertThat(recording.unrecorded().entries()).extracting(HistoryEntry::jobId)
                    .containsExactly("job-1", "job-1", "job-2");
        }
    }
}
