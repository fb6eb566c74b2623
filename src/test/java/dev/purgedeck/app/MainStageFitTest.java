package dev.purgedeck.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.context.AppContext;
import dev.purgedeck.settings.Pref;
import java.nio.file.Path;
import java.util.Map;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A window remembered larger than the screen and partly off it opens fitted inside the screen. */
@ExtendWith(ApplicationExtension.class)
class MainStageFitTest {
    @TempDir
    Path dataDir;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        AppContext.Basics basics = AppContext.Basics.open(dataDir);
        basics.preferences().set(Pref.WINDOW_WIDTH, 5000.0);
        basics.preferences().set(Pref.WINDOW_HEIGHT, 4000.0);
        basics.preferences().set(Pref.WINDOW_X, 200.0);
        basics.preferences().set(Pref.WINDOW_Y, 150.0);
        new MainStage(stage, basics, Map.of()).show();
    }

    @Test
    void opensInsideTheVisibleAreaOfTheScreen() {
        WaitForAsyncUtils.waitForFxEvents();
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();

        assertThat(stage.getWidth()).isEqualTo(screen.getWidth());
        assertThat(stage.getHeight()).isEqualTo(screen.getHeight());
        assertThat(stage.getX()).isEqualTo(screen.getMinX());
        assertThat(stage.getY()).isEqualTo(screen.getMinY());
    }
}
