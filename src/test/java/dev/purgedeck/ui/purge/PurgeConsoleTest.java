package dev.purgedeck.ui.purge;

import static dev.purgedeck.testsupport.ConsoleHarness.inPurge;
import static dev.purgedeck.testsupport.ConsoleHarness.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.fastly.ItemOutcome;
import dev.purgedeck.fastly.SandboxAdmin;
import dev.purgedeck.fastly.ServiceInfo;
import dev.purgedeck.sandbox.CachedObject;
import dev.purgedeck.sandbox.DemoAccount;
import dev.purgedeck.sandbox.FaultSettings;
import dev.purgedeck.sandbox.ObjectState;
import dev.purgedeck.sandbox.SandboxServer;
import dev.purgedeck.testsupport.ConsoleTest;
import dev.purgedeck.testsupport.Sandboxes;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import org.controlsfx.control.ToggleSwitch;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** The purge console through its real view, against the sandbox over real HTTP. */
class PurgeConsoleTest extends ConsoleTest {
    private SandboxServer sandbox() {
        return SANDBOX.server();
    }

    /**
     * These tests watch the sandbox's cache right after a purge; a verification would look at the page at once and
     * cache it again (as a POP does), so Verify is switched off here. VerdictColumnTest covers it on.
     */
    private void awaitServices() {
        waitUntil(() -> console.window().purge().services().selectedProperty().get() != null);
        javafx.application.Platform.runLater(() -> console.window().purge().results().verifyProperty().set(false));
        waitUntil(() -> !console.window().purge().results().verifyProperty().get());
    }

    private CachedObject plainObject() {
        return Sandboxes.object(sandbox(), SANDBOX.service(), o -> !o.url().contains("?"));
    }

    private void setUrls(FxRobot robot, String text) {
        robot.interact(() -> robot.lookup("#urlInput").queryAs(TextArea.class).setText(text));
    }

    @Test
    void servicesLoadIntoTheSelectorAndFilterByNameOrId(FxRobot robot) {
        awaitServices();
        ListView<ServiceInfo> list = robot.lookup("#serviceList").queryListView();
        assertThat(list.getItems()).hasSize(sandbox().account().services().size());
        robot.clickOn("#serviceSearch").write("shop");
        assertThat(list.getItems()).extracting(ServiceInfo::name).containsExactly("Northwind Shop");
        String id = sandbox().account().services().get(3).id();
        robot.doubleClickOn("#serviceSearch").eraseText(4).write(id.substring(0, 8));
        assertThat(list.getItems()).extracting(ServiceInfo::id).containsExactly(id);
        robot.clickOn(list.lookup(".list-cell"));
        assertThat(console.window().purge().services().serviceIdProperty().get()).isEqualTo(id);
        // The header names the service where it matters: URL purges are not tied to one (issue 14).
        robot.interact(() -> console.window().purge().modeProperty().set(PurgeMode.KEYS));
        assertThat(robot.lookup("#serviceChoice").queryAs(Label.class).getText()).contains(id);
    }

    @Test
    void aUrlPurgeRemovesTheObjectAndTheCachePanelShowsItGone(FxRobot robot) {
        awaitServices();
        String url = plainObject().url();
        robot.clickOn("#urlInput").write(url);
        assertThat(robot.lookup("#urlSummary").queryAs(Label.class).getText()).isEqualTo("1 URL will be purged");
        robot.clickOn("#purgeButton");
        console.awaitJobEnd();
        assertThat(Sandboxes.states(sandbox(), SANDBOX.service()).get(url)).isEqualTo(ObjectState.GONE);
        TableView<ResultRow> table = robot.lookup("#resultsTable").queryTableView();
        assertThat(table.getItems()).hasSize(1);
        assertThat(table.getItems().get(0).state()).isEqualTo(ResultRow.State.OK);
        assertThat(table.getItems().get(0).purgeId()).matches("\\d+-\\d+-\\d+");
        assertThat(robot.lookup("#resultSummary").queryAs(Label.class).getText()).isEqualTo("1 purged, 0 failed");
        ListView<SandboxAdmin.CachedItem> cache = robot.lookup("#sandboxCacheList").queryListView();
        waitUntil(() -> cache.getItems().stream().anyMatch(o -> o.url().equals(url) && o.state().equals("gone")));
        assertThat(robot.lookup("#sandboxCacheSummary").queryAs(Label.class).getText()).contains("1 gone");
    }

    @Test
    void softPurgeReachesTheSandboxAsSoft(FxRobot robot) {
        awaitServices();
        String url = plainObject().url();
        robot.clickOn("#softToggle .thumb-area");
        assertThat(robot.lookup("#softToggle").queryAs(ToggleSwitch.class).isSelected()).isTrue();
        setUrls(robot, url);
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        console.awaitJobEnd();
        assertThat(Sandboxes.states(sandbox(), SANDBOX.service()).get(url)).isEqualTo(ObjectState.STALE);
        assertThat(sandbox().requests().all()).anyMatch(r -> r.headers().containsKey("fastly-soft-purge"));
    }

    @Test
    void invalidLinesAreShownWithTheirReasonAndNeverSent(FxRobot robot) {
        awaitServices();
        String url = plainObject().url();
        setUrls(robot, url + "\nftp://files.example/x\n\n" + url + "\nnot a url");
        assertThat(robot.lookup("#urlSummary").queryAs(Label.class).getText()).isEqualTo("1 URL will be purged");
        assertThat(robot.lookup("#urlNotice").queryAs(Label.class).getText())
                .isEqualTo("1 duplicate URL folded · 2 invalid lines will not be sent");
        ListView<String> issues = robot.lookup("#urlIssues").queryListView();
        assertThat(issues.getItems()).containsExactly(
                "Line 2: 'ftp://files.example/x' uses 'ftp://': only http and https URLs can be purged",
                "Line 5: 'not a url' contains a space or control character");
        robot.clickOn("#purgeButton");
        console.awaitJobEnd();
        // One purge: the window's own reads (token, services) are not purges.
        assertThat(sandbox().requests().all()).filteredOn(r -> r.method().equals("POST")).hasSize(1);
        robot.clickOn("#removeInvalidUrls");
        assertThat(robot.lookup("#urlInput").queryAs(TextArea.class).getText()).isEqualTo(url + "\n\n" + url);
    }

    @Test
    void keysTypedAsChipsArePurgedOnTheService(FxRobot robot) {
        awaitServices();
        robot.clickOn("#modeKeys");
        robot.clickOn(inPurge(robot, "#keyInput")).write("article-4711 section-sport,bad\u00e9key").type(KeyCode.ENTER);
        assertThat(((Label) inPurge(robot, "#keySummary")).getText()).isEqualTo("2 keys → 1 request");
        robot.clickOn("#purgeButton");
        console.awaitJobEnd();
        var states = sandbox().cache().objects(SANDBOX.service());
        assertThat(states).filteredOn(o -> o.surrogateKeys().contains("article-4711") || o.surrogateKeys().contains("section-sport"))
                .isNotEmpty().allMatch(o -> o.state() == ObjectState.GONE);
        assertThat(states).filteredOn(o -> o.surrogateKeys().contains("homepage")).allMatch(o -> o.state() == ObjectState.FRESH);
        TableView<ResultRow> table = robot.lookup("#resultsTable").queryTableView();
        assertThat(table.getItems()).extracting(ResultRow::target).containsExactly("article-4711", "section-sport");
    }

    @Test
    void everythingNeedsTheTypedServiceNameThenPurgesAll(FxRobot robot) {
        awaitServices();
        robot.clickOn("#modeAll");
        assertThat(robot.lookup("#softToggle").queryAs(ToggleSwitch.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#softToggle").queryAs(ToggleSwitch.class).getTooltip().getText()).contains("cannot be soft");
        robot.clickOn("#purgeButton");
        Button confirm = robot.lookup("#confirmTyped").queryButton();
        assertThat(confirm.isDisabled()).isTrue();
        String name = sandbox().account().services().get(0).name();
        robot.clickOn("#confirmInput").write(name.substring(0, 5));
        assertThat(confirm.isDisabled()).isTrue();
        assertThat(Sandboxes.states(sandbox(), SANDBOX.service()).values()).containsOnly(ObjectState.FRESH);
        robot.write(name.substring(5));
        assertThat(confirm.isDisabled()).isFalse();
        robot.clickOn(confirm);
        console.awaitJobEnd();
        assertThat(Sandboxes.states(sandbox(), SANDBOX.service()).values()).containsOnly(ObjectState.GONE);
        assertThat(sandbox().requests().all()).anyMatch(r -> r.rawPathAndQuery().endsWith("/purge_all"));
    }

    @Test
    void cancelStopsALongJobAndTheRestShowAsCancelled(FxRobot robot) {
        awaitServices();
        sandbox().setFaults(FaultSettings.none().withLatency(Duration.ofMillis(300)));
        setUrls(robot, IntStream.range(0, 200).mapToObj(i -> "https://www.example.com/p/" + i).collect(Collectors.joining("\n")));
        robot.clickOn("#purgeButton");
        waitUntil(() -> robot.lookup("#progressText").queryAs(Label.class).getText().matches("[1-9]\\d* / 200"));
        assertThat(robot.lookup("#purgeButton").queryButton().getText()).isEqualTo("Cancel");
        robot.clickOn("#purgeButton");
        console.awaitJobEnd();
        TableView<ResultRow> table = robot.lookup("#resultsTable").queryTableView();
        assertThat(table.getItems()).hasSize(200).noneMatch(r -> r.state() == ResultRow.State.PENDING);
        long cancelled = table.getItems().stream().filter(r -> r.state() == ResultRow.State.CANCELLED).count();
        long purged = table.getItems().stream().filter(r -> r.state() == ResultRow.State.OK).count();
        assertThat(cancelled).isPositive();
        assertThat(purged + cancelled).isEqualTo(200);
        // The job really stopped: fewer requests than items reached the sandbox.
        assertThat(sandbox().requests().count()).isLessThan(200);
        assertThat(robot.lookup("#resultSummary").queryAs(Label.class).getText()).endsWith(cancelled + " cancelled");
        assertThat(robot.lookup("#purgeButton").queryButton().getText()).isEqualTo("Purge");
        // Every item reaches the history, the cancelled ones too: written off the UI thread, where the strict
        // guard of the test run would have refused the write (and an item would be missing).
        waitUntil(() -> recorded() == 200);
    }

    private int recorded() {
        try {
            return console.context().history().load().entries().size();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aFaultShowsAPlainErrorAndRetryFailedSucceedsOnceItClears(FxRobot robot) {
        awaitServices();
        sandbox().setFaults(FaultSettings.none().withErrorRate(1.0, 503));
        String url = plainObject().url();
        setUrls(robot, url + "\n" + url + "?page=2");
        robot.clickOn("#purgeButton");
        console.awaitJobEnd();
        TableView<ResultRow> table = robot.lookup("#resultsTable").queryTableView();
        assertThat(table.getItems()).allMatch(r -> r.state() == ResultRow.State.FAILED);
        ItemOutcome failed = table.getItems().get(0).outcome();
        assertThat(failed.message()).isEqualTo("Fastly is unavailable right now (HTTP 503). Try again in a moment.");
        assertThat(failed.httpStatus()).isEqualTo(503);
        assertThat(robot.lookup("#resultSummary").queryAs(Label.class).getText()).isEqualTo("0 purged, 2 failed");
        assertThat(robot.lookup("#retryFailed").queryButton().isDisabled()).isFalse();

        sandbox().clearFaults();
        robot.clickOn("#retryFailed");
        console.awaitJobEnd();
        assertThat(table.getItems()).hasSize(2).allMatch(r -> r.state() == ResultRow.State.OK);
        assertThat(Sandboxes.states(sandbox(), SANDBOX.service()).get(url)).isEqualTo(ObjectState.GONE);
        assertThat(robot.lookup("#retryFailed").queryButton().isDisabled()).isTrue();
    }

    @Test
    void purgeIdsCanBeCopied(FxRobot robot) {
        awaitServices();
        setUrls(robot, "https://www.example.com/a\nhttps://www.example.com/b");
        robot.clickOn("#purgeButton");
        console.awaitJobEnd();
        robot.clickOn("#copyPurgeIds");
        String[] copied = clipboard(robot).split("\n");
        TableView<ResultRow> table = robot.lookup("#resultsTable").queryTableView();
        assertThat(copied).containsExactly(table.getItems().get(0).purgeId(), table.getItems().get(1).purgeId());
        assertThat(robot.lookup("#copiedNote").queryAs(Label.class).getText()).isEqualTo("Copied 2 purge IDs");
    }

    private static String clipboard(FxRobot robot) {
        String[] out = new String[1];
        robot.interact(() -> out[0] = javafx.scene.input.Clipboard.getSystemClipboard().getString());
        return out[0];
    }

    @Test
    void theEndpointBadgeAndTokenOwnerAreShown(FxRobot robot) {
        assertThat(robot.lookup("#endpointBadge").queryAs(Label.class).getText()).isEqualTo("Sandbox");
        Node owner = robot.lookup("#tokenOwner").query();
        waitUntil(() -> ((Label) owner).getText().contains("@"));
        assertThat(((Label) owner).getText()).contains("global").doesNotContain(DemoAccount.GLOBAL_TOKEN);
    }
}
