package dev.purgedeck.ui.keysets;

import static dev.purgedeck.testsupport.ConsoleHarness.inPurge;
import static dev.purgedeck.testsupport.ConsoleHarness.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.history.HistoryEntry;
import dev.purgedeck.keysets.KeySet;
import dev.purgedeck.sandbox.ObjectState;
import dev.purgedeck.testsupport.ConsoleTest;
import dev.purgedeck.testsupport.Sandboxes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** Key sets through the real window: saved from the console, found, loaded, purged, renamed, deleted, imported. */
class KeySetsScreenTest extends ConsoleTest {
    private void saveFromConsole(FxRobot robot, String name, String keys) {
        waitUntil(() -> console.window().purge().services().selectedProperty().get() != null);
        robot.clickOn("#modeKeys");
        robot.clickOn(inPurge(robot, "#keyInput")).write(keys).type(KeyCode.ENTER);
        console.dialogs().textAnswer = name;
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        // Saved on the background executor; the message comes back on the FX thread.
        waitUntil(() -> console.window().keySets().messageProperty().get().startsWith("Saved"));
    }

    private ListView<KeySet> list(FxRobot robot) {
        return robot.lookup("#keySetList").queryListView();
    }

    @Test
    void savedFromTheConsoleFoundAndLoadedBack(FxRobot robot) {
        saveFromConsole(robot, "Homepage", "homepage section-news");
        KeySet saved = console.context().keySets().find("homepage").orElseThrow();
        assertThat(saved.keys()).containsExactly("homepage", "section-news");
        assertThat(saved.serviceId()).isEqualTo(SANDBOX.service());

        robot.clickOn("#tabKeySets");
        robot.clickOn("#keySetSearch").write("section-news");
        assertThat(list(robot).getItems()).extracting(KeySet::name).containsExactly("Homepage");
        robot.doubleClickOn("#keySetSearch").eraseText(12).write("nothing-like-this");
        assertThat(list(robot).getItems()).isEmpty();

        robot.clickOn("#tabPurge");
        robot.clickOn(inPurge(robot, "#clearKeys"));
        assertThat(console.window().purge().keys().validKeys()).isEmpty();
        robot.clickOn("#keySetMenu").clickOn("Homepage  (2 keys)").clickOn("Replace the keys with this set");
        assertThat(console.window().purge().keys().validKeys()).containsExactly("homepage", "section-news");
        robot.clickOn("#keySetMenu").clickOn("Homepage  (2 keys)").clickOn("Add this set to the keys");
        assertThat(((Label) inPurge(robot, "#keyNotice")).getText()).contains("2 duplicate keys dropped");
    }

    @Test
    void purgingASetAsksThenPurgesItsServiceAndIsRecorded(FxRobot robot) {
        saveFromConsole(robot, "Sport", "section-sport article-4720");
        robot.clickOn("#tabKeySets");
        robot.clickOn("Sport");
        console.dialogs().confirmAnswer = false;
        robot.clickOn("#purgeKeySet");
        assertThat(SANDBOX.server().requests().all()).noneMatch(r -> r.rawPathAndQuery().endsWith("/purge"));
        console.dialogs().confirmAnswer = true;
        robot.clickOn("#purgeKeySet");
        waitUntil(() -> robot.lookup("#resultSummary").queryAs(Label.class).getText().equals("2 purged, 0 failed"));
        assertThat(Sandboxes.object(SANDBOX.server(), SANDBOX.service(), o -> o.surrogateKeys().contains("section-sport")).state())
                .isEqualTo(ObjectState.GONE);
        assertThat(console.dialogs().asked).anyMatch(q -> q.contains("Purge \u201cSport\u201d?"));
        waitUntil(() -> console.window().history().rows().size() == 2);
        assertThat(console.window().history().rows()).extracting(HistoryEntry::target)
                .containsExactlyInAnyOrder("section-sport", "article-4720");
    }

    @Test
    void renameDeleteAndUndo(FxRobot robot) {
        saveFromConsole(robot, "Old name", "weather");
        robot.clickOn("#tabKeySets");
        robot.clickOn("Old name");
        robot.doubleClickOn("#keySetName").eraseText(8).write("New name");
        robot.clickOn("#saveKeySetChanges");
        waitUntil(() -> console.context().keySets().find("new NAME").isPresent());
        assertThat(console.context().keySets().find("Old name")).isEmpty();
        assertThat(console.context().keySets().find("new NAME")).isPresent();
        robot.clickOn("#deleteKeySet");
        waitUntil(() -> console.window().keySets().lastDeletedProperty().get() != null);
        assertThat(console.context().keySets().all()).isEmpty();
        assertThat(robot.lookup("#keySetMessage").queryAs(Label.class).getText()).isEqualTo("Deleted \u201cNew name\u201d.");
        robot.clickOn("#undoDeleteKeySet");
        waitUntil(() -> console.window().keySets().lastDeletedProperty().get() == null);
        assertThat(console.context().keySets().find("New name")).map(KeySet::keys).contains(List.of("weather"));
    }

    @Test
    void aSecondSetWithTheSameNameIsRefusedAtTheName(FxRobot robot) {
        saveFromConsole(robot, "Twice", "a-key");
        robot.clickOn("#tabKeySets");
        robot.clickOn("#newKeySet");
        robot.doubleClickOn("#keySetName").eraseText(20).write("TWICE");
        robot.clickOn("#saveKeySetChanges");
        waitUntil(() -> robot.lookup("#keySetMessage").queryAs(Label.class).getText().contains("already"));
        assertThat(robot.lookup("#keySetMessage").queryAs(Label.class).getText()).contains("already");
        assertThat(console.context().keySets().all()).hasSize(1);
    }

    @Test
    void importsACliKeysFileAndAsksAboutAClash(FxRobot robot) throws Exception {
        saveFromConsole(robot, "articles", "article-1");
        Path file = dataDir.resolve("articles.txt");
        Files.writeString(file, "article-4711\r\n\r\narticle-4712\r\nbad key\r\n");
        console.dialogs().openFrom = file;
        console.dialogs().chooseAnswer = "Keep both";
        robot.clickOn("#tabKeySets");
        robot.clickOn("#importKeySets").clickOn("From a JSON or text file…");
        waitUntil(() -> console.window().keySets().messageProperty().get().startsWith("Imported"));
        assertThat(console.context().keySets().find("articles (imported)")).map(KeySet::keys)
                .contains(List.of("article-4711", "article-4712"));
        assertThat(robot.lookup("#keySetMessage").queryAs(Label.class).getText())
                .contains("1 renamed").contains("line 4: 'bad key'");
        // Both sets are listed: the one that was there and the renamed import beside it.
        waitUntil(() -> robot.lookup("#keySetList").<KeySet>queryListView().getItems().size() == 2);
        assertThat(robot.lookup("#keySetList").<KeySet>queryListView().getItems()).extracting(KeySet::name)
                .containsExactlyInAnyOrder("articles", "articles (imported)");
    }
}
