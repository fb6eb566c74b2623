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
import dev.purgedeck.testsupport.DrawnText;
import dev.purgedeck.testsupport.ManualClock;
import dev.purgedeck.testsupport.ManualScheduler;
import dev.purgedeck.ui.purge.PurgeMode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableRow;
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

    /** Shows the window on the test's sandbox and scheduler; answers the service it selected. */
    private String showConsole() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        WaitForAsyncUtils.asyncFx(() -> {
            console = ConsoleHarness.show(stage, sandbox, DemoAccount.GLOBAL_TOKEN, dataDir, Map.of(),
                    c -> c.useRealtimeScheduler(realtime));
        }).get(30, TimeUnit.SECONDS);
        waitUntil(() -> console.window().purge().services().serviceIdProperty().get() != null);
        String serviceId = console.window().purge().services().serviceIdProperty().get();
        return serviceId;
    }

    @Test
    void purgeEverythingDrawsTheDipRecoveryAnd5xxRecordsTheSummaryAndClosingStopsPolling(FxRobot robot)
            throws Exception {
        String serviceId = showConsole();

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

    /**
     * At 1024×700, the smallest supported window, at 1280×800 and at 1600×1000: after a purge-all with the panel open,
     * both charts have a plot of at least 200×120 px inside their part of the console, and no text of the window is
     * cut; only the largest has the height for the results' rows and the charts at once.
     */
    @Test
    void afterAPurgeAllTheChartsSummaryAndResultsFitTheSmallestWindow(FxRobot robot) throws Exception {
        String serviceId = showConsole();
        ConsoleHarness.resize(robot, 1024, 700);
        try {
            robot.clickOn("#impactToggle");
            waitUntil(() -> series(robot, "impactHitRatio", "Hit ratio") != null);
            clock.advance(Duration.between(clock.instant(), Instant.now()));
            robot.interact(() -> console.window().purge().run(JobRequest.all(serviceId, PurgeOptions.HARD)));
            robot.interact(() -> console.window().purge().modeProperty().set(PurgeMode.ALL));
            console.awaitJobEnd();
            waitUntil(() -> series(robot, "impactHitRatio", "Purge: everything") != null);
            clock.advance(Duration.ofSeconds(90));
            pollUntil(() -> robot.lookup("#impactSummary").queryAs(Label.class).getText().startsWith("hit ratio "));

            assertFits(robot, "1024×700", false);
            ConsoleHarness.resize(robot, 1280, 800);
            assertFits(robot, "1280×800", false);
            ConsoleHarness.resize(robot, 1600, 1000);
            assertFits(robot, "1600×1000", true);
        } finally {
            ConsoleHarness.resize(robot, 1240, 800);
        }
    }

    /**
     * With the panel open, the results of a purge of three pages show every row whole: at 1280×800 in the tab
     * beside the charts (stacked, they kept only their summary and header), at 1600×1000 under the form with the
     * charts below them.
     */
    @Test
    void theResultsKeepRoomForTheirRowsBesideOrAboveTheCharts(FxRobot robot) throws Exception {
        String serviceId = showConsole();
        try {
            openImpact(robot);
            purgeThreePages(robot, serviceId);
            assertRowsWhole(robot, 1280, 800, true);
            assertRowsWhole(robot, 1600, 1000, false);
        } finally {
            ConsoleHarness.resize(robot, 1240, 800);
        }
    }

    /**
     * Already under the form and the results, at 1600×1000, the charts give up room when a purge brings the purge-twice
     * offer above the results: the three rows stay whole (they kept about two until the window was resized).
     */
    @Test
    void theOfferThatAppearsAboveTheResultsTakesItsRoomFromTheCharts(FxRobot robot) throws Exception {
        String serviceId = showConsole();
        try {
            ConsoleHarness.resize(robot, 1600, 1000);
            openImpact(robot);
            assertThat(robot.lookup("#resultsImpactTabs").tryQuery()).as("stacked at 1600×1000").isEmpty();
            purgeThreePages(robot, serviceId);
            waitUntil(() -> robot.lookup("#twiceOffer").tryQuery().map(Node::isVisible).orElse(false));
            assertRowsWhole(robot, 1600, 1000, false);
        } finally {
            ConsoleHarness.resize(robot, 1240, 800);
        }
    }

    /** Opens the Impact panel and waits for its first hit-ratio series. */
    private void openImpact(FxRobot robot) throws Exception {
        robot.clickOn("#impactToggle");
        waitUntil(() -> series(robot, "impactHitRatio", "Hit ratio") != null);
    }

    /** Purges three pages of the shielded Daily Courier service through the console and waits for the job to end. */
    private void purgeThreePages(FxRobot robot, String serviceId) throws Exception {
        List<String> pages = List.of("https://www.dailycourier.example/news",
                "https://www.dailycourier.example/sport", "https://www.dailycourier.example/");
        robot.interact(() -> console.window().purge().run(JobRequest.urls(serviceId, pages, PurgeOptions.HARD,
                JobRequest.DEFAULT_CONCURRENCY)));
        console.awaitJobEnd();
    }

    private static void assertRowsWhole(FxRobot robot, double width, double height, boolean inTabs) {
        String size = (int) width + "×" + (int) height;
        ConsoleHarness.resize(robot, width, height);
        Optional<TabPane> tabs = robot.lookup("#resultsImpactTabs").tryQuery();
        assertThat(tabs.isPresent()).as("results and charts in tabs at %s", size).isEqualTo(inTabs);
        tabs.ifPresent(t -> robot.interact(() -> t.getSelectionModel().select(0)));
        WaitForAsyncUtils.waitForFxEvents();
        Node table = robot.lookup("#resultsTable").query();
        Set<Node> rows = robot.from(table).lookup(".table-row-cell").queryAll().stream()
                .filter(r -> r instanceof TableRow<?> row && row.getItem() != null).collect(Collectors.toSet());
        assertThat(rows).as("a row per page at %s", size).hasSize(3);
        Bounds in = scene(table);
        for (Node row : rows) { // rows scroll sideways where the columns are wider than the table: height only
            Bounds b = scene(row);
            assertThat(b.getMinY()).as("top of a row at %s", size).isGreaterThanOrEqualTo(in.getMinY() - 0.5);
            assertThat(b.getMaxY()).as("bottom of a row at %s", size).isLessThanOrEqualTo(in.getMaxY() + 0.5);
        }
        if (!inTabs) {
            assertInside(robot.lookup("#impactOrigin").query(), robot.lookup("#purgeView").query(), size);
        }
    }

    private static void assertFits(FxRobot robot, String size, boolean roomForBoth) {
        assertThat(DrawnText.cutOnceSettled(() -> robot.lookup("#mainTabs").query())).as(size).isEmpty();
        Node panel = robot.lookup("#impactPanel").query();
        for (String chart : List.of("#impactHitRatio", "#impactOrigin")) {
            Node plot = robot.lookup(chart).query().lookup(".chart-plot-background");
            Bounds b = scene(plot);
            assertThat(b.getWidth()).as("%s plot width at %s", chart, size).isGreaterThanOrEqualTo(200);
            assertThat(b.getHeight()).as("%s plot height at %s", chart, size).isGreaterThanOrEqualTo(120);
            assertInside(robot.lookup(chart).query(), panel.getParent(), size);
        }
        assertInside(robot.lookup("#impactSummary").query(), panel.getParent(), size);
        assertInside(robot.lookup("#purgeButton").query(), robot.lookup("#purgeView").query(), size);
        Optional<TabPane> tabs = robot.lookup("#resultsImpactTabs").tryQuery();
        assertThat(tabs.isPresent()).as("the results and the charts in tabs at %s", size).isEqualTo(!roomForBoth);
        // In a short window the results are a click away, in the tab beside the charts.
        tabs.ifPresent(t -> {
            assertThat(t.getSelectionModel().getSelectedItem().getText()).isEqualTo("Impact");
            robot.interact(() -> t.getSelectionModel().select(0));
            assertThat(DrawnText.cutOnceSettled(() -> robot.lookup("#mainTabs").query())).as(size).isEmpty();
        });
        for (String id : List.of("#resultSummary", "#copyPurgeIds", "#retryFailed")) {
            assertInside(robot.lookup(id).query(), robot.lookup("#purgeView").query(), size);
        }
        tabs.ifPresent(t -> robot.interact(() -> t.getSelectionModel().select(1)));
    }

    /** The node is drawn whole within {@code part} (a part of a split pane clips what does not fit it). */
    private static void assertInside(Node node, Node part, String size) {
        Bounds b = scene(node);
        Bounds in = scene(part);
        assertThat(b.getMinY()).as("top of %s at %s", node.getId(), size).isGreaterThanOrEqualTo(in.getMinY() - 0.5);
        assertThat(b.getMaxY()).as("bottom of %s at %s", node.getId(), size).isLessThanOrEqualTo(in.getMaxY() + 0.5);
        assertThat(b.getMaxX()).as("right of %s at %s", node.getId(), size).isLessThanOrEqualTo(in.getMaxX() + 0.5);
        assertThat(b.getMaxY()).as("%s in the window at %s", node.getId(), size)
                .isLessThanOrEqualTo(node.getScene().getHeight());
    }

    private static Bounds scene(Node n) {
        return n.localToScene(n.getBoundsInLocal());
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
