package dev.purgedeck.testsupport;

import dev.purgedeck.fastly.BulkPurgeRunner;
import dev.purgedeck.fastly.ItemOutcome;
import dev.purgedeck.fastly.PurgeKind;
import dev.purgedeck.history.JobContext;
import java.time.Duration;
import java.time.Instant;

/** Outcomes and job contexts for tests that record to the history without running a purge. */
public final class Outcomes {
    private Outcomes() {
    }

    /** A purged URL, {@code https://www.example.com/INDEX}. */
    public static ItemOutcome ok(int index) {
        return new ItemOutcome(index, PurgeKind.URL, "https://www.example.com/" + index, ItemOutcome.Status.OK,
                "1-" + index, 200, 1, Duration.ofMillis(20), null, null, Instant.now());
    }

    /** A sandbox job with this ID. */
    public static JobContext job(String jobId) {
        return new JobContext(jobId, "demo", "sandbox", "http://127.0.0.1:1", null, "", false, "production", "tester",
                "test");
    }

    /** A sandbox job with a new ID. */
    public static JobContext job() {
        return job(BulkPurgeRunner.newJobId());
    }
}
