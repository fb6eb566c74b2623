package dev.purgedeck.ui.purge;

import static dev.purgedeck.testsupport.ConsoleHarness.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.history.HistoryEntry;
import dev.purgedeck.sandbox.CachedObject;
import dev.purgedeck.sandbox.DemoAccount;
import dev.purgedeck.sandbox.ObjectState;
import dev.purgedeck.testsupport.ConsoleTest;
import dev.purgedeck.testsupport.Sandboxes;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** Copy as curl / as Fastly CLI through the real window: the copied curl command, run by curl, purges. */
class CopyAsCommandsTest extends ConsoleTest {

    private void awaitServices() {
        waitUntil(() -> console.window().purge().services().selectedProperty().get() != null);
    }

    @Test
    void thePendingUrlPurgeCopiedAsCurlPurgesWhenCurlRunsIt(FxRobot robot) throws Exception {
        awaitServices();
        CachedObject object = Sandboxes.object(SANDBOX.server(), SANDBOX.service(), o -> !o.url().contains("?"));
        robot.interact(() -> robot.lookup("#urlInput").queryAs(TextArea.class).setText(object.url()));

        robot.clickOn("#copyPending").clickOn("Copy as curl");

        String copied = clipboard(robot);
        assertThat(robot.lookup("#copiedNote").queryAs(Label.class).getText())
                .isEqualTo("Copied 1 curl command for 1 URL");
        assertThat(copied).startsWith("curl ").contains(SANDBOX.server().baseUri().toString() + "/purge/")
                .contains("\"Fastly-Key: $FASTLY_API_TOKEN\"").doesNotContain(DemoAccount.GLOBAL_TOKEN);
        // Copying sends nothing: only the window's reads (token, services) reached the sandbox.
        assertThat(SANDBOX.server().requests().all()).noneMatch(r -> r.method().equals("POST"));
        assertThat(Sandboxes.states(SANDBOX.server(), SANDBOX.service()).get(object.url())).isEqualTo(ObjectState.FRESH);

        ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", copied).redirectErrorStream(true);
        pb.environment().put("FASTLY_API_TOKEN", DemoAccount.GLOBAL_TOKEN);
        pb.environment().put("PATH", "/usr/bin:/bin");
        Process curl = pb.start();
        String answer = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(curl.waitFor(20, TimeUnit.SECONDS)).isTrue();

        assertThat(answer).contains("\"status\"").contains("\"ok\"");
        assertThat(Sandboxes.states(SANDBOX.server(), SANDBOX.service()).get(object.url())).isEqualTo(ObjectState.GONE);
        assertThat(SANDBOX.server().requests().all()).filteredOn(r -> r.method().equals("POST")).singleElement()
                .satisfies(r -> assertThat(r.headers()).containsKey("fastly-key"));
    }

    @Test
    void resultAndHistoryRowsCopyAsFastlyCliAndCurl(FxRobot robot) {
        awaitServices();
        String service = SANDBOX.service();
        robot.interact(() -> {
            console.window().purge().modeProperty().set(PurgeMode.KEYS);
            console.window().purge().keys().addAll(java.util.List.of("homepage", "it's"));
        });
        robot.clickOn("#purgeButton");
        console.awaitJobEnd();

        TableView<ResultRow> results = robot.lookup("#resultsTable").queryTableView();
        javafx.scene.Node second = robot.from(results).lookup(".table-row-cell").nth(1).query();
        robot.clickOn(second);
        openContextMenu(robot, results, second);
        robot.clickOn("Copy as Fastly CLI");
        assertThat(clipboard(robot)).contains("fastly purge --service-id " + service + " --key 'it'\\''s'")
                .contains("FASTLY_API_ENDPOINT=" + SANDBOX.server().baseUri()).doesNotContain("homepage");
        assertThat(robot.lookup("#copiedNote").queryAs(Label.class).getText())
                .isEqualTo("Copied 1 Fastly CLI command for 1 key");

        robot.clickOn("#tabHistory");
        TableView<HistoryEntry> history = robot.lookup("#historyTable").queryTableView();
        waitUntil(() -> history.getItems().size() == 2);
        robot.interact(() -> history.getSelectionModel().selectAll());
        openContextMenu(robot, history, robot.from(history).lookup(".table-row-cell").query());
        robot.clickOn("Copy as curl");
        assertThat(clipboard(robot).lines()).singleElement().satisfies(l -> assertThat(l)
                .contains(SANDBOX.server().baseUri() + "/service/" + service + "/purge")
                .containsAnyOf("'{\"surrogate_keys\":[\"homepage\",\"it'\\''s\"]}'",
                        "'{\"surrogate_keys\":[\"it'\\''s\",\"homepage\"]}'"));
        assertThat(robot.lookup("#historyNotice").queryAs(Label.class).getText())
                .isEqualTo("Copied 1 curl command for 2 keys");
    }

    /** Opens the table's own context menu on a row, as a right click does (Monocle sends no context-menu event). */
    private static void openContextMenu(FxRobot robot, TableView<?> table, javafx.scene.Node row) {
        robot.interact(() -> table.getContextMenu().show(row, javafx.geometry.Side.BOTTOM, 0, 0));
    }

    private static String clipboard(FxRobot robot) {
        String[] out = new String[1];
        robot.interact(() -> out[0] = javafx.scene.input.Clipboard.getSystemClipboard().getString());
        return out[0];
    }
}
