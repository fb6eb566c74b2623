package dev.purgedeck.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.purgedeck.fastly.ItemOutcome;
import dev.purgedeck.fastly.JobRequest;
import dev.purgedeck.fastly.PurgeKind;
import dev.purgedeck.fastly.PurgeOptions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A verified item's entry is on disk when its outcome is known, and its verdict follows as a job note: a crash in
 * between loses the verdict, never the purge. Readers merge the notes back in; exports carry them.
 */
class VerdictNotesTest {
    private static final JobRecording.Origin ORIGIN = new JobRecording.Origin("work", "sandbox", "http://127.0.0.1:1");
    private static final String PAGE = "https://www.dailycourier.example/news";

    @TempDir
    Path dataDir;

    private static ItemOutcome purged(int i, String url) {
        return new ItemOutcome(i, PurgeKind.URL, url, ItemOutcome.Status.OK, "1-" + i, 200, 1, Duration.ofMillis(5),
                "", null, Instant.now());
    }

    @Test
    void theEntryIsOnDiskBeforeItsVerdictAndTheVerdictFollowsAsANote() throws Exception {
        try (JobRecording recording = JobRecording.open(dataDir, "test")) {
            JobRequest request = JobRequest.urls(null, List.of(PAGE, PAGE + "/2"), PurgeOptions.HARD, 2);
            List<Exception> failures = new CopyOnWriteArrayList<>();
            JobRecording.Recording recorder = recording.begin(recording.context("job-v", request, ORIGIN, null),
                    failures::add);
            recorder.onItems(List.of(purged(0, PAGE), purged(1, PAGE + "/2")), 2, 2);
            assertThat(recorder.written().get(5, TimeUnit.SECONDS)).isTrue();

            // The moment a crash could come: the purges are recorded, no verdict is known yet.
            Path history = HistoryStore.fileIn(dataDir);
            List<String> lines = Files.readAllLines(history);
            assertThat(lines).hasSize(2).noneMatch(l -> l.contains("verdict"));
            assertThat(JobNotes.in(dataDir).load()).isEmpty();

            recorder.onVerdict(purged(0, PAGE), "fresh", "Fetched from the origin after the purge.", Instant.now());
            recorder.onVerdict(purged(1, PAGE + "/2"), null, null, Instant.now()); // not looked at: nothing to add
            assertThat(recorder.written().get(5, TimeUnit.SECONDS)).isTrue();
            assertThat(failures).isEmpty();

            assertThat(Files.readAllLines(history)).isEqualTo(lines); // the history file keeps its format and lines
            List<HistoryEntry> loaded = recording.store().load().entries();
            List<JobNote> notes = JobNotes.in(dataDir).load();
            assertThat(notes).singleElement().satisfies(n -> {
                assertThat(n.kind()).isEqualTo(JobNote.VERDICT);
                assertThat(n.jobId()).isEqualTo("job-v");
                assertThat(n.entryId()).isEqualTo(loaded.get(0).stableId());
            });
            List<HistoryEntry> merged = new JobNotes.Index(notes).applyAll(loaded);
            assertThat(merged).extracting(HistoryEntry::verdict).containsExactly("fresh", null);
            assertThat(merged.get(0).verdictReason()).isEqualTo("Fetched from the origin after the purge.");
        }
    }

    @Test
    void theWindowsOwnNotesAreHeardOnceOnDisk() throws Exception {
        try (JobRecording recording = JobRecording.open(dataDir, "test")) {
            List<JobNote> heard = new CopyOnWriteArrayList<>();
            recording.notes().addListener(n -> {
                assertThat(JobNotes.in(dataDir).file()).exists();
                heard.addAll(n);
            });
            JobNote impact = JobNote.ofJob("job-i", JobNote.IMPACT, "hit ratio 97 % → 41 % at the lowest",
                    Instant.now());
            assertThat(recording.note(impact).get(5, TimeUnit.SECONDS)).isTrue();
            assertThat(heard).containsExactly(impact);
            assertThat(JobNotes.in(dataDir).load()).containsExactly(impact);
        }
    }

    @Test
    void anOldLineWithItsOwnVerdictKeepsItAndANoteOverridesOnlyItsEntry() {
        HistoryEntry old = Entries.entry("job-o", 0).withVerdict("old_copy", "Age 600 s");
        HistoryEntry other = Entries.entry("job-o", 1);
        JobNotes.Index notes = new JobNotes.Index(List.of(JobNote.verdict(other, "fresh", "Miss", Entries.T0)));
        assertThat(notes.applyAll(List.of(old, other))).extracting(HistoryEntry::verdict)
                .containsExactly("old_copy", "fresh");
        List<HistoryEntry> none = List.of(old, other);
        assertThat(new JobNotes.Index(List.of()).applyAll(none)).isSameAs(none);
    }

    @Test
    void csvAndJsonExportsCarryTheMergedVerdictAndJsonTheJobsImpact() throws Exception {
        HistoryEntry a = Entries.entry("job-e", 0);
        HistoryEntry b = Entries.entry("job-f", 1);
        JobNotes.Index notes = new JobNotes.Index(List.of(JobNote.verdict(a, "old_copy", "Age 600 s", Entries.T0),
                JobNote.ofJob("job-e", JobNote.IMPACT, "hit ratio 97 % → 41 % at the lowest, \"back\"", Entries.T0),
                JobNote.ofJob("job-e", JobNote.NOTICE, "sent", Entries.T0)));
        List<HistoryEntry> rows = notes.applyAll(List.of(a, b));

        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        HistoryExport.csv(rows, csv);
        assertThat(csv.toString(StandardCharsets.UTF_8)).contains(",old_copy,\"Age 600 s\"");

        ByteArrayOutputStream json = new ByteArrayOutputStream();
        HistoryExport.json(rows, json, notes);
        JsonNode array = new ObjectMapper().readTree(json.toByteArray());
        assertThat(array.get(0).get("verdict").asText()).isEqualTo("old_copy");
        assertThat(array.get(0).get("impact").asText()).isEqualTo("hit ratio 97 % → 41 % at the lowest, \"back\"");
        assertThat(array.get(0).get("notice").asText()).isEqualTo("sent");
        assertThat(array.get(1).has("impact")).isFalse();
        // The export still reads back as the entries (the job's fields are extra, and ignored).
        assertThat(HistoryExport.readJson(new ByteArrayInputStream(json.toByteArray()))).isEqualTo(rows);
    }
}
