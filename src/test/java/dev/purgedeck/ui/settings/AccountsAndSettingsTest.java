package dev.purgedeck.ui.settings;

import static dev.purgedeck.testsupport.ConsoleHarness.inPurge;
import static dev.purgedeck.testsupport.ConsoleHarness.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.fastly.PurgeOptions;
import dev.purgedeck.fastly.ServiceInfo;
import dev.purgedeck.history.HistoryEntry;
import dev.purgedeck.sandbox.DemoAccount;
import dev.purgedeck.sandbox.ObjectState;
import dev.purgedeck.testsupport.ConsoleHarness;
import dev.purgedeck.testsupport.SandboxExtension;
import dev.purgedeck.testsupport.Sandboxes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.stream.Stream;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Issue 6 through the real window: scopes shape the screens, profiles switch the app, settings apply at once. */
@ExtendWith(ApplicationExtension.class)
class AccountsAndSettingsTest {
    @RegisterExtension
    static final SandboxExtension SANDBOX = new SandboxExtension();
    private static final String TYPED_TOKEN = "typedTokenForAProfile0123456789";
    @TempDir
    Path dataDir;
    private ConsoleHarness console;

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    /** Opens the window with the token this test is about. */
    private void open(FxRobot robot, String token) {
        robot.interact(() -> console = ConsoleHarness.show(stage, SANDBOX.server(), token, dataDir, Map.of()));
    }

    @AfterEach
    void close() {
        if (console != null) {
            console.close();
        }
    }

    @Test
    void purgeSelectTokenCannotPurgeEverythingNorListServicesButNamesTypedIds(FxRobot robot) {
        open(robot, DemoAccount.PURGE_SELECT_TOKEN);
        waitUntil(() -> robot.lookup("#modeAll").queryAs(ToggleButton.class).isDisabled());
        assertThat(robot.lookup("#modeAll").queryAs(ToggleButton.class).getTooltip().getText()).contains("purge_all");
        Label status = robot.lookup("#servicesStatus").queryAs(Label.class);
        waitUntil(() -> status.getText().contains("cannot list services"));
        ListView<ServiceInfo> list = robot.lookup("#serviceList").queryListView();
        assertThat(list.getItems()).isEmpty();

        robot.clickOn("#serviceSearch").write(SANDBOX.service());
        assertThat(console.window().purge().services().serviceIdProperty().get()).isEqualTo(SANDBOX.service());
        console.dialogs().textAnswer = "Courier (typed)";
        robot.clickOn("#rememberService");
        assertThat(list.getItems()).extracting(ServiceInfo::name).containsExactly("Courier (typed)");
        assertThat(console.window().purge().services().selectedProperty().get().id()).isEqualTo(SANDBOX.service());

        robot.clickOn("#modeKeys");
        robot.clickOn(inPurge(robot, "#keyInput")).write("homepage").type(KeyCode.ENTER);
        robot.clickOn("#purgeButton");
        console.awaitJobEnd();
        assertThat(Sandboxes.object(SANDBOX.server(), SANDBOX.service(), o -> o.surrogateKeys().contains("homepage")).state())
                .isEqualTo(ObjectState.GONE);
    }

    @Test
    void expiredTokenIsExplainedInTheHeader(FxRobot robot) {
        open(robot, DemoAccount.EXPIRED_TOKEN);
        Label owner = robot.lookup("#tokenOwner").queryAs(Label.class);
        waitUntil(() -> owner.getText().contains("expired"));
        assertThat(owner.getText()).isEqualTo("The API token has expired. Create a new token in Fastly and enter it in Settings.")
                .doesNotContain(DemoAccount.EXPIRED_TOKEN);
        assertThat(owner.getStyleClass()).contains("error-text");
    }

    @Test
    void addingAProfileChecksTheEndpointStoresTheTokenPrivatelyAndSwitchesTheApp(FxRobot robot) throws Exception {
        open(robot, DemoAccount.GLOBAL_TOKEN);
        robot.clickOn("#tabSettings");
        robot.clickOn("#newProfileName").write("Staging account");
        robot.clickOn("#newProfileEndpoint").clickOn("Custom endpoint");
        robot.clickOn("#newProfileUrl").write("http://purge.example.com");
        robot.clickOn("#newProfileToken").write(DemoAccount.GLOBAL_TOKEN);
        assertThat(robot.lookup("#newProfileToken").queryAs(PasswordField.class).isVisible()).isTrue();
        robot.clickOn("#revealToken");
        assertThat(robot.lookup("#newProfileTokenShown").queryAs(TextField.class).isVisible()).isTrue();
        robot.clickOn("#revealToken");
        robot.clickOn("#addProfile");
        // Checked and saved on the background executor; the answer comes back on the FX thread.
        waitUntil(() -> !robot.lookup("#profileError").queryAs(Label.class).getText().isEmpty());
        assertThat(robot.lookup("#profileError").queryAs(Label.class).getText()).contains("https");

        robot.doubleClickOn("#newProfileUrl").eraseText(40).write(SANDBOX.server().baseUri().toString());
        robot.clickOn("#addProfile");
        waitUntil(() -> "Custom endpoint".equals(robot.lookup("#endpointBadge").queryAs(Label.class).getText()));
        assertThat(console.context().session().profileName()).isEqualTo("Staging account");
        Label owner = robot.lookup("#tokenOwner").queryAs(Label.class);
        waitUntil(() -> owner.getText().contains("@"));
        Path tokens = dataDir.resolve("tokens.json");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokens))).isEqualTo("rw-------");

        robot.clickOn("#tabPurge");
        robot.interact(() -> robot.lookup("#urlInput").queryAs(TextArea.class).setText("https://www.example.com/after-switch"));
        robot.clickOn("#purgeButton");
        console.awaitJobEnd();
        waitUntil(() -> console.window().history().rows().size() == 1);
        assertThat(console.window().history().rows().get(0).profile()).isEqualTo("Staging account");
        assertThat(console.window().history().rows().get(0).endpointKind()).isEqualTo("custom");
        assertNoFileHolds(DemoAccount.GLOBAL_TOKEN, "tokens.json");
    }

    @Test
    void stagingReachesOnlyTheStagingCacheAndUrlsExplainWhyNot(FxRobot robot) {
        open(robot, DemoAccount.GLOBAL_TOKEN);
        waitUntil(() -> console.window().purge().services().selectedProperty().get() != null);
        robot.interact(() -> console.window().purge().environmentProperty().set(PurgeOptions.Environment.STAGING));
        robot.interact(() -> robot.lookup("#urlInput").queryAs(TextArea.class).setText("https://www.example.com/x"));
        assertThat(robot.lookup("#purgeHint").queryAs(Label.class).getText()).startsWith("Staging is not available for URL purges");
        assertThat(robot.lookup("#purgeButton").queryButton().isDisabled()).isTrue();
        robot.clickOn("#modeKeys");
        robot.clickOn(inPurge(robot, "#keyInput")).write("homepage").type(KeyCode.ENTER);
        robot.clickOn("#purgeButton");
        console.awaitJobEnd();
        var staging = Sandboxes.states(SANDBOX.server(), SANDBOX.service(), "staging");
        var production = Sandboxes.states(SANDBOX.server(), SANDBOX.service());
        String home = Sandboxes.object(SANDBOX.server(), SANDBOX.service(), o -> o.surrogateKeys().contains("homepage")).url();
        assertThat(staging.get(home)).isEqualTo(ObjectState.GONE);
        assertThat(production.get(home)).isEqualTo(ObjectState.FRESH);
        waitUntil(() -> console.window().history().rows().size() == 1);
        HistoryEntry recorded = console.window().history().rows().get(0);
        assertThat(recorded.environment()).isEqualTo("staging");
    }

    @Test
    void settingsApplyAtOnce(FxRobot robot) throws Exception {
        open(robot, DemoAccount.GLOBAL_TOKEN);
        waitUntil(() -> console.window().purge().services().selectedProperty().get() != null);
        robot.clickOn("#tabSettings");
        // The purge defaults sit below the profiles: scroll down to them as a user would.
        robot.interact(() -> robot.lookup("#settingsView").queryAs(javafx.scene.control.ScrollPane.class).setVvalue(1.0));
        TextField confirmAbove = robot.lookup("#settingConfirmAbove").queryAs(javafx.scene.control.Spinner.class).getEditor();
        robot.doubleClickOn(confirmAbove).eraseText(6).write("2").type(KeyCode.ENTER);
        waitUntil(() -> console.context().settings().get().confirmAbove() == 2);
        robot.clickOn("#settingSoft");
        waitUntil(() -> console.context().settings().get().defaultSoft());
        robot.clickOn("#tabPurge");
        assertThat(console.window().purge().softProperty().get()).isTrue();
        robot.interact(() -> robot.lookup("#urlInput").queryAs(TextArea.class)
                .setText("https://www.example.com/1\nhttps://www.example.com/2\nhttps://www.example.com/3"));
        console.dialogs().confirmAnswer = false;
        robot.clickOn("#purgeButton");
        assertThat(console.dialogs().asked).anyMatch(q -> q.contains("Purge 3 URLs?"));
        assertThat(SANDBOX.server().requests().all()).noneMatch(r -> r.rawPathAndQuery().startsWith("/purge/"));
        console.dialogs().confirmAnswer = true;
        robot.clickOn("#purgeButton");
        console.awaitJobEnd();
        assertThat(SANDBOX.server().requests().all()).filteredOn(r -> r.rawPathAndQuery().startsWith("/purge/"))
                .hasSize(3).allMatch(r -> r.headers().containsKey("fastly-soft-purge"));
        assertNoFileHolds(DemoAccount.GLOBAL_TOKEN, null);
    }

    /** Scans every file the app wrote in its data folder; {@code allowed} may hold the token by design. */
    private void assertNoFileHolds(String token, String allowed) throws Exception {
        try (Stream<Path> files = Files.walk(dataDir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                if (f.getFileName().toString().equals(allowed)) {
                    continue;
                }
                assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).as(f.toString()).doesNotContain(token);
            }
        }
    }
}
