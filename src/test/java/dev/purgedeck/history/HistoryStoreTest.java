package dev.purgedeck.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.purgedeck.fastly.PurgeKind;
import dev.purgedeck.testsupport.Eventually;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The history file: round trip, concurrent appends, torn and garbled lines, listeners, clearing. */
class HistoryStoreTest {
    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("data").resolve(HistoryStore.FILE_NAME);
    }

    @Test
    void everyFieldSurvivesTheRoundTripAndTheFileIsOwnerOnlyJsonLines() throws IOException {
        HistoryEntry plain = Entries.entry("job-1", 1);
        HistoryEntry tricky = Entries.tricky();
        try (HistoryStore store = HistoryStore.open(file())) {
            store.append(List.of(plain, tricky));
        }
        try (HistoryStore store = HistoryStore.open(file())) {
            assertThat(store.load()).isEqualTo(new LoadResult(List.of(plain, tricky), 0));
        }
        List<String> lines = Files.readAllLines(file());
        assertThat(lines).hasSize(2).allMatch(l -> l.startsWith("{\"job_id\":") && l.endsWith("}"));
        assertThat(lines.get(1)).contains("日本, 🚀"); // readable as text: no escaped surrogates
        assertThat(lines.get(0)).startsWith("{\"job_id\":\"job-1\",\"time\":\"2026-11-26T09:41:02.124Z\",")
                .contains("\"kind\":\"url\"", "\"outcome\":\"ok\"", "\"soft\":false", "\"http_status\":200")
                .doesNotContain("\"error\"", "null");
        assertThat(new ObjectMapper().readTree(lines.get(1)).get("error").asText()).isEqualTo(tricky.error());
        if (Files.getFileStore(file()).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file()))).isEqualTo("rw-------");
        }
    }

    @Test
    void timesAreKeptToTheMillisecondAndEmptyTextsAsAbsent() {
        HistoryEntry e = new HistoryEntry("j", Entries.T0.plusNanos(456_789), "", null, null, null, null,
                PurgeKind.ALL, "SVC", false, null, HistoryEntry.Outcome.CANCELLED, "", 0, "", 0, 0, null, null);
        assertThat(e.time()).isEqualTo(Entries.T0);
        assertThat(e.profile()).isNull();
        assertThat(e.purgeId()).isNull();
        assertThat(e.error()).isNull();
    }

    @Test
    void appendsFromManyThreadsAreAllThereEachOnItsOwnLine() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (HistoryStore store = HistoryStore.open(file())) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                String job = "job-" + t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 500; i += 25) {
                        store.append(Entries.entries(job, i, 25));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            LoadResult loaded = store.load();
            assertThat(loaded.skippedLines()).isZero();
            assertThat(loaded.entries()).hasSize(4000).doesNotHaveDuplicates();
        } finally {
            pool.shutdownNow();
        }
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(file())) {
            assertThat(json.readTree(line).get("job_id").asText()).startsWith("job-");
        }
    }

    @Test
    void tornAndGarbledLinesAreSkippedCountedAndKept() throws IOException {
        try (HistoryStore store = HistoryStore.open(file())) {
            store.append(Entries.entries("a", 0, 3));
        }
        String good = Files.readAllLines(file()).get(0);
        // A hand edit in the middle and a write torn by a crash at the end (no newline).
        Files.writeString(file(), "this is not json\n{\"job_id\":\"x\"}\n\n" + good.replace("\"a\"", "\"b\"") + "\n"
                + good.substring(0, 40), StandardOpenOption.APPEND);
        try (HistoryStore store = HistoryStore.open(file())) {
            LoadResult loaded = store.load();
            assertThat(loaded.entries()).hasSize(4);
            assertThat(loaded.entries().get(3).jobId()).isEqualTo("b");
            assertThat(loaded.skippedLines()).isEqualTo(3);
            store.append(Entries.entries("c", 0, 2)); // must not be swallowed by the torn line
            LoadResult after = store.load();
            assertThat(after.entries()).extracting(HistoryEntry::jobId).containsExactly("a", "a", "a", "b", "c", "c");
            assertThat(after.skippedLines()).isEqualTo(3);
        }
        List<String> lines = Files.readAllLines(file());
        assertThat(lines).contains("this is not json", good.substring(0, 40)); // nothing is deleted
    }

    @Test
    void aLineTornInsideAValueDoesNotTakeTheNextLineWithIt() throws IOException {
        try (HistoryStore store = HistoryStore.open(file())) {
            store.append(Entries.entries("a", 0, 1));
        }
        String good = Files.readAllLines(file()).get(0);
        int cut = good.indexOf("\"profile\":") + "\"profile\":".length();
        Files.writeString(file(), good.substring(0, cut) + "\n" + good.replace("\"a\"", "\"b\"") + "\n",
                StandardOpenOption.APPEND);
        try (HistoryStore store = HistoryStore.open(file())) {
            LoadResult loaded = store.load();
            assertThat(loaded.entries()).extracting(HistoryEntry::jobId).containsExactly("a", "b");
            assertThat(loaded.skippedLines()).isEqualTo(1);
        }
    }

    @Test
    void unknownFieldsAreIgnoredAndOtherTimeFormsAreRead() throws IOException {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), "{\"job_id\":\"j\",\"time\":\"2026-11-26T10:41:02+01:00\",\"kind\":\"KEY\","
                + "\"target\":\"k\",\"outcome\":\"ok\",\"future\":{\"nested\":[1,2]},\"attempts\":null}\n"
                + "{\"job_id\":\"j\",\"time\":\"2026-11-26T09:41:02.5Z\",\"kind\":\"key\",\"target\":\"k2\",\"outcome\":\"failed\"}\n",
                StandardCharsets.UTF_8);
        try (HistoryStore store = HistoryStore.open(file())) {
            LoadResult loaded = store.load();
            assertThat(loaded.skippedLines()).isZero();
            assertThat(loaded.entries()).extracting(HistoryEntry::time).containsExactly(
                    Entries.T0.minusMillis(123), Entries.T0.plusMillis(377));
        }
    }

    @Test
    void listenersHearEachAppendOnce() throws IOException {
        List<List<HistoryEntry>> heard = new CopyOnWriteArrayList<>();
        try (HistoryStore store = HistoryStore.open(file())) {
            store.addListener(heard::add);
            store.addListener(batch -> {
                throw new IllegalStateException("a faulty listener does not stop the others");
            });
            store.append(Entries.entries("j", 0, 3));
            store.append(Entries.entries("j", 3, 1));
            store.append(List.of());
        }
        assertThat(heard).containsExactly(Entries.entries("j", 0, 3), Entries.entries("j", 3, 1));
    }

    @Test
    void clearKeepsADatedBackupAndStartsEmpty() throws IOException {
        try (HistoryStore store = HistoryStore.open(file())) {
            store.append(Entries.entries("old", 0, 5));
            byte[] before = Files.readAllBytes(file());
            Path backup = store.clear();
            assertThat(backup.getParent()).isEqualTo(file().getParent());
            assertThat(backup.getFileName().toString()).matches("history-\\d{4}-\\d\\d-\\d\\dT\\d{6}Z(-\\d+)?\\.jsonl");
            assertThat(Files.readAllBytes(backup)).isEqualTo(before);
            assertThat(store.load().entries()).isEmpty();
            store.append(Entries.entries("new", 0, 2));
            assertThat(store.load().entries()).extracting(HistoryEntry::jobId).containsExactly("new", "new");
            Path second = store.clear();
            assertThat(second).isNotEqualTo(backup).exists();
        }
        assertThat(Files.size(file())).isZero();
    }

    @Test
    void aClosedStoreRefusesAppendsAndSurvivesAnInterruptedCaller() throws IOException {
        HistoryStore store = HistoryStore.open(file());
        Thread.currentThread().interrupt();
        try {
            store.append(Entries.entries("j", 0, 1)); // an interrupt must not close the channel for everyone
        } finally {
            assertThat(Thread.interrupted()).isTrue();
        }
        store.append(Entries.entries("j", 1, 1));
        assertThat(store.load().entries()).hasSize(2);
        store.close();
        assertThatThrownBy(() -> store.append(Entries.entries("j", 2, 1))).isInstanceOf(IOException.class);
    }

    @Test
    void aListenerAddedByLoadHearsExactlyWhatTheResultLacks() throws Exception {
        try (HistoryStore store = HistoryStore.open(file())) {
            for (int i = 0; i < 50_000; i += 1000) {
                store.append(Entries.entries("old", i, 1000));
            }
            java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
            AtomicInteger appended = new AtomicInteger();
            Thread writer = new Thread(() -> {
                for (int i = 0; !stop.get(); i++) {
                    try {
                        store.append(Entries.entries("new", i, 1));
                        appended.incrementAndGet();
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            });
            writer.start();
            // The load runs while the writer appends: before it, some appends; after it, some more.
            Eventually.await(() -> appended.get() >= 10);
            List<HistoryEntry> heard = new CopyOnWriteArrayList<>();
            LoadResult loaded = store.load(heard::addAll);
            int atLoad = appended.get();
            Eventually.await(() -> appended.get() >= atLoad + 10);
            stop.set(true);
            writer.join();
            List<HistoryEntry> seen = new ArrayList<>(loaded.entries());
            seen.addAll(heard);
            assertThat(seen).isEqualTo(store.load().entries()); // none twice, none missed, in file order
            assertThat(heard).isNotEmpty();
        }
    }
}
