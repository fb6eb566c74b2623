package dev.purgedeck.testsupport;

import static dev.purgedeck.testsupport.ConsoleHarness.resize;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.testfx.api.FxRobot;

/** A {@link ConsoleTest} in a 1024×700 window, the smallest supported size. */
public abstract class SmallWindowTest extends ConsoleTest {
    @BeforeEach
    void smallWindow(FxRobot robot) {
        resize(robot, 1024, 700);
    }

    /** The stage is shared by every TestFX test of this run: the next test class gets it back at its usual size. */
    @AfterEach
    void usualWindow(FxRobot robot) {
        resize(robot, 1240, 800);
    }
}
