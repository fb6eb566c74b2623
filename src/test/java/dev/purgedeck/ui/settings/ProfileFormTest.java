package dev.purgedeck.ui.settings;

import static dev.purgedeck.testsupport.ConsoleHarness.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.sandbox.DemoAccount;
import dev.purgedeck.settings.Profile;
import dev.purgedeck.testsupport.ConsoleTest;
import dev.purgedeck.ui.purge.PurgeMode;
import dev.purgedeck.ui.purge.PurgeViewModel;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import org.controlsfx.control.ToggleSwitch;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** Adding, using and editing a profile: the connection is tested first, and what was typed in the console stays. */
class ProfileFormTest extends ConsoleTest {
    @Test
    void addAndUseKeepsTheUrlsKeysModeAndSoftSwitch(FxRobot robot) {
        String urls = "https://www.example.com/a\nhttps://www.example.com/b";
        robot.interact(() -> {
            PurgeViewModel purge = console.window().purge();
            purge.urls().textProperty().set(urls);
            purge.keys().addText("homepage section-sport");
            purge.softProperty().set(true);
            purge.modeProperty().set(PurgeMode.KEYS);
        });
        addProfile(robot, "Second account", DemoAccount.GLOBAL_TOKEN);
        waitUntil(() -> "Custom endpoint".equals(robot.lookup("#endpointBadge").queryAs(Label.class).getText()));
        assertThat(console.context().session().profileName()).isEqualTo("Second account");
        PurgeViewModel after = console.window().purge();
        assertThat(after.modeProperty().get()).isEqualTo(PurgeMode.KEYS);
        assertThat(after.keys().validKeys()).containsExactly("homepage", "section-sport");
        assertThat(robot.lookup("#urlInput").queryAs(TextArea.class).getText()).isEqualTo(urls);
        assertThat(robot.lookup("#softToggle").queryAs(ToggleSwitch.class).isSelected()).isTrue();
        assertThat(console.context().settings().get().defaultSoft()).isFalse();
    }

    @Test
    void aTokenThatFailsTheConnectionTestIsNotAddedAndNothingSwitches(FxRobot robot) {
        String wrong = "notTheRightToken0123456789abcdef";
        addProfile(robot, "Typo account", wrong);
        Label error = robot.lookup("#profileError").queryAs(Label.class);
        waitUntil(() -> !error.getText().isEmpty());
        assertThat(error.getText()).startsWith("Not saved: the connection test failed.").doesNotContain(wrong);
        assertThat(console.context().session().profileName()).isNotEqualTo("Typo account");
        assertThat(console.context().profiles().find("Typo account")).isEmpty();
        assertThat(robot.lookup("#endpointBadge").queryAs(Label.class).getText()).isEqualTo("Sandbox");
        assertThat(SANDBOX.server().requests().all()).anyMatch(r -> r.rawPathAndQuery().equals("/tokens/self"));
    }

    @Test
    void aProfileCanBeEditedAndAWrongNewTokenChangesNothing(FxRobot robot) {
        addProfile(robot, "Second account", DemoAccount.GLOBAL_TOKEN);
        waitUntil(() -> "Second account".equals(console.context().session().profileName())
                && robot.lookup("#tabSettings").tryQuery().isPresent());
        robot.clickOn("#tabSettings");
        selectProfile(robot, "Second account");
        robot.clickOn("#editProfile");
        assertThat(robot.lookup("#newProfileUrl").queryAs(TextField.class).getText())
                .isEqualTo(SANDBOX.server().baseUri().toString());
        robot.clickOn("#newProfileToken").write("notTheRightToken0123456789abcdef");
        robot.clickOn("#addProfile");
        Label error = robot.lookup("#profileError").queryAs(Label.class);
        waitUntil(() -> error.getText().startsWith("Not saved"));
        assertThat(console.context().profiles().find("Second account")).isPresent();

        robot.interact(() -> robot.lookup("#newProfileToken").queryAs(PasswordField.class).clear());
        robot.doubleClickOn("#newProfileName").eraseText(30).write("Renamed account");
        robot.clickOn("#addProfile");
        waitUntil(() -> "Renamed account".equals(console.context().session().profileName()));
        assertThat(console.context().profiles().find("Second account")).isEmpty();
        // The saved token was kept under the new name: the header reads its owner.
        Label owner = robot.lookup("#tokenOwner").queryAs(Label.class);
        waitUntil(() -> owner.getText().contains("@"));
    }

    /** Fills the Settings form for a profile on the sandbox's address, and presses Add and use. */
    private static void addProfile(FxRobot robot, String name, String token) {
        robot.clickOn("#tabSettings");
        robot.clickOn("#newProfileName").write(name);
        robot.clickOn("#newProfileEndpoint").clickOn("Custom endpoint");
        robot.clickOn("#newProfileUrl").write(SANDBOX.server().baseUri().toString());
        robot.clickOn("#newProfileToken").write(token);
        robot.clickOn("#addProfile");
    }

    private static void selectProfile(FxRobot robot, String name) {
        ListView<Profile> list = robot.lookup("#profileList").queryListView();
        robot.interact(() -> list.getSelectionModel().select(
                list.getItems().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow()));
    }
}
