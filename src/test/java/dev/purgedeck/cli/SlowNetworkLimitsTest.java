package dev.purgedeck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.history.HistoryEntry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 item 15: with a network that answers too slowly, --timeout and --retries bound each item and --deadline
 * bounds the job; items not sent by the deadline say so, in the output and in the history.
 */
class SlowNetworkLimitsTest extends SandboxCliTest {
    private void latency(long millis) throws Exception {
        HttpRequest put = HttpRequest.newBuilder(URI.create(SANDBOX.server().baseUri() + "/_sandbox/faults"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"latency_ms\": " + millis + "}")).build();
        HttpResponse<String> r = HttpClient.newHttpClient().send(put, HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    @AfterEach
    void noLatency() {
        SANDBOX.server().clearFaults();
    }

    @Test
    void aDeadNetworkFailsALargeJobByTheDeadlineWithItemsNotSentSayingSo() throws Exception {
        latency(3_000);
        List<String> args = new ArrayList<>(List.of("purge", "--timeout", "150ms", "--retries", "1", "--deadline",
                "700ms", "--concurrency", "2", "--url"));
        for (int i = 0; i < 30; i++) {
            args.add("https://www.dailycourier.example/slow/" + i);
        }
        long t0 = System.nanoTime();
        CliHarness.Result r = cli.run(args.toArray(String[]::new));
        Duration took = Duration.ofNanos(System.nanoTime() - t0);

        assertThat(r.code()).as(r.toString()).isEqualTo(Cli.FAILED);
        assertThat(took).as("bounded by the deadline, not 30 x 2 timeouts").isLessThan(Duration.ofSeconds(4));
        assertThat(r.err()).contains("Not sent: the job's deadline of 700ms passed");
        List<HistoryEntry> history = cli.history();
        assertThat(history).hasSize(30);
        assertThat(history).filteredOn(e -> e.outcome() == HistoryEntry.Outcome.FAILED).isNotEmpty()
                .allSatisfy(e -> assertThat(e.attempts()).as("--retries 1").isEqualTo(2));
        assertThat(history).filteredOn(e -> e.outcome() == HistoryEntry.Outcome.CANCELLED).isNotEmpty()
                .allSatisfy(e -> assertThat(e.error()).contains("deadline of 700ms passed"));
    }

    @Test
    void badLimitsAreUsageErrorsBeforeAnythingIsSent() {
        String url = "https://www.dailycourier.example/";
        for (String[] bad : List.of(new String[] {"--timeout", "0s"}, new String[] {"--timeout", "10 minutes"},
                new String[] {"--timeout", "301s"}, new String[] {"--retries", "11"}, new String[] {"--retries", "-1"},
                new String[] {"--deadline", "soon"})) {
            CliHarness.Result r = cli.run("purge", bad[0], bad[1], "--url", url);
            assertThat(r.code()).as(r.toString()).isEqualTo(Cli.USAGE);
            assertThat(r.err()).contains(bad[0]).doesNotContain("unexpected error");
        }
        assertThat(SANDBOX.server().requests().count()).isZero();
    }
}
