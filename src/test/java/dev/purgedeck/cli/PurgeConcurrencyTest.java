package dev.purgedeck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.sandbox.FaultSettings;
import dev.purgedeck.sandbox.RecordedRequest;
import dev.purgedeck.settings.SettingsStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How many requests {@code purgedeck purge} keeps in flight: 16 by default, the window's "Requests at once" when the
 * user set it there, {@code --concurrency} above both. Seen from the sandbox, which answers each request only after
 * {@value #LATENCY_MS} ms: requests that arrive within that time of the first were all in flight together.
 */
class PurgeConcurrencyTest extends SandboxCliTest {
    private static final long LATENCY_MS = 400;

    @BeforeEach
    void slowSandbox() {
        SANDBOX.server().setFaults(FaultSettings.none().withLatency(Duration.ofMillis(LATENCY_MS)));
    }

    private String[] purge(int urls, String... extra) {
        List<String> args = new ArrayList<>(List.of("purge"));
        args.addAll(List.of(extra));
        args.add("--url");
        IntStream.range(0, urls).forEach(i -> args.add("https://www.dailycourier.example/c/" + i));
        return args.toArray(String[]::new);
    }

    /** Requests that arrived before the first could have been answered. */
    private static long inFlightAtFirst() {
        List<Instant> arrivals = SANDBOX.server().requests().all().stream().map(RecordedRequest::at).sorted().toList();
        Instant first = arrivals.get(0);
        return arrivals.stream().filter(t -> Duration.between(first, t).toMillis() < LATENCY_MS).count();
    }

    @Test
    void sixteenAtOnceByDefault() {
        CliHarness.Result r = cli.run(purge(20));

        assertThat(r.code()).as(r.toString()).isZero();
        // More than the old default of 8 were in flight together; never more than 16.
        assertThat(inFlightAtFirst()).isGreaterThan(8).isLessThanOrEqualTo(16);
    }

    @Test
    void followsTheWindowsSettingWhenNotGiven() throws Exception {
        SettingsStore.open(cli.dataDir).update(s -> s.withConcurrency(1));

        CliHarness.Result r = cli.run(purge(3));

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(inFlightAtFirst()).isEqualTo(1);
    }

    @Test
    void theOptionWinsOverTheSetting() throws Exception {
        SettingsStore.open(cli.dataDir).update(s -> s.withConcurrency(1));

        CliHarness.Result r = cli.run(purge(6, "--concurrency", "3"));

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(inFlightAtFirst()).isEqualTo(3);
    }
}
