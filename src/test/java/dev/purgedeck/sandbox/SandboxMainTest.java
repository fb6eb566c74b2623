package dev.purgedeck.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SandboxMainTest {

    @Test
    void helpDocumentsTheAdminEndpointsEveryFaultFieldAndEveryDemoToken() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(SandboxMain.run(new String[] {"--help"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err)).isZero();
        String help = out.toString(StandardCharsets.UTF_8);
        assertThat(help).startsWith(SandboxMain.USAGE).contains("/_sandbox/services/{id}/objects", "/_sandbox/reseed",
                "PUT    /_sandbox/faults", "/_sandbox/requests", "/_sandbox/tokens");
        assertThat(FaultJson.toJson(FaultSettings.none()).keySet()).allSatisfy(field -> assertThat(help).contains(field));
        assertThat(DemoCatalog.account(false).tokens()).allSatisfy(t -> assertThat(help).contains(t.value()));
    }

    @Test
    void helpExplainsHowToReachTheDemoSitesAndTheEdgeControls() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SandboxMain.run(new String[] {"--help"}, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        String help = out.toString(StandardCharsets.UTF_8);
        assertThat(help).contains("HTTP proxy", "Fastly-Debug: 1", "POST   /_sandbox/publish", "GET    /_sandbox/edge",
                "PUT    /_sandbox/edge", "max_propagation_delay_ms");
        assertThat(DemoCatalog.account(false).services()).allSatisfy(s ->
                assertThat(help).contains(s.domains().get(0).substring(s.domains().get(0).indexOf('.') + 1)));
    }

    @Test
    void printsTheBannerServesAndStopsOnInterrupt() throws Exception {
        PipedInputStream pipe = new PipedInputStream(1 << 16);
        PrintStream out = new PrintStream(new PipedOutputStream(pipe), true, StandardCharsets.UTF_8);
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        Thread t = new Thread(() -> exit.complete(SandboxMain.run(new String[] {"--port", "0", "--latency-ms=1"},
                out, System.err)), "sandbox-main-test");
        t.start();

        List<String> lines = new ArrayList<>();
        BufferedReader in = new BufferedReader(new InputStreamReader(pipe, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            lines.add(line);
            if (line.equals("Press Ctrl+C to stop.")) {
                break;
            }
        }

        assertThat(lines.get(0)).matches("PurgeDeck sandbox listening on http://127\\.0\\.0\\.1:\\d+");
        assertThat(lines.get(1)).isEqualTo("Demo token (global): " + DemoAccount.GLOBAL_TOKEN);
        assertThat(lines.get(2)).isEqualTo("Demo services:");
        assertThat(lines.get(3)).isEqualTo("  7kQm2XvR9tLp4WnB8cYd3F  Daily Courier — www");
        assertThat(lines).hasSize(9);
        URI base = URI.create(lines.get(0).substring(lines.get(0).lastIndexOf(' ') + 1));
        try (Socket s = new Socket(base.getHost(), base.getPort())) {
            assertThat(s.isConnected()).isTrue();
        }

        t.interrupt();
        assertThat(exit.get(5, TimeUnit.SECONDS)).isZero();
        assertThat(canConnect(base)).isFalse();
    }

    @Test
    void badArgumentsExitWith2() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);

        assertThat(SandboxMain.run(new String[] {"--port", "abc"}, System.out, errStream)).isEqualTo(2);
        assertThat(SandboxMain.run(new String[] {"--bogus"}, System.out, errStream)).isEqualTo(2);
        assertThat(SandboxMain.run(new String[] {"--latency-ms"}, System.out, errStream)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown argument: --bogus").contains("usage:");
    }

    @Test
    void parsesAllOptions() {
        SandboxConfig cfg = SandboxMain.parse(new String[] {"--port=8181", "--latency-ms", "20", "--many-services"});

        assertThat(cfg.port()).isEqualTo(8181);
        assertThat(cfg.latency()).isEqualTo(Duration.ofMillis(20));
        assertThat(cfg.manyServices()).isTrue();
        assertThat(SandboxMain.parse(new String[] {"--help"})).isNull();
    }

    private static boolean canConnect(URI base) {
        try (Socket s = new Socket(base.getHost(), base.getPort())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
