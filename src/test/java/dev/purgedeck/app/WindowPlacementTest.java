package dev.purgedeck.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

/** The window opens inside the usable area of a screen, whatever size and place were remembered. */
class WindowPlacementTest {
    private static final Rectangle2D SMALL = new Rectangle2D(0, 0, 1024, 700);
    private static final Rectangle2D RIGHT = new Rectangle2D(1024, 0, 1920, 1050);

    @Test
    void theDefaultSizeOnASmallScreenShrinksToTheScreen() {
        WindowPlacement p = WindowPlacement.fit(Double.NaN, Double.NaN, 1240, 800, List.of(SMALL), SMALL);

        assertThat(p).isEqualTo(new WindowPlacement(0, 0, 1024, 700, 900, 600));
    }

    @Test
    void aWindowThatFitsIsCentredWhenNoPlaceIsRemembered() {
        WindowPlacement p = WindowPlacement.fit(Double.NaN, Double.NaN, 1000, 600, List.of(SMALL), SMALL);

        assertThat(p).isEqualTo(new WindowPlacement(12, 50, 1000, 600, 900, 600));
    }

    @Test
    void aRememberedPlacePartlyOffTheScreenIsPulledBackOntoIt() {
        WindowPlacement p = WindowPlacement.fit(500, 400, 1000, 600, List.of(SMALL), SMALL);

        assertThat(p).isEqualTo(new WindowPlacement(24, 100, 1000, 600, 900, 600));
    }

    @Test
    void aWindowStaysOnTheSecondScreenItWasLeftOnAndFitsThatScreen() {
        WindowPlacement p = WindowPlacement.fit(1500, 900, 2500, 1400, List.of(SMALL, RIGHT), SMALL);

        assertThat(p).isEqualTo(new WindowPlacement(1024, 0, 1920, 1050, 900, 600));
    }

    @Test
    void aPlaceOnAScreenUnpluggedSinceIsReplacedByTheCentreOfThePrimaryScreen() {
        WindowPlacement p = WindowPlacement.fit(3000, 200, 800, 600, List.of(SMALL), SMALL);

        assertThat(p).isEqualTo(new WindowPlacement(112, 50, 800, 600, 900, 600));
    }

    @Test
    void aScreenSmallerThanTheConsoleMinimumLowersTheMinimumToTheScreen() {
        Rectangle2D tiny = new Rectangle2D(0, 0, 800, 560);

        WindowPlacement p = WindowPlacement.fit(Double.NaN, Double.NaN, 1240, 800, List.of(tiny), tiny);

        assertThat(p).isEqualTo(new WindowPlacement(0, 0, 800, 560, 800, 560));
    }
}
