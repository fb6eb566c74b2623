package dev.purgedeck.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Real second processes on the same history: killed mid-stream, writing concurrently, watched. */
@Timeout(60)
class HistoryProcessesTest {
    private static final String MARKER = "marker";

    @TempDir
    Path dir;
    private final List<Process> started = new ArrayList<>();

    private Path file() {
        return dir.resolve(HistoryStore.FILE_NAME);
    }

    @AfterEach
    void stopChildren() {
        started.forEach(Process::destroyForcibly);
    }

    /** Starts a {@link HistoryWriterProcess} and waits until it is ready. */
    private Writer writer(String name, int count, String sizes, long pauseMillis) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                HistoryWriterProcess.class.getName(), file().toString(), name, Integer.toString(count), sizes,
                Long.toString(pauseMillis)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        started.add(p);
        Writer w = new Writer(p, new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)));
        assertThat(w.out.readLine()).isEqualTo("ready");
        return w;
    }

    private record Writer(Process process, BufferedReader out) {
        void go() throws IOException {
            OutputStream in = process.getOutputStream();
            in.write('\n');
            in.flush();
        }

        /** Reads its reports until it is done; returns the last count it reported. */
        int awaitDone() throws Exception {
            int last = 0;
            for (String line = out.readLine(); line != null && !line.equals("done"); line = out.readLine()) {
                last = Integer.parseInt(line.substring("written ".length()));
            }
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isZero();
            return last;
        }
    }

    @Test
    void killingTheWriterLosesNoEntryItReportedWritten() throws Exception {
        Writer w = writer("crash", 1_000_000, "1", 0);
        w.go();
        int reported = 0;
        while (reported < 200) {
            reported = Integer.parseInt(w.out.readLine().substring("written ".length()));
        }
        w.process.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no close, no flush
        assertThat(w.process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        try (HistoryStore store = HistoryStore.open(file())) {
            LoadResult loaded = store.load();
            assertThat(loaded.skippedLines()).isLessThanOrEqualTo(1);
            assertThat(loaded.entries()).hasSizeGreaterThanOrEqualTo(reported);
            assertThat(loaded.entries().subList(0, reported)).isEqualTo(Entries.entries("crash", 0, reported));
            store.append(Entries.entries("after", 0, 1)); // and the history carries on
            assertThat(store.load().entries()).last().extracting(HistoryEntry::jobId).isEqualTo("after");
        }
    }

    @Test
    void twoProcessesAppendingAtOnceLoseAndInterleaveNothing() throws Exception {
        Writer a = writer("a", 2000, "1,7,50,3,256,13,2,100", 1);
        Writer b = writer("b", 2000, "5,1,64,9,2,200,17,1", 1);
        a.go();
        b.go();
        assertThat(a.awaitDone()).isEqualTo(2000);
        assertThat(b.awaitDone()).isEqualTo(2000);
        ObjectMapper json = new ObjectMapper();
        List<String> lines = Files.readAllLines(file());
        assertThat(lines).hasSize(4000);
        List<String> jobs = new ArrayList<>();
        for (String line : lines) {
            jobs.add(json.readTree(line).get("job_id").asText()); // every line is one whole JSON object
        }
        try (HistoryStore store = HistoryStore.open(file())) {
            LoadResult loaded = store.load();
            assertThat(loaded.skippedLines()).isZero();
            Map<String, Long> perTarget = loaded.entries().stream()
                    .collect(Collectors.groupingBy(HistoryEntry::target, Collectors.counting()));
            assertThat(perTarget).hasSize(4000).allSatisfy((target, n) -> assertThat(n).isEqualTo(1));
            for (String job : List.of("a", "b")) { // each writer's entries in its own order
                assertThat(loaded.entries().stream().filter(e -> e.jobId().equals(job)).toList())
                        .isEqualTo(Entries.entries(job, 0, 2000));
            }
        }
        long switches = java.util.stream.IntStream.range(1, jobs.size())
                .filter(i -> !jobs.get(i).equals(jobs.get(i - 1))).count();
        assertThat(switches).as("the two writers really ran at the same time").isGreaterThan(2);
    }

    /**
     * Waits until {@code store}'s listener heard an entry another store appends last. The watcher reads the file in
     * order, so once the marker is heard, a late duplicate of anything before it would have been heard too.
     */
    private void heardAfterEverythingElse(HistoryStore store, List<HistoryEntry> heard) throws IOException {
        try (HistoryStore other = HistoryStore.open(file())) {
            other.append(Entries.entries(MARKER, 0, 1));
        }
        dev.purgedeck.testsupport.Eventually.await(() -> heard.stream().anyMatch(e -> e.jobId().equals(MARKER)));
    }

    @Test
    void aWatchingStoreHearsAnotherProcessOnceAndItsOwnAppendsOnce() throws Exception {
        List<HistoryEntry> heard = new CopyOnWriteArrayList<>();
        try (HistoryStore store = HistoryStore.open(file())) {
            store.append(Entries.entries("before", 0, 3));
            store.load();
            store.addListener(heard::addAll);
            store.watch(java.time.Duration.ofMillis(20));
            Writer other = writer("other", 300, "1,10,40", 2);
            other.go();
            for (int i = 0; i < 20; i++) { // our own appends, interleaved with the other process's
                store.append(Entries.entries("mine", i, 1));
                Thread.sleep(3);
            }
            assertThat(other.awaitDone()).isEqualTo(300);
            dev.purgedeck.testsupport.Eventually.await(() -> heard.size() >= 320);
            heardAfterEverythingElse(store, heard);
        }
        Map<String, List<HistoryEntry>> byJob = heard.stream().filter(e -> !e.jobId().equals(MARKER))
                .collect(Collectors.groupingBy(HistoryEntry::jobId));
        assertThat(byJob.keySet()).containsExactlyInAnyOrder("other", "mine");
        assertThat(byJob.get("other")).isEqualTo(Entries.entries("other", 0, 300));
        assertThat(byJob.get("mine")).isEqualTo(Entries.entries("mine", 0, 20));
    }

    @Test
    void aSecondStoreInThisProcessActsLikeAnotherProcess() throws Exception {
        List<HistoryEntry> heard = new CopyOnWriteArrayList<>();
        try (HistoryStore first = HistoryStore.open(file()); HistoryStore second = HistoryStore.open(file())) {
            first.addListener(heard::addAll);
            first.watch(java.time.Duration.ofMillis(10));
            first.append(Entries.entries("first", 0, 2));
            second.append(Entries.entries("second", 0, 5));
            dev.purgedeck.testsupport.Eventually.await(() -> heard.size() >= 7);
            first.append(Entries.entries("first", 2, 1));
            second.clear(); // the other "process" clears: the first follows the fresh file
            second.append(Entries.entries("second", 5, 1));
            dev.purgedeck.testsupport.Eventually.await(() -> heard.size() >= 9);
            assertThat(first.load().entries()).isEqualTo(Entries.entries("second", 5, 1));
            heardAfterEverythingElse(first, heard);
        }
        heard.removeIf(e -> e.jobId().equals(MARKER));
        assertThat(heard.stream().collect(Collectors.groupingBy(HistoryEntry::target, Collectors.counting())))
                .hasSize(9).allSatisfy((t, n) -> assertThat(n).isEqualTo(1));
        assertThat(heard.stream().map(HistoryEntry::jobId).collect(Collectors.toMap(Function.identity(), j -> 1, Integer::sum)))
                .containsEntry("first", 3).containsEntry("second", 6);
    }

    @Test
    void anAppendAfterAnotherStoreClearedStartsFromTheFreshFile() throws Exception {
        List<HistoryEntry> heard = new CopyOnWriteArrayList<>();
        try (HistoryStore first = HistoryStore.open(file()); HistoryStore second = HistoryStore.open(file())) {
            first.addListener(heard::addAll);
            first.append(Entries.entries("a", 0, 3));
            second.append(Entries.entries("b", 0, 2));
            second.clear();
            second.append(Entries.entries("c", 0, 1));
            first.append(Entries.entries("d", 0, 1)); // no watch: the append itself notices the new file
            assertThat(first.load().entries()).extracting(HistoryEntry::jobId).containsExactly("c", "d");
            assertThat(first.load().skippedLines()).isZero();
        }
        assertThat(heard).extracting(HistoryEntry::jobId).containsExactly("a", "a", "a", "c", "d");
    }
}
