package dev.purgedeck.ui.settings;

import static dev.purgedeck.testsupport.ConsoleHarness.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.sandbox.DemoAccount;
import dev.purgedeck.testsupport.ConsoleTest;
import dev.purgedeck.ui.purge.PurgeMode;
import dev.purgedeck.ui.purge.PurgeViewModel;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import org.controlsfx.control.ToggleSwitch;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** Adding and using a profile keeps what was typed in the console. */
class ProfileSwitchKeepsInputTest extends ConsoleTest {
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
        robot.clickOn("#tabSettings");
        robot.clickOn("#newProfileName").write("Second account");
        robot.clickOn("#newProfileEndpoint").clickOn("Custom endpoint");
        robot.clickOn("#newProfileUrl").write(SANDBOX.server().baseUri().toString());
        robot.clickOn("#newProfileToken").write(DemoAccount.GLOBAL_TOKEN);
        robot.clickOn("#addProfile");
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
        robot.clickOn("#tabSettings");
        robot.clickOn("#newProfileName").write("Typo account");
        robot.clickOn("#newProfileEndpoint").clickOn("Custom endpoint");
        robot.clickOn("#newProfileUrl").write(SANDBOX.server().baseUri().toString());
        robot.clickOn("#newProfileToken").write(wrong);
        robot.clickOn("#addProfile");
        Label error = robot.lookup("#profileError").queryAs(Label.class);
        waitUntil(() -> !error.getText().isEmpty());
        assertThat(error.getText()).startsWith("Not added: the connection test failed.").doesNotContain(wrong);
        assertThat(console.context().session().profileName()).isNotEqualTo("Typo account");
        assertThat(console.context().profiles().find("Typo account")).isEmpty();
        assertThat(robot.lookup("#endpointBadge").queryAs(Label.class).getText()).isEqualTo("Sandbox");
        assertThat(SANDBOX.server().requests().all()).anyMatch(r -> r.rawPathAndQuery().equals("/tokens/self"));
    }
}
