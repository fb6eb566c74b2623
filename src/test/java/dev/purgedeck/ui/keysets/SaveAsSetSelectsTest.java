package dev.purgedeck.ui.keysets;

import static dev.purgedeck.testsupport.ConsoleHarness.inPurge;
import static dev.purgedeck.testsupport.ConsoleHarness.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.keysets.KeySet;
import dev.purgedeck.testsupport.ConsoleTest;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** After "Save as set…" the Key sets screen shows the new set, unless the set open there has unsaved edits. */
class SaveAsSetSelectsTest extends ConsoleTest {
    private void saveFromConsole(FxRobot robot, String name, String keys) {
        robot.clickOn("#tabPurge");
        waitUntil(() -> console.window().purge().services().selectedProperty().get() != null);
        robot.clickOn("#modeKeys");
        robot.clickOn(inPurge(robot, "#clearKeys"));
        robot.clickOn(inPurge(robot, "#keyInput")).write(keys).type(KeyCode.ENTER);
        console.dialogs().textAnswer = name;
        robot.clickOn(inPurge(robot, "#saveKeySet"));
        waitUntil(() -> console.window().keySets().messageProperty().get().startsWith("Saved \u201c" + name));
    }

    private ListView<KeySet> list(FxRobot robot) {
        return robot.lookup("#keySetList").queryListView();
    }

    private String editorName(FxRobot robot) {
        return robot.lookup("#keySetName").queryAs(TextField.class).getText();
    }

    @Test
    void theNewSetIsSelectedAndOpenInTheEditor(FxRobot robot) {
        saveFromConsole(robot, "Sport", "section-sport");
        robot.clickOn("#tabKeySets");
        assertThat(list(robot).getSelectionModel().getSelectedItem().name()).isEqualTo("Sport");
        assertThat(editorName(robot)).isEqualTo("Sport");

        // With the screen built already, the next set saved is selected too.
        saveFromConsole(robot, "Weather", "weather-today");
        robot.clickOn("#tabKeySets");
        assertThat(list(robot).getSelectionModel().getSelectedItem().name()).isEqualTo("Weather");
        assertThat(editorName(robot)).isEqualTo("Weather");
    }

    @Test
    void unsavedEditsInTheKeySetsScreenAreKept(FxRobot robot) {
        saveFromConsole(robot, "Sport", "section-sport");
        robot.clickOn("#tabKeySets");
        robot.doubleClickOn("#keySetName").eraseText(5).write("Sport pages");

        saveFromConsole(robot, "Weather", "weather-today");
        assertThat(console.window().keySets().messageProperty().get())
                .endsWith("Your unsaved changes to \u201cSport pages\u201d are kept in the editor.");
        robot.clickOn("#tabKeySets");
        assertThat(editorName(robot)).isEqualTo("Sport pages");
        assertThat(list(robot).getItems()).extracting(KeySet::name).containsExactly("Sport", "Weather");
        assertThat(list(robot).getSelectionModel().getSelectedItem().name()).isEqualTo("Sport");
    }
}
