package dev.purgedeck.history;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobNotesTest {
    @TempDir
    Path dir;

    @Test
    void notesWrittenAreReadBackAndMergedIntoTheirEntries() throws Exception {
        JobNotes notes = JobNotes.in(dir);
        HistoryEntry a = Entries.entry("j1", 1).withId(HistoryEntry.newId());
        HistoryEntry b = Entries.entry("j1", 2); // an old line without an ID: its derived ID names it
        notes.append(List.of(JobNote.verdict(a, "fresh", "Fetched from the origin after the purge.", Entries.T0),
                JobNote.verdict(b, "old_copy", "Age 600 s", Entries.T0),
                JobNote.ofJob("j1", JobNote.IMPACT, "hit ratio 97 % → 41 % at the lowest", Entries.T0)));

        JobNotes.Index index = JobNotes.besideHistory(HistoryStore.fileIn(dir)).index();

        assertThat(index.apply(a).verdict()).isEqualTo("fresh");
        assertThat(index.apply(a).verdictReason()).isEqualTo("Fetched from the origin after the purge.");
        assertThat(index.apply(b).verdict()).isEqualTo("old_copy");
        assertThat(index.apply(Entries.entry("j1", 3)).verdict()).isNull();
        assertThat(index.ofJob("j1", JobNote.IMPACT)).get().extracting(JobNote::text)
                .isEqualTo("hit ratio 97 % → 41 % at the lowest");
        assertThat(index.ofJob("j1", JobNote.NOTICE)).isEmpty();
        assertThat(index.ofJob("j2", JobNote.IMPACT)).isEmpty();
    }

    @Test
    void notesAnotherProcessAppendsReachTheFollowersListenersAtTheNextPollAndAHalfWrittenLineWaits() throws Exception {
        JobNotes window = JobNotes.in(dir);
        JobNotes.in(dir).append(List.of(JobNote.ofJob("j0", JobNote.NOTICE, "before", Entries.T0))); // load's part
        window.follow();
        List<JobNote> heard = new CopyOnWriteArrayList<>();
        window.addListener(heard::addAll);
        window.poll();
        assertThat(heard).isEmpty();

        JobNotes commandLine = JobNotes.in(dir); // another process's instance: its listeners are not the window's
        HistoryEntry a = Entries.entry("j1", 1).withId(HistoryEntry.newId());
        commandLine.append(List.of(JobNote.verdict(a, "old_copy", "Age 600 s", Entries.T0)));
        assertThat(heard).isEmpty();
        window.poll();
        assertThat(heard).extracting(JobNote::text).containsExactly("old_copy");

        window.append(List.of(JobNote.ofJob("j2", JobNote.IMPACT, "mine", Entries.T0))); // heard as it is written
        window.poll();
        assertThat(heard).extracting(JobNote::text).containsExactly("old_copy", "mine"); // not read back again

        String line = JobNotes.line(JobNote.ofJob("j3", JobNote.IMPACT, "theirs", Entries.T0));
        Files.writeString(window.file(), line.substring(0, 20), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        window.poll();
        assertThat(heard).hasSize(2); // the rest of that line is still to come
        Files.writeString(window.file(), line.substring(20) + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        window.poll();
        assertThat(heard).extracting(JobNote::text).containsExactly("old_copy", "mine", "theirs");
    }

    @Test
    void aLaterNoteOfTheSameKindWins() throws Exception {
        JobNotes notes = JobNotes.in(dir);
        HistoryEntry a = Entries.entry("j1", 1).withId(HistoryEntry.newId());
        notes.append(List.of(JobNote.verdict(a, "refreshing", "Served stale", Entries.T0)));
        notes.append(List.of(JobNote.verdict(a, "fresh", "Refreshed", Entries.T0.plusSeconds(2))));

        assertThat(notes.index().apply(a).verdict()).isEqualTo("fresh");
    }

    @Test
    void aTornOrForeignLineIsSkippedAndTheOthersStillCount() throws Exception {
        JobNotes notes = JobNotes.in(dir);
        notes.append(List.of(JobNote.ofJob("j1", JobNote.NOTICE, "sent", Entries.T0)));
        Files.writeString(notes.file(), "{\"job_id\":\"j2\",\"kind\":\"imp\nnot json\n[1,2]\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        notes.append(List.of(JobNote.ofJob("j3", JobNote.NOTICE, "Team notice not sent: HTTP 500.", Entries.T0)));

        assertThat(notes.load()).extracting(JobNote::jobId).containsExactly("j1", "j3");
    }

    @Test
    void theFileIsOwnerOnlyAndAbsentMeansNoNotes() throws Exception {
        JobNotes notes = JobNotes.in(dir);
        assertThat(notes.load()).isEmpty();
        notes.append(List.of(JobNote.ofJob("j1", JobNote.NOTICE, "sent", Entries.T0)));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(notes.file()))).isEqualTo("rw-------");
    }

    @Test
    void writersAtOnceLoseNoNoteAndTearNoLine() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                int writer = w;
                done.add(pool.submit(() -> {
                    JobNotes own = JobNotes.in(dir); // each writer its own instance, as two processes would have
                    for (int i = 0; i < 50; i++) {
                        own.append(List.of(JobNote.ofJob("w" + writer + "-" + i, JobNote.IMPACT, "x".repeat(300),
                                Entries.T0)));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(JobNotes.in(dir).load()).hasSize(200).extracting(JobNote::jobId).doesNotHaveDuplicates();
    }
}
