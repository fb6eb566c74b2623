package dev.purgedeck.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.testsupport.ConsoleTest;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import javafx.scene.control.Label;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * A data folder any user may change is named in the Purge screen's problem line with the command that fixes it; the
 * check is read with the rest of the context, off the UI thread.
 */
class FolderWarningWindowTest extends ConsoleTest {
    @BeforeEach
    @Override
    protected void showConsole() throws Exception {
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxrwxrwx"));
        super.showConsole();
    }

    @Test
    void aFolderOthersMayChangeIsSaidOnThePurgeScreen(FxRobot robot) {
        assertThat(console.context().folderWarning()).get().asString().contains("any user");
        Label error = robot.lookup("#purgeError").queryAs(Label.class);
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).contains(dataDir.toString(), "any user", "chmod go-w " + dataDir);
    }
}
