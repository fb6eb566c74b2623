package dev.purgedeck.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.files.StoreWriter;
import dev.purgedeck.settings.PurgeTwiceSetting;
import dev.purgedeck.settings.PurgeTwiceStore;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Settings' Purge twice section against the real store: the services listed, delays checked at the field. */
@ExtendWith(ApplicationExtension.class)
class PurgeTwiceSectionTest {
    private static final String PROFILE = "Sandbox";
    private static final String COURIER = "SU1Z0isxPaozGVKXdv0eY";
    private Path dir;
    private StoreWriter writer;
    private PurgeTwiceStore store;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("purgedeck-twice-settings");
        writer = StoreWriter.start("test-store");
        store = PurgeTwiceStore.open(dir, writer);
        store.put(PROFILE, PurgeTwiceSetting.advised(COURIER, "Daily Courier — www"));
        store.put("Other profile", PurgeTwiceSetting.advised("elsewhere", "Not this profile's"));
        PurgeTwiceViewModel vm = new PurgeTwiceViewModel(store, PROFILE, Platform::runLater);
        stage.setScene(new Scene(new PurgeTwiceSection(vm).root(), 900, 500));
        stage.show();
    }

    @AfterEach
    void stop() {
        writer.close();
    }

    private Node row(FxRobot robot, String serviceId) {
        return robot.lookup("#purgeTwice-" + serviceId).query();
    }

    private TextField field(FxRobot robot, String serviceId, String styleClass) {
        return robot.from(row(robot, serviceId)).lookup("." + styleClass).queryAs(TextField.class);
    }

    @Test
    void theProfilesServicesAreListedWithNameIdAndTheirDelays(FxRobot robot) {
        CheckBox on = robot.from(row(robot, COURIER)).lookup(".twice-on").queryAs(CheckBox.class);
        assertThat(on.getText()).isEqualTo("Daily Courier — www (" + COURIER + ")");
        assertThat(on.isSelected()).isTrue();
        assertThat(field(robot, COURIER, "twiceUrlDelay").getText()).isEqualTo("2");
        assertThat(field(robot, COURIER, "twiceAllDelay").getText()).isEqualTo("30");
        assertThat(robot.lookup("#purgeTwice-elsewhere").tryQuery()).as("another profile's").isEmpty();
        assertThat(robot.lookup("#purgeTwiceSection").queryAs(javafx.scene.Parent.class)
                .getChildrenUnmodifiable()).filteredOn(Label.class::isInstance).map(n -> ((Label) n).getText())
                .anySatisfy(t -> assertThat(t).contains("shielding race"));
    }

    @Test
    void aDelayOutOfBoundsIsRefusedAtTheFieldAndAGoodOneIsSaved(FxRobot robot) {
        TextField url = field(robot, COURIER, "twiceUrlDelay");
        robot.doubleClickOn(url).eraseText(3).write("0").type(KeyCode.ENTER);
        Label problem = robot.from(row(robot, COURIER)).lookup(".twice-problem").queryAs(Label.class);
        assertThat(problem.getText()).isEqualTo("The pause for URLs and keys must be 1 to 120 seconds.");
        assertThat(url.getPseudoClassStates()).extracting(Object::toString).contains("danger");
        assertThat(store.get(PROFILE, COURIER).orElseThrow().urlDelaySeconds()).as("nothing saved").isEqualTo(2);

        robot.doubleClickOn(url).eraseText(3).write("5").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(problem.getText()).isEmpty();
        assertThat(url.getPseudoClassStates()).extracting(Object::toString).doesNotContain("danger");
        assertThat(store.get(PROFILE, COURIER).orElseThrow().urlDelaySeconds()).isEqualTo(5);

        TextField all = field(robot, COURIER, "twiceAllDelay");
        robot.doubleClickOn(all).eraseText(3).write("601");
        robot.clickOn(url); // leaving the field checks it too
        assertThat(problem.getText()).contains("5 to 600 seconds");
        assertThat(store.get(PROFILE, COURIER).orElseThrow().allDelaySeconds()).isEqualTo(30);
    }

    @Test
    void switchingOffKeepsTheServiceAndRemoveForgetsIt(FxRobot robot) {
        robot.clickOn(robot.from(row(robot, COURIER)).lookup(".twice-on").queryAs(CheckBox.class));
        assertThat(store.get(PROFILE, COURIER).orElseThrow().on()).isFalse();
        robot.clickOn(robot.from(row(robot, COURIER)).lookup(".twice-remove").queryButton());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(store.get(PROFILE, COURIER)).isEmpty();
        assertThat(robot.lookup("#purgeTwice-" + COURIER).tryQuery()).isEmpty();
        assertThat(robot.lookup("#purgeTwiceEmpty").queryAs(Label.class).isVisible()).isTrue();

        // The console's offer, accepted while Settings is open, shows at once.
        robot.interact(() -> store.put(PROFILE, PurgeTwiceSetting.advised("NEWSHOP", "Northwind Shop")));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.from(row(robot, "NEWSHOP")).lookup(".twice-on").queryAs(CheckBox.class).getText())
                .startsWith("Northwind Shop");
        assertThat(robot.lookup("#purgeTwiceEmpty").queryAs(Label.class).isVisible()).isFalse();
    }
}
