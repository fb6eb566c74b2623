package dev.purgedeck.ui.history;

import static dev.purgedeck.testsupport.Outcomes.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.fastly.JobListener;
import dev.purgedeck.fastly.JobRequest;
import dev.purgedeck.fastly.PurgeOptions;
import dev.purgedeck.history.HistoryEntry;
import dev.purgedeck.history.HistoryStore;
import dev.purgedeck.testsupport.Outcomes;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window's recorder: a history that cannot be written is told to the console, and the outcomes are kept. */
class HistoryRecorderTest {
    @TempDir
    Path dir;

    @Test
    void aFailedWriteIsToldOnceAndItsOutcomesAreKeptForTheNextJob() throws Exception {
        HistoryStore store = HistoryStore.open(dir.resolve("history.jsonl"));
        store.close(); // every append now fails, as on a full disk
        List<String> told = new CopyOnWriteArrayList<>();
        HistoryRecorder recorder = new HistoryRecorder(store, (jobId, request) -> Outcomes.job(jobId), told::add);
        JobRequest request = JobRequest.urls(null, List.of("https://www.example.com/0", "https://www.example.com/1"),
                new PurgeOptions(false, PurgeOptions.Environment.PRODUCTION), 2);

        JobListener job = recorder.begin("job-1", request);
        job.onItem(ok(0), 1, 2);
        job.onItem(ok(1), 2, 2);

        assertThat(told).singleElement().asString().contains("could not be written", "kept", "next purge");
        assertThat(recorder.unrecorded().entries()).extracting(HistoryEntry::target)
                .containsExactly("https://www.example.com/0", "https://www.example.com/1");
    }
}
