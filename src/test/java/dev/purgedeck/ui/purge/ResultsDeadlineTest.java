package dev.purgedeck.ui.purge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.fastly.BulkPurgeRunner;
import dev.purgedeck.fastly.ItemOutcome;
import dev.purgedeck.fastly.JobRequest;
import dev.purgedeck.fastly.JobResult;
import dev.purgedeck.fastly.PurgeOptions;
import dev.purgedeck.fastly.RetryPolicy;
import dev.purgedeck.sandbox.DemoAccount;
import dev.purgedeck.sandbox.FaultSettings;
import dev.purgedeck.testsupport.Clients;
import dev.purgedeck.testsupport.SandboxExtension;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Issue 13 item 15 in the window's results model: a job started with a deadline ends by it, saying why. */
class ResultsDeadlineTest {
    @RegisterExtension
    static final SandboxExtension SANDBOX = new SandboxExtension();

    @AfterEach
    void noLatency() {
        SANDBOX.server().clearFaults();
    }

    @Test
    void aJobWithADeadlineEndsByItAndItsUnsentItemsSaySo() throws Exception {
        SANDBOX.server().setFaults(FaultSettings.none().withLatency(Duration.ofSeconds(3)));
        BulkPurgeRunner runner = new BulkPurgeRunner(Clients.client(SANDBOX.server().baseUri(),
                DemoAccount.GLOBAL_TOKEN, RetryPolicy.NONE));
        ResultsViewModel results = new ResultsViewModel(runner, Runnable::run);
        CompletableFuture<JobResult> finished = new CompletableFuture<>();
        results.onFinished(finished::complete);
        List<String> urls = IntStream.range(0, 10).mapToObj(i -> "https://www.dailycourier.example/d/" + i).toList();

        results.start(JobRequest.urls(null, urls, PurgeOptions.HARD, 2), Duration.ofMillis(400));

        JobResult r = finished.get(5, TimeUnit.SECONDS);
        assertThat(r.count(ItemOutcome.Status.CANCELLED)).isEqualTo(10);
        assertThat(r.items()).filteredOn(o -> o.message().startsWith("Not sent")).hasSize(8)
                .allSatisfy(o -> assertThat(o.message()).isEqualTo("Not sent: the job's deadline of 400ms passed."));
        assertThat(r.items()).filteredOn(o -> o.message().startsWith("Stopped")).hasSize(2);
        assertThat(results.runningProperty().get()).isFalse();
    }
}
