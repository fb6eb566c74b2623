package dev.purgedeck.ui.purge;

import static dev.purgedeck.testsupport.ConsoleHarness.inPurge;
import static dev.purgedeck.testsupport.ConsoleHarness.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.fastly.PurgeOptions.Environment;
import dev.purgedeck.testsupport.ConsoleTest;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** What the purge form says: the purge-everything notice without a service, and staging in URL mode. */
class PurgeFormWordingTest extends ConsoleTest {
    @Test
    void theEverythingNoticeWithoutAServiceAsksForOneInAProperSentence(FxRobot robot) {
        waitUntil(() -> console.window().purge().services().selectedProperty().get() != null);
        robot.interact(() -> {
            console.window().purge().services().selectedProperty().set(null);
            console.window().purge().modeProperty().set(PurgeMode.ALL);
        });
        String text = ((Label) inPurge(robot, "#everythingText")).getText();

        assertThat(text).startsWith("No service is chosen yet: choose one on the left. Every cached object of that "
                + "service will be removed at once.").doesNotContain("No service chosen");

        robot.interact(() -> console.window().purge().services().selectedProperty()
                .set(console.window().purge().services().services().get(0)));
        assertThat(((Label) inPurge(robot, "#everythingText")).getText()).startsWith("Every cached object of "
                + console.window().purge().services().choiceProperty().get() + " is removed at once.");
    }

    @Test
    void stagingGivesWayToVerifyInUrlModeAndComesBackWithKeys(FxRobot robot) {
        robot.interact(() -> console.window().purge().modeProperty().set(PurgeMode.KEYS));
        robot.interact(() -> console.window().purge().environmentProperty().set(Environment.STAGING));
        ChoiceBox<?> choice = (ChoiceBox<?>) inPurge(robot, "#environmentChoice");
        Label hint = (Label) inPurge(robot, "#purgeHint");
        assertThat(choice.isDisabled()).isFalse();

        robot.interact(() -> console.window().purge().modeProperty().set(PurgeMode.URLS));
        assertThat(choice.isDisabled()).isTrue();
        assertThat(choice.getValue()).isEqualTo(Environment.PRODUCTION);
        assertThat(hint.getText()).doesNotContain("Staging");
        Node holder = choice.getParent();
        assertThat(holder.isVisible()).isFalse();
        assertThat(inPurge(robot, "#verifyToggle").isVisible()).isTrue();
        assertThat(holder.getProperties().get("javafx.scene.control.Tooltip")).isInstanceOfSatisfying(Tooltip.class,
                t -> assertThat(t.getText()).startsWith("Staging is not available for URL purges"));

        robot.interact(() -> console.window().purge().modeProperty().set(PurgeMode.KEYS));
        assertThat(choice.isDisabled()).isFalse();
        assertThat(choice.getValue()).isEqualTo(Environment.STAGING);
        assertThat(holder.isVisible()).isTrue();
        assertThat(holder.getProperties().get("javafx.scene.control.Tooltip")).isNull();
    }
}
