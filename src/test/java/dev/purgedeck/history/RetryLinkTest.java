package dev.purgedeck.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import dev.purgedeck.fastly.PurgeKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A retry's link to the job it retries is written and read back, and lines written before such links still load. */
class RetryLinkTest {
    private static HistoryEntry retry(String target) {
        return new HistoryEntry("job-2", Entries.T0, "work", "sandbox", "http://127.0.0.1:8080", null, null,
                PurgeKind.URL, target, false, "production", HistoryEntry.Outcome.OK, "108-1-1", 200, null, 1, 20,
                "alice", "0.1.0", "job-1");
    }

    private static HistoryEntry fast(String line) {
        byte[] b = (line + "\n").getBytes(StandardCharsets.UTF_8);
        return new LineParser().parse(b, 0, b.length);
    }

    private static HistoryEntry jackson(String line) throws IOException {
        try (JsonParser p = HistoryCodec.FACTORY.createParser(line)) {
            p.nextToken();
            return HistoryCodec.read(p, new HashMap<>());
        }
    }

    private static String line(HistoryEntry e) {
        return new String(LineWriter.lines(List.of(e)), StandardCharsets.UTF_8).strip();
    }

    @Test
    void theLinkIsWrittenLastAndReadBackByBothParsers() throws IOException {
        HistoryEntry e = retry("https://www.example.com/a");
        assertThat(line(e)).endsWith(",\"retry_of\":\"job-1\"}");
        assertThat(fast(line(e))).isEqualTo(e);
        assertThat(jackson(line(e))).isEqualTo(e);
        // A text only Jackson reads (an escaped quote) keeps the link too.
        HistoryEntry quoted = retry("https://www.example.com/\"q\"");
        assertThat(fast(line(quoted))).isNull();
        assertThat(jackson(line(quoted)).retryOf()).isEqualTo("job-1");
    }

    @Test
    void aLineWrittenBeforeRetriesWereLinkedLoadsWithoutOne() throws IOException {
        String old = line(Entries.entry("job", 1));
        assertThat(old).doesNotContain("retry_of");
        assertThat(fast(old).retryOf()).isNull();
        assertThat(jackson(old).retryOf()).isNull();
        assertThat(fast(old)).isEqualTo(Entries.entry("job", 1));
    }

    @Test
    void aJobContextForARetryGivesEachEntryTheLink() {
        JobContext job = new JobContext("job-2", "work", "sandbox", "http://127.0.0.1:8080", null, null, false,
                "production", "alice", "0.1.0");
        assertThat(job.retryOf()).isNull();
        assertThat(job.retrying("job-1").retryOf()).isEqualTo("job-1");
        assertThat(job.retrying("job-1").jobId()).isEqualTo("job-2");
    }
}
