package dev.purgedeck.ui.history;

import static dev.purgedeck.testsupport.ConsoleHarness.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.fastly.PurgeKind;
import dev.purgedeck.history.HistoryEntry;
import dev.purgedeck.sandbox.DemoAccount;
import dev.purgedeck.sandbox.FaultSettings;
import dev.purgedeck.testsupport.ConsoleTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** The History screen through the real window, with purges made in the console against the sandbox. */
class HistoryScreenTest extends ConsoleTest {
    private void purgeUrls(FxRobot robot, String... urls) {
        waitUntil(() -> console.window().purge().services().selectedProperty().get() != null);
        robot.clickOn("#tabPurge");
        robot.interact(() -> robot.lookup("#urlInput").queryAs(TextArea.class).setText(String.join("\n", urls)));
        int before = recorded().size();
        robot.clickOn("#purgeButton");
        // A verified purge is recorded once its verdict is in, a moment after the outcome: wait for the history file.
        waitUntil(() -> recorded().size() >= before + urls.length);
        console.awaitJobEnd();
    }

    private List<String> recorded() {
        try {
            return console.context().history().load().entries().stream().map(HistoryEntry::target).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static javafx.scene.Node cellShowing(FxRobot robot, String text) {
        return robot.lookup((javafx.scene.Node n) -> n instanceof javafx.scene.control.TableCell<?, ?> c
                && text.equals(c.getText())).query();
    }

    private TableView<HistoryEntry> table(FxRobot robot) {
        return robot.lookup("#historyTable").queryTableView();
    }

    @Test
    void aConsolePurgeAppearsInHistoryWithoutARestart(FxRobot robot) {
        purgeUrls(robot, "https://www.example.com/a", "https://www.example.com/b");
        robot.clickOn("#tabHistory");
        waitUntil(() -> table(robot).getItems().size() == 2);
        HistoryEntry newest = table(robot).getItems().get(0);
        assertThat(newest.outcome()).isEqualTo(HistoryEntry.Outcome.OK);
        assertThat(newest.purgeId()).matches("\\d+-\\d+-\\d+");
        // A URL purge is not tied to the service the console had selected.
        assertThat(newest.serviceId()).isNull();
        assertThat(newest.serviceName()).isNull();
        assertThat(newest.endpointKind()).isEqualTo("sandbox");
        assertThat(table(robot).getItems()).extracting(HistoryEntry::jobId).containsOnly(newest.jobId());
        assertThat(robot.lookup("#historyStatus").queryAs(Label.class).getText()).isEqualTo("Showing 2 of 2 items");

        purgeUrls(robot, "https://www.example.com/c");
        robot.clickOn("#tabHistory");
        waitUntil(() -> table(robot).getItems().size() == 3);
        assertThat(table(robot).getItems().get(0).target()).isEqualTo("https://www.example.com/c");
    }

    @Test
    void theConsoleHeaderSaysUrlPurgesAreNotTiedToAService(FxRobot robot) {
        waitUntil(() -> console.window().purge().services().selectedProperty().get() != null);
        robot.clickOn("#tabPurge");
        robot.interact(() -> console.window().purge().modeProperty().set(dev.purgedeck.ui.purge.PurgeMode.URLS));
        Label header = robot.lookup("#serviceChoice").queryAs(Label.class);
        assertThat(header.getText()).isEqualTo("URL purges are not tied to a service");
        robot.interact(() -> console.window().purge().modeProperty().set(dev.purgedeck.ui.purge.PurgeMode.KEYS));
        assertThat(header.getText()).startsWith("Service: ").contains(SANDBOX.service());
    }

    @Test
    void profileAndErrorAreColumnsAndTheProfileFilters(FxRobot robot) throws Exception {
        purgeUrls(robot, "https://www.example.com/local");
        HistoryEntry local = console.context().history().load().entries().get(0);
        console.context().history().append(List.of(new HistoryEntry("job-real", local.time().plusSeconds(1), "production",
                "fastly", "https://api.fastly.com", null, null, PurgeKind.URL, "https://www.example.com/real", false,
                "production", HistoryEntry.Outcome.FAILED, null, 503, "Fastly is unavailable", 3, 5, "alice", "0.1.0")));
        robot.clickOn("#tabHistory");
        waitUntil(() -> table(robot).getItems().size() == 2);
        assertThat(cellShowing(robot, "production (Fastly)").isVisible()).isTrue();
        assertThat(cellShowing(robot, local.profileLabel()).isVisible()).isTrue();
        assertThat(local.profileLabel()).endsWith("(sandbox)");
        assertThat(cellShowing(robot, "Fastly is unavailable").isVisible()).isTrue();

        robot.clickOn("#historyProfile").clickOn("production (Fastly API https://api.fastly.com)");
        waitUntil(() -> table(robot).getItems().size() == 1);
        assertThat(table(robot).getItems().get(0).target()).endsWith("/real");
        robot.clickOn("#clearFilters");
        waitUntil(() -> table(robot).getItems().size() == 2);
    }

    @Test
    void filtersAndSortNarrowTheTable(FxRobot robot) {
        purgeUrls(robot, "https://www.example.com/alpha", "https://www.example.com/beta");
        SANDBOX.server().setFaults(FaultSettings.none().withErrorRate(1.0, 503));
        purgeUrls(robot, "https://www.example.com/gamma");
        SANDBOX.server().clearFaults();
        robot.clickOn("#tabHistory");
        waitUntil(() -> table(robot).getItems().size() == 3);
        robot.clickOn("#historySearch").write("beta");
        waitUntil(() -> table(robot).getItems().size() == 1);
        assertThat(table(robot).getItems().get(0).target()).endsWith("/beta");
        robot.clickOn("#clearFilters");
        waitUntil(() -> table(robot).getItems().size() == 3);
        robot.interact(() -> console.window().history().filter().outcomeProperty().set(HistoryEntry.Outcome.FAILED));
        waitUntil(() -> table(robot).getItems().size() == 1);
        assertThat(table(robot).getItems().get(0).error()).contains("unavailable");
        robot.clickOn("#clearFilters");
        waitUntil(() -> table(robot).getItems().size() == 3);
        robot.clickOn(".history-target .label");
        waitUntil(() -> table(robot).getItems().get(0).target().endsWith("/alpha"));
        assertThat(table(robot).getItems()).extracting(HistoryEntry::target)
                .containsExactly("https://www.example.com/alpha", "https://www.example.com/beta", "https://www.example.com/gamma");
    }

    @Test
    void reRunningFailedItemsMakesNewEntries(FxRobot robot) {
        SANDBOX.server().setFaults(FaultSettings.none().withErrorRate(1.0, 503));
        purgeUrls(robot, "https://www.example.com/x", "https://www.example.com/y");
        SANDBOX.server().clearFaults();
        robot.clickOn("#tabHistory");
        waitUntil(() -> table(robot).getItems().size() == 2);
        robot.clickOn(cellShowing(robot, "https://www.example.com/y"));
        robot.clickOn("#rerunMenu").clickOn("Only the failed items (of the selection, or of the job)");
        waitUntil(() -> robot.lookup("#resultSummary").queryAs(Label.class).getText().equals("2 purged, 0 failed"));
        waitUntil(() -> console.window().history().rows().size() == 4);
        robot.clickOn("#tabHistory");
        List<HistoryEntry> rows = table(robot).getItems();
        assertThat(rows.subList(0, 2)).allMatch(e -> e.outcome() == HistoryEntry.Outcome.OK);
        assertThat(rows.get(0).jobId()).isNotEqualTo(rows.get(3).jobId());
        assertThat(robot.lookup("#resultSummary").queryAs(Label.class).getText()).isEqualTo("2 purged, 0 failed");

        // The first job's failures now say they were purged later, and re-running its failed items sends nothing.
        waitUntil(() -> robot.lookup((javafx.scene.Node n) -> n instanceof javafx.scene.control.TableCell<?, ?> c
                && "failed · purged later".equals(c.getText())).queryAll().size() == 2);
        int asked = console.dialogs().asked.size();
        robot.clickOn(cellShowing(robot, "failed · purged later"));
        robot.clickOn("#rerunMenu").clickOn("Only the failed items (of the selection, or of the job)");
        waitUntil(() -> robot.lookup("#historyNotice").queryAs(Label.class).getText()
                .equals("Nothing to re-run: every failed item was purged successfully later."));
        assertThat(console.dialogs().asked).hasSize(asked);
        assertThat(console.window().history().rows()).hasSize(4);
    }

    @Test
    void reRunAsksFirstAndWarnsWhenRecordedOnAnotherProfile(FxRobot robot) throws Exception {
        purgeUrls(robot, "https://www.example.com/here");
        HistoryEntry here = console.context().history().load().entries().get(0);
        console.context().history().append(List.of(new HistoryEntry("job-real", here.time().plusSeconds(1), "production",
                "fastly", "https://api.fastly.com", here.serviceId(), here.serviceName(), here.kind(),
                "https://www.example.com/real", false, "production", HistoryEntry.Outcome.OK, "1-2-3", 200, null, 1, 5,
                "alice", "0.1.0")));
        robot.clickOn("#tabHistory");
        waitUntil(() -> table(robot).getItems().size() == 2);
        console.dialogs().confirmAnswer = false;

        robot.clickOn(cellShowing(robot, "https://www.example.com/real"));
        robot.clickOn("#rerunMenu").clickOn("The selected items");
        waitUntil(() -> console.dialogs().asked.contains("confirm: Re-run on a different profile or endpoint?"));
        assertThat(console.dialogs().lastQuestion).contains("Endpoint: sandbox", "Items: 1",
                "WARNING: these items were recorded on profile “production” at Fastly API https://api.fastly.com");

        robot.clickOn(cellShowing(robot, "https://www.example.com/here"));
        robot.clickOn("#rerunMenu").clickOn("The selected items");
        waitUntil(() -> console.dialogs().asked.contains("confirm: Re-run these purges?"));
        assertThat(console.dialogs().lastQuestion).contains("Profile: ", "Items: 1",
                "Service: none (URL purges are not tied to a service)").doesNotContain("WARNING");
        assertThat(console.context().history().load().entries()).hasSize(2); // declined twice: nothing was sent
    }

    @Test
    void exportWritesTheRowsShownAndNoFileHoldsTheToken(FxRobot robot) throws Exception {
        purgeUrls(robot, "https://www.example.com/q?a=1,2&b=\"x\"", "https://www.example.com/caf\u00e9");
        robot.clickOn("#tabHistory");
        waitUntil(() -> table(robot).getItems().size() == 2);
        Path csv = dataDir.resolve("export.csv");
        console.dialogs().saveTo = csv;
        robot.clickOn("#exportMenu").clickOn("The rows shown, as CSV…");
        waitUntil(() -> Files.exists(csv) && robot.lookup("#historyNotice").queryAs(Label.class).getText().startsWith("Exported 2"));
        List<HistoryEntry> back = dev.purgedeck.history.HistoryExport.readCsv(Files.newInputStream(csv));
        assertThat(back).extracting(HistoryEntry::target).containsExactlyInAnyOrderElementsOf(
                table(robot).getItems().stream().map(HistoryEntry::target).toList());
        Path json = dataDir.resolve("export.json");
        console.dialogs().saveTo = json;
        robot.clickOn("#exportMenu").clickOn("The rows shown, as JSON…");
        waitUntil(() -> Files.exists(json) && robot.lookup("#historyNotice").queryAs(Label.class).getText().contains("export.json"));
        assertThat(dev.purgedeck.history.HistoryExport.readJson(Files.newInputStream(json))).hasSize(2);
        try (Stream<Path> files = Files.walk(dataDir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).as(f.toString())
                        .doesNotContain(DemoAccount.GLOBAL_TOKEN);
            }
        }
    }

    @Test
    void clearingAsksFirstAndKeepsABackup(FxRobot robot) throws Exception {
        purgeUrls(robot, "https://www.example.com/keep-me");
        robot.clickOn("#tabHistory");
        waitUntil(() -> table(robot).getItems().size() == 1);
        console.dialogs().confirmAnswer = false;
        robot.clickOn("#clearHistory");
        assertThat(console.dialogs().asked).contains("confirm: Clear the purge history?");
        // A clear refreshes the table in the background. Filter afterwards and wait for that later refresh: it counts
        // what the history holds after the answer, so a clear that ignored "no" would show up here as no purges.
        robot.interact(() -> console.window().history().filter().textProperty().set("no-such-target"));
        waitUntil(() -> label(robot, "#historyStatus").equals("Showing 0 of 1 item"));
        robot.interact(() -> console.window().history().filter().textProperty().set(""));
        waitUntil(() -> label(robot, "#historyStatus").equals("Showing 1 of 1 item"));
        assertThat(table(robot).getItems()).hasSize(1);
        console.dialogs().confirmAnswer = true;
        robot.clickOn("#clearHistory");
        waitUntil(() -> table(robot).getItems().isEmpty());
        try (Stream<Path> files = Files.list(dataDir)) {
            List<Path> backups = files.filter(f -> f.getFileName().toString().matches("history-.+\\.jsonl")).toList();
            assertThat(backups).hasSize(1);
            assertThat(Files.readString(backups.get(0))).contains("keep-me");
        }
        assertThat(robot.lookup("#historyNotice").queryAs(Label.class).getText()).contains("kept as history-");
    }

    @Test
    void shortcutOpensHistoryWithTheSearchFocused(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.H).release(KeyCode.H, KeyCode.SHIFT, KeyCode.CONTROL);
        assertThat(robot.lookup("#historySearch").query().isFocused()).isTrue();
    }

    private static String label(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }
}
