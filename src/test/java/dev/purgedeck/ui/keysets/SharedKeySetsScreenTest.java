package dev.purgedeck.ui.keysets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.keysets.KeySet;
import dev.purgedeck.keysets.KeySetStore;
import dev.purgedeck.team.SharedKeySet;
import dev.purgedeck.team.SharedKeySets;
import dev.purgedeck.team.TeamConnection;
import dev.purgedeck.team.TeamPasswords;
import dev.purgedeck.team.TeamSchema;
import dev.purgedeck.testsupport.Eventually;
import dev.purgedeck.testsupport.ScriptedDialogs;
import dev.purgedeck.testsupport.TeamDatabase;
import dev.purgedeck.ui.controls.KeyTagViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Key sets screen with a team database (a real PostgreSQL): shared sets beside the personal ones with who changed
 * them, sharing a personal set, and a conflict with another desktop's edit decided in the real dialog.
 */
@ExtendWith(ApplicationExtension.class)
class SharedKeySetsScreenTest {
    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private SharedKeySets bob;
    private SharedKeySets alice;
    private KeySetStore store;
    private KeySetsViewModel vm;
    private final KeyTagViewModel consoleKeys = new KeyTagViewModel();

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("purgedeck-shared-ui");
        TeamConnection connection = new TeamConnection(TeamDatabase.newDatabase(), new TeamPasswords(dir, Map.of(),
                dir));
        // @Start runs on the UI thread, where stores may not write: the setup runs as the app's would, in the back.
        background.submit(() -> {
            TeamSchema.migrate(connection);
            // The other desktop: its own data folder, its own name, the same database.
            bob = new SharedKeySets(connection, Files.createTempDirectory("purgedeck-bob"), "bob@desk-2 (work)",
                    Clock.systemUTC());
            bob.create(new KeySet("Sport", "Sport pages", null, null, List.of("section-sport", "article-1"), false,
                    null, null), null);
            store = KeySetStore.open(dir, Clock.systemUTC());
            store.create(KeySet.of("Weather", List.of("weather", "forecast")));
            return null;
        }).get();
        alice = new SharedKeySets(connection, dir, "alice@desk-1 (work)", Clock.systemUTC());
        vm = new KeySetsViewModel(store, alice, dialogs, (request, set) -> Optional.empty(), background,
                Platform::runLater);
        KeySetPicker picker = new KeySetPicker(vm, dialogs, consoleKeys, Optional::empty, () -> false);
        Parent screen = new KeySetsView(vm, dialogs, Optional::empty).root();
        VBox.setVgrow(screen, Priority.ALWAYS);
        stage.setScene(new Scene(new VBox(8, picker, screen), 1024, 700));
        stage.show();
    }

    @AfterEach
    void stop() {
        vm.dispose();
        background.shutdownNow();
    }

    @BeforeAll
    static void server() {
        TeamDatabase.server(); // started here, not in @Start: its first start may outlast the toolkit's setup wait
    }

    private static void awaitDialog(FxRobot robot) {
        Eventually.await(() -> robot.lookup("#conflictOverwrite").tryQuery().map(n -> n.getScene() != null
                && n.getScene().getWindow() != null && n.getScene().getWindow().isShowing()).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private ListView<SharedKeySet> team(FxRobot robot) {
        return robot.lookup("#sharedKeySetList").queryListView();
    }

    private String message(FxRobot robot) {
        return robot.lookup("#keySetMessage").queryAs(Label.class).getText();
    }

    private void openSport(FxRobot robot) {
        Eventually.await(() -> team(robot).getItems().size() == 1);
        robot.clickOn("Sport");
        Eventually.await(() -> vm.editingSharedProperty().get() != null);
        robot.interact(() -> { });
        assertThat(robot.lookup("#keySetSharedInfo").queryAs(Label.class).getText())
                .startsWith("Shared with the team \u00b7 version 1 \u00b7 changed by bob@desk-2 (work), ");
    }

    @Test
    void sharedSetsShowBesideThePersonalOnesAndAPersonalSetIsShared(FxRobot robot) throws Exception {
        Eventually.await(() -> team(robot).getItems().size() == 1);
        assertThat(robot.lookup("#keySetList").queryListView().getItems()).extracting(s -> ((KeySet) s).name())
                .containsExactly("Weather");
        assertThat(robot.lookup("#sharedKeySetStatus").queryAs(Label.class).getText()).isEqualTo("1 shared set.");
        assertThat(robot.lookup("bob@desk-2 (work)").tryQuery()).isEmpty(); // shown with the time: whole text below
        assertThat(team(robot).getItems().get(0).changedBy()).isEqualTo("bob@desk-2 (work)");

        // The console's picker offers the shared set too, marked as the team's.
        robot.clickOn("#keySetMenu").clickOn("Team: Sport  (2 keys)").clickOn("Replace the keys with this set");
        assertThat(consoleKeys.validKeys()).containsExactly("section-sport", "article-1");

        robot.clickOn("Weather");
        robot.clickOn("#shareKeySet");
        Eventually.await(() -> team(robot).getItems().size() == 2);
        Eventually.await(() -> store.find("Weather").isEmpty()); // moved: personal copy removed once the team has it
        assertThat(bob.get("weather").orElseThrow().changedBy()).isEqualTo("alice@desk-1 (work)");
        assertThat(bob.get("weather").orElseThrow().keys()).containsExactly("weather", "forecast");
        robot.interact(() -> { });
        assertThat(message(robot)).isEqualTo("\u201cWeather\u201d is now shared with the team.");
    }

    @Test
    void aConflictShowsBothVersionsAndOverwriteWritesMineOverTheirs(FxRobot robot) throws Exception {
        openSport(robot);
        robot.clickOn("#keySetDescription").write(" (alice)");
        // Meanwhile, on the other desktop:
        bob.update("Sport", 1, new KeySet("Sport", "Sport pages", null, null, List.of("section-sport", "bob-key"),
                false, null, null), null);
        robot.clickOn("#saveKeySetChanges");
        awaitDialog(robot); // after the database said no
        ListView<String> theirs = robot.lookup("#conflictTheirs").queryListView();
        assertThat(theirs.getItems()).containsExactly("section-sport", "bob-key");
        assertThat(robot.lookup("#conflictMine").queryListView().getItems())
                .containsExactly("section-sport", "article-1");
        assertThat(robot.lookup(".dialog-pane .header-panel .label").queryAs(Label.class).getText())
                .isEqualTo("\u201cSport\u201d was changed by bob@desk-2 (work) while you edited it.");
        robot.clickOn("#conflictOverwrite");
        Eventually.await(() -> message(robot).startsWith("Saved"));
        SharedKeySet now = bob.get("Sport").orElseThrow();
        assertThat(now.version()).isEqualTo(3); // bob's change, then mine over it: nothing lost silently
        assertThat(now.set().description()).isEqualTo("Sport pages (alice)");
        assertThat(now.keys()).containsExactly("section-sport", "article-1");
        assertThat(now.changedBy()).isEqualTo("alice@desk-1 (work)");
        assertThat(message(robot)).isEqualTo("Saved \u201cSport\u201d for the team (version 3).");
    }

    @Test
    void aSharedSetDeletedByMistakeComesBackForTheTeamWithUndo(FxRobot robot) throws Exception {
        bob.update("Sport", 1, new KeySet("Sport", "Sport pages", "7kQm2XvR9tLp4WnB8cYd3F", "Daily Courier", List.of("section-sport",
                "article-1"), true, null, null), List.of("https://www.dailycourier.example/sport"));
        vm.shared().refresh().get(15, TimeUnit.SECONDS); // as the screen's refresh button does
        Eventually.await(() -> team(robot).getItems().size() == 1 && team(robot).getItems().get(0).version() == 2);
        robot.clickOn("Sport");
        Eventually.await(() -> vm.editingSharedProperty().get() != null);
        robot.clickOn("#deleteKeySet");
        Eventually.await(() -> team(robot).getItems().isEmpty());
        assertThat(bob.get("Sport")).isEmpty(); // gone for the whole team
        robot.interact(() -> { });
        assertThat(message(robot)).isEqualTo("Deleted \u201cSport\u201d from the team.");
        assertThat(robot.lookup("#undoDeleteKeySet").queryAs(Hyperlink.class).isVisible()).isTrue();

        robot.clickOn("#undoDeleteKeySet");
        Eventually.await(() -> team(robot).getItems().size() == 1);
        SharedKeySet back = bob.get("Sport").orElseThrow();
        assertThat(back.keys()).containsExactly("section-sport", "article-1");
        assertThat(back.set().soft()).isTrue();
        assertThat(back.set().serviceId()).isEqualTo("7kQm2XvR9tLp4WnB8cYd3F");
        assertThat(back.sampleUrls()).containsExactly("https://www.dailycourier.example/sport");
        assertThat(back.version()).isEqualTo(4); // 2, deleted as 3, back as 4: the record shows both
        assertThat(back.changedBy()).isEqualTo("alice@desk-1 (work)");
        robot.interact(() -> { });
        assertThat(message(robot)).isEqualTo("Restored \u201cSport\u201d for the team (version 4).");
        assertThat(robot.lookup("#undoDeleteKeySet").queryAs(Hyperlink.class).isVisible()).isFalse();
        assertThat(vm.editingSharedProperty().get().version()).isEqualTo(4); // and shown, ready to edit
    }

    @Test
    void keepTheirsLoadsTheirVersionAndWritesNothing(FxRobot robot) throws Exception {
        openSport(robot);
        robot.clickOn("#keySetDescription").write(" (alice)");
        bob.update("Sport", 1, new KeySet("Sport", "Bob's words", null, null, List.of("bob-key"), false, null, null),
                null);
        robot.clickOn("#saveKeySetChanges");
        awaitDialog(robot); // after the database said no
        robot.clickOn("#conflictKeepTheirs");
        Eventually.await(() -> vm.editingSharedProperty().get() != null
                && vm.editingSharedProperty().get().version() == 2);
        robot.interact(() -> { });
        assertThat(vm.descriptionProperty().get()).isEqualTo("Bob's words");
        assertThat(vm.keys().validKeys()).containsExactly("bob-key");
        assertThat(message(robot)).startsWith("Kept the team's version of \u201cSport\u201d (Changed by bob@desk-2");
        assertThat(bob.get("Sport").orElseThrow().version()).isEqualTo(2);
    }
}
