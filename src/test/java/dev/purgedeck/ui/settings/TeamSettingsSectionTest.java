package dev.purgedeck.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.team.TeamSettings;
import dev.purgedeck.team.TeamSettingsStore;
import dev.purgedeck.testsupport.TeamDatabase;
import dev.purgedeck.testsupport.UiQueue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Settings' Team section: problems at their field, Test against a real PostgreSQL, Save owner-only. */
@ExtendWith(ApplicationExtension.class)
class TeamSettingsSectionTest {
    private Path dir;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("purgedeck-team-settings");
        TeamSettingsViewModel vm = model(dir);
        stage.setScene(new Scene(new TeamSettingsSection(vm).root(), 900, 600));
        stage.show();
    }

    private static TeamSettingsViewModel model(Path dir) {
        TeamSettingsStore store = new TeamSettingsStore(dir);
        // Work runs on the calling thread and results are shown at once: the toolkit is not needed to test the model.
        return new TeamSettingsViewModel(store, store.passwords(Map.of(), dir), Runnable::run, Runnable::run);
    }

    @Test
    void aRemoteServerWithoutVerifiedTlsIsRefusedAtTheTlsField(FxRobot robot) {
        robot.clickOn("#teamHost").write("db.example.invalid");
        robot.clickOn("#teamDatabase").write("ops");
        robot.clickOn("#teamUser").write("editor");
        robot.clickOn("#teamTest");
        Label note = robot.lookup("#teamSslModeMessage").queryAs(Label.class);
        assertThat(note.isVisible()).isTrue();
        assertThat(note.getText()).contains("db.example.invalid", "verify-full");
        robot.interact(() -> robot.lookup("#teamPort").queryAs(TextField.class).setText("54x"));
        robot.clickOn("#teamTest");
        assertThat(robot.lookup("#teamPortMessage").queryAs(Label.class).getText()).contains("port must be a number");
        assertThat(note.isVisible()).isFalse();
    }

    @Test
    void testConnectsWithWhatIsTypedAndSaveKeepsThePasswordOwnerOnly() throws Exception {
        TeamSettings db = TeamDatabase.newDatabase();
        Path data = Files.createTempDirectory("purgedeck-team-settings-vm");
        TeamSettingsViewModel vm = model(data);
        vm.hostProperty().set("127.0.0.1");
        vm.portProperty().set(Integer.toString(db.port()));
        vm.databaseProperty().set(db.database());
        vm.userProperty().set("postgres");
        vm.passwordProperty().set("typed-Pw-1");
        vm.test().join();
        assertThat(vm.messageProperty().get()).startsWith("Connected: PostgreSQL");
        assertThat(vm.problemFieldProperty().get()).isEmpty();
        assertThat(data.resolve("team.json")).doesNotExist(); // Test saves nothing
        vm.save().join();
        assertThat(vm.messageProperty().get()).startsWith("Saved.");
        assertThat(Files.readString(data.resolve("team.json"))).contains(db.database()).doesNotContain("typed-Pw-1");
        Path pw = data.resolve("team-password");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(pw))).isEqualTo("rw-------");
        assertThat(model(data).databaseProperty().get()).isEqualTo(db.database());
    }

    @Test
    void theSavedSettingsAreReadInTheBackgroundAndWhatWasTypedMeanwhileStays() throws Exception {
        Path data = Files.createTempDirectory("purgedeck-team-settings-load");
        TeamSettingsStore store = new TeamSettingsStore(data);
        store.save(new TeamSettings("db.example.invalid", 5433, "ops", "", "editor", "verify-full", ""));
        List<Runnable> background = new ArrayList<>();
        UiQueue ui = new UiQueue();

        TeamSettingsViewModel vm = new TeamSettingsViewModel(store, store.passwords(Map.of(), data), background::add,
                ui);
        ui.drain();
        assertThat(vm.hostProperty().get()).isEmpty(); // the UI thread did not read the file
        vm.userProperty().set("typed-user");
        background.forEach(Runnable::run);
        ui.drain();

        assertThat(vm.hostProperty().get()).isEqualTo("db.example.invalid");
        assertThat(vm.portProperty().get()).isEqualTo("5433");
        assertThat(vm.userProperty().get()).isEqualTo("typed-user");
    }
}
