package dev.purgedeck.ui.impact;

import static dev.purgedeck.testsupport.ConsoleHarness.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.fastly.JobRequest;
import dev.purgedeck.fastly.PurgeOptions;
import dev.purgedeck.sandbox.DemoAccount;
import dev.purgedeck.sandbox.SandboxConfig;
import dev.purgedeck.sandbox.SandboxServer;
import dev.purgedeck.testsupport.ConsoleHarness;
import dev.purgedeck.testsupport.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The Impact panel in the real window: a purge-all's dip and recovery drawn with its marker (issue 17). */
@ExtendWith(ApplicationExtension.class)
class ImpactPanelTest {
    @TempDir
    Path dataDir;
    // On the wall clock's second, so the marker the window sets at 'now' falls where the sandbox counted the purge.
    private final ManualClock clock = new ManualClock(Instant.now());
    private final SandboxServer sandbox;
    private ConsoleHarness console;

    ImpactPanelTest() throws Exception {
        sandbox = SandboxServer.start(SandboxConfig.builder().clock(clock).trafficPerSecond(300).build());
    }

    @AfterEach
    void close() {
        if (console != null) {
            console.close();
        }
        sandbox.close();
    }

    @SuppressWarnings("unchecked")
    private static XYChart.Series<Number, Number> series(FxRobot robot, String chart, String name) {
        LineChart<Number, Number> c = robot.lookup("#" + chart).queryAs(LineChart.class);
        return c.getData().stream().filter(s -> s.getName().equals(name)).findFirst().orElse(null);
    }

    private long rtRequests() {
        return sandbox.requests().all().stream().filter(r -> r.rawPathAndQuery().startsWith("/rt/")).count();
    }

    @Test
    void purgeEverythingDrawsTheDipAndRecoveryAndClosingStopsPolling(FxRobot robot) throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        WaitForAsyncUtils.asyncFx(() -> {
            console = ConsoleHarness.show(stage, sandbox, DemoAccount.GLOBAL_TOKEN, dataDir, Map.of());
        }).get(30, TimeUnit.SECONDS);
        waitUntil(() -> console.window().purge().services().serviceIdProperty().get() != null);
        String serviceId = console.window().purge().services().serviceIdProperty().get();

        robot.clickOn("#impactToggle");
        waitUntil(() -> series(robot, "impactHitRatio", "Hit ratio") != null
                && series(robot, "impactHitRatio", "Hit ratio").getData().size() >= 120);

        clock.advance(Duration.between(clock.instant(), Instant.now()));
        robot.interact(() -> assertThat(console.window().purge().run(JobRequest.all(serviceId, PurgeOptions.HARD)))
                .isEqualTo(Optional.empty()));
        console.awaitJobEnd();
        waitUntil(() -> series(robot, "impactHitRatio", "Purge: everything") != null);
        clock.advance(Duration.ofSeconds(90));
        waitUntil(() -> series(robot, "impactHitRatio", "Hit ratio").getData().stream()
                .anyMatch(d -> d.getXValue().intValue() >= 60));

        XYChart.Series<Number, Number> hit = series(robot, "impactHitRatio", "Hit ratio");
        double before = hit.getData().stream().filter(d -> d.getXValue().intValue() < -5)
                .mapToDouble(d -> d.getYValue().doubleValue()).min().orElseThrow();
        double dip = hit.getData().stream().filter(d -> d.getXValue().intValue() >= -2)
                .mapToDouble(d -> d.getYValue().doubleValue()).min().orElseThrow();
        double end = hit.getData().get(hit.getData().size() - 1).getYValue().doubleValue();
        assertThat(before).isGreaterThan(85);
        assertThat(dip).isLessThan(60);
        assertThat(end).isGreaterThan(85);
        assertThat(series(robot, "impactOrigin", "Purge: everything")).isNotNull();
        waitUntil(() -> robot.lookup("#impactSummary").queryAs(Label.class).getText().startsWith("hit ratio "));

        robot.clickOn("#impactToggle");
        waitUntil(() -> robot.lookup("#impactPanel").tryQuery().isEmpty());
        long requests = rtRequests();
        clock.advance(Duration.ofSeconds(5));
        // Watch the log for three polling intervals: a poller still running would have asked by then.
        assertThat(new CountDownLatch(1).await(3, TimeUnit.SECONDS)).isFalse();
        assertThat(rtRequests()).as("no real-time request after the panel closed").isEqualTo(requests);
    }
}
