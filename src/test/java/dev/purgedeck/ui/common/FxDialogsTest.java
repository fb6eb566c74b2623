package dev.purgedeck.ui.common;

import static dev.purgedeck.testsupport.ConsoleHarness.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The text dialog (a key set's name) says what is wrong only once the user has typed something. */
@ExtendWith(ApplicationExtension.class)
class FxDialogsTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 300, 200));
        stage.show();
    }

    @Test
    void noErrorBeforeTypingButOkWaitsForAValidName(FxRobot robot) {
        CompletableFuture<Optional<String>> answer = new CompletableFuture<>();
        Platform.runLater(() -> answer.complete(new FxDialogs(() -> stage).askText("Save keys as a key set",
                "A name for these 3 keys:", "", t -> t.isBlank() ? Optional.of("Type a name.") : Optional.empty())));
        waitUntil(() -> robot.lookup("#dialogText").tryQuery().isPresent());
        Label problem = robot.lookup("#dialogProblem").queryAs(Label.class);
        DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        Button ok = (Button) pane.lookupButton(ButtonType.OK);

        assertThat(problem.getText()).isEmpty();
        assertThat(ok.isDisabled()).isTrue();

        robot.clickOn("#dialogText").write("a").eraseText(1);
        assertThat(problem.getText()).isEqualTo("Type a name.");
        assertThat(ok.isDisabled()).isTrue();

        robot.write("Homepage");
        assertThat(problem.getText()).isEmpty();
        assertThat(robot.lookup("#dialogText").queryAs(TextField.class).getText()).isEqualTo("Homepage");
        robot.clickOn(ok);
        waitUntil(answer::isDone);
        assertThat(answer.join()).contains("Homepage");
    }
}
