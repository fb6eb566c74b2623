package dev.purgedeck.history;

import static dev.purgedeck.testsupport.Clients.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.fastly.BulkPurgeRunner;
import dev.purgedeck.fastly.ItemOutcome;
import dev.purgedeck.fastly.JobListener;
import dev.purgedeck.fastly.JobRequest;
import dev.purgedeck.fastly.JobResult;
import dev.purgedeck.fastly.PurgeOptions;
import dev.purgedeck.sandbox.DemoAccount;
import dev.purgedeck.testsupport.Clients;
import dev.purgedeck.testsupport.SandboxExtension;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Real jobs against the sandbox, recorded batch by batch, exactly as the console records them. */
class HistoryRecordingTest {
    @RegisterExtension
    static final SandboxExtension SANDBOX = new SandboxExtension();
    @TempDir
    Path dataDir;

    private JobContext context(String service, boolean soft) {
        return new JobContext(BulkPurgeRunner.newJobId(), "demo", "sandbox", SANDBOX.server().baseUri().toString(),
                service, "Demo shop", soft, "production", JobContext.currentUser(), "test");
    }

    /** The recorder the console and the command line use; a failed write fails the test. */
    private static JobListener recording(JobRecording recording, JobContext ctx) {
        return recording.begin(ctx, e -> {
            throw new AssertionError("history write failed", e);
        });
    }

    @Test
    void everyItemOfRealJobsIsRecordedWithItsPurgeIdAndTheTokenNowhere() throws Throwable {
        String service = SANDBOX.service();
        BulkPurgeRunner runner = new BulkPurgeRunner(
                Clients.client(SANDBOX.server().baseUri(), DemoAccount.GLOBAL_TOKEN, Clients.FAST_RETRY));
        List<String> keys = IntStream.range(0, 600).mapToObj(i -> "article-" + i).toList();
        List<String> urls = IntStream.range(0, 30).mapToObj(i -> "https://www.example.com/page/" + i).toList();
        JobContext keyJob = context(service, true);
        JobContext urlJob = context(service, false);
        JobContext refused = context(service, false);
        JobResult keyResult;
        JobResult urlResult;
        try (HistoryStore store = HistoryStore.open(dataDir.resolve(HistoryStore.FILE_NAME))) {
            JobRecording recorder = new JobRecording(store, "test");
            keyResult = await(runner.start(keyJob.jobId(), JobRequest.keys(service, keys, PurgeOptions.SOFT, 4),
                    recording(recorder, keyJob)).result());
            urlResult = await(runner.start(urlJob.jobId(), JobRequest.urls(service, urls, PurgeOptions.HARD, 8),
                    recording(recorder, urlJob)).result());
            BulkPurgeRunner selectOnly = new BulkPurgeRunner(
                    Clients.client(SANDBOX.server().baseUri(), DemoAccount.PURGE_SELECT_TOKEN, Clients.FAST_RETRY));
            await(selectOnly.start(refused.jobId(), JobRequest.all(service, PurgeOptions.HARD),
                    recording(recorder, refused)).result());
            recorder.close(); // waits for the writes it has queued
            store.flush();

            List<HistoryEntry> all = store.load().entries();
            assertThat(all).hasSize(631);
            Map<String, HistoryEntry> byTarget = all.stream()
                    .filter(e -> !e.jobId().equals(refused.jobId()))
                    .collect(Collectors.toMap(HistoryEntry::target, Function.identity()));
            for (ItemOutcome o : Stream.concat(keyResult.items().stream(), urlResult.items().stream()).toList()) {
                HistoryEntry e = byTarget.get(o.target());
                assertThat(e.purgeId()).isEqualTo(o.purgeId()).isNotNull();
                assertThat(e.outcome()).isEqualTo(HistoryEntry.Outcome.OK);
                assertThat(e.httpStatus()).isEqualTo(200);
            }
            assertThat(all.stream().filter(e -> e.jobId().equals(keyJob.jobId()))
                    .filter(e -> e.soft() && e.kind() == dev.purgedeck.fastly.PurgeKind.KEY)).hasSize(600);
            HistoryEntry denied = all.get(all.size() - 1);
            assertThat(denied.jobId()).isEqualTo(refused.jobId());
            assertThat(denied.outcome()).isEqualTo(HistoryEntry.Outcome.FAILED);
            assertThat(denied.httpStatus()).isEqualTo(403);
            assertThat(denied.error()).contains("not allowed");
            assertThat(denied.user()).isEqualTo(System.getProperty("user.name"));

            try (OutputStream csv = Files.newOutputStream(dataDir.resolve("export.csv"));
                 OutputStream json = Files.newOutputStream(dataDir.resolve("export.json"))) {
                HistoryExport.csv(all, csv);
                HistoryExport.json(all, json);
            }
            store.clear();
        }
        assertNoFileHolds(DemoAccount.GLOBAL_TOKEN);
        assertNoFileHolds(DemoAccount.PURGE_SELECT_TOKEN);
    }

    private void assertNoFileHolds(String token) throws IOException {
        try (Stream<Path> files = Files.walk(dataDir)) {
            List<Path> regular = files.filter(Files::isRegularFile).toList();
            assertThat(regular).hasSize(4); // the backup, the fresh history, the two exports
            for (Path f : regular) {
                assertThat(Files.readString(f, StandardCharsets.UTF_8)).as(f.toString()).doesNotContain(token);
            }
        }
    }
}
