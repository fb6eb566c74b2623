package dev.purgedeck.ui.impact;

import static dev.purgedeck.testsupport.ConsoleHarness.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.fastly.JobRequest;
import dev.purgedeck.fastly.PurgeOptions;
import dev.purgedeck.history.HistoryEntry;
import dev.purgedeck.history.JobNote;
import dev.purgedeck.history.JobNotes;
import dev.purgedeck.sandbox.DemoAccount;
import dev.purgedeck.sandbox.SandboxConfig;
import dev.purgedeck.sandbox.SandboxServer;
import dev.purgedeck.testsupport.ConsoleHarness;
import dev.purgedeck.testsupport.ManualClock;
import dev.purgedeck.testsupport.ManualScheduler;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Impact panel in the real window: a purge-all's dip, recovery and 5xx drawn with its marker, the summary recorded
 * with the job, and polling that ends with the panel (issue 17).
 */
@ExtendWith(ApplicationExtension.class)
class ImpactPanelTest {
    private static final int ORIGIN_CAPACITY = 40;
    @TempDir
    Path dataDir;
    // On the wall clock's second, so the marker the window sets at 'now' falls where the sandbox counted the purge.
    private final ManualClock clock = new ManualClock(Instant.now());
    /** The real-time poller's waits: the test says when it asks again. */
    private final ManualScheduler realtime = new ManualScheduler();
    private final SandboxServer sandbox;
    private ConsoleHarness console;

    ImpactPanelTest() throws Exception {
        sandbox = SandboxServer.start(SandboxConfig.builder().clock(clock).trafficPerSecond(300)
                .originCapacity(ORIGIN_CAPACITY).build());
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

    /** Lets the poller ask again (it waits on the test's scheduler) until {@code done}, at most 30 times. */
    private void pollUntil(java.util.function.BooleanSupplier done) {
        for (int i = 0; i < 30 && !done.getAsBoolean(); i++) {
            realtime.next().end();
            WaitForAsyncUtils.waitForFxEvents();
        }
        waitUntil(done);
    }

    @Test
    void purgeEverythingDrawsTheDipRecoveryAnd5xxRecordsTheSummaryAndClosingStopsPolling(FxRobot robot)
            throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        WaitForAsyncUtils.asyncFx(() -> {
            console = ConsoleHarness.show(stage, sandbox, DemoAccount.GLOBAL_TOKEN, dataDir, Map.of(),
                    c -> c.useRealtimeScheduler(realtime));
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
        pollUntil(() -> series(robot, "impactHitRatio", "Hit ratio").getData().stream()
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
        // The origin takes ORIGIN_CAPACITY fetches a second: the purge-all's misses beyond that are 5xx.
        XYChart.Series<Number, Number> errors = series(robot, "impactOrigin", "5xx");
        assertThat(errors.getData()).filteredOn(d -> d.getXValue().intValue() < -5)
                .allMatch(d -> d.getYValue().doubleValue() == 0);
        assertThat(errors.getData().stream().mapToDouble(d -> d.getYValue().doubleValue()).max().orElseThrow())
                .isGreaterThan(50);
        assertThat(series(robot, "impactOrigin", "Origin fetches").getData())
                .allMatch(d -> d.getYValue().doubleValue() <= ORIGIN_CAPACITY);

        // The settled summary is recorded with the purge's job and shown in History's details of that job.
        waitUntil(() -> robot.lookup("#impactSummary").queryAs(Label.class).getText().startsWith("hit ratio "));
        String summary = robot.lookup("#impactSummary").queryAs(Label.class).getText();
        waitUntil(() -> impactNotes().contains(summary));
        robot.clickOn("#tabHistory");
        TableView<HistoryEntry> table = robot.lookup("#historyTable").queryTableView();
        waitUntil(() -> !table.getItems().isEmpty());
        robot.interact(() -> table.getSelectionModel().select(0));
        waitUntil(() -> robot.lookup("#historyJob").queryAs(Label.class).getText().contains("Impact: " + summary));
        robot.clickOn("#tabPurge");

        // Polling is idle between two asks: the answer to the last one came, the next waits on the scheduler.
        ManualScheduler.Wait next = realtime.next();
        long requests = rtRequests();
        robot.clickOn("#impactToggle");
        waitUntil(() -> robot.lookup("#impactPanel").tryQuery().isEmpty());
        // The poller says it ended once closed: from then on none of its requests can start.
        waitUntil(() -> !console.window().impact().pollingProperty().get());
        clock.advance(Duration.ofSeconds(5));
        next.end(); // the poll that was due: a closed poller does not ask
        assertThat(realtime.isIdle()).as("nothing more scheduled").isTrue();
        assertThat(rtRequests()).as("no real-time request after the panel closed").isEqualTo(requests);
    }

    private List<String> impactNotes() {
        try {
            return JobNotes.in(dataDir).load().stream().filter(n -> n.kind().equals(JobNote.IMPACT))
                    .map(JobNote::text).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
