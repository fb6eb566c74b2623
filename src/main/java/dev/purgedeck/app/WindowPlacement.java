package dev.purgedeck.app;

import java.util.Comparator;
import java.util.List;
import javafx.geometry.Rectangle2D;

/**
 * Where the main window opens: the remembered (or default) place and size, fitted into the usable area of one screen,
 * so that it never opens larger than the screen or partly off it.
 */
record WindowPlacement(double x, double y, double width, double height, double minWidth, double minHeight) {
    /** The smallest window the console is laid out for; smaller screens get the whole screen instead. */
    static final double MIN_WIDTH = 900;
    static final double MIN_HEIGHT = 600;

    /**
     * @param x NaN when no place is remembered: the window is then centred on {@code primary}
     * @param screens the visual bounds (without task bars) of every screen
     */
    static WindowPlacement fit(double x, double y, double width, double height, List<Rectangle2D> screens,
            Rectangle2D primary) {
        boolean placed = !Double.isNaN(x) && !Double.isNaN(y);
        Rectangle2D wanted = new Rectangle2D(placed ? x : primary.getMinX(), placed ? y : primary.getMinY(),
                Math.max(1, width), Math.max(1, height));
        // The screen holding most of the remembered window; a monitor unplugged since then leaves the primary one.
        Rectangle2D screen = placed ? screens.stream().filter(s -> overlap(s, wanted) > 0)
                .max(Comparator.comparingDouble(s -> overlap(s, wanted))).orElse(primary) : primary;
        double w = Math.min(width, screen.getWidth());
        double h = Math.min(height, screen.getHeight());
        boolean keep = placed && overlap(screen, wanted) > 0;
        double left = keep ? clamp(x, screen.getMinX(), screen.getMaxX() - w)
                : screen.getMinX() + (screen.getWidth() - w) / 2;
        double top = keep ? clamp(y, screen.getMinY(), screen.getMaxY() - h)
                : screen.getMinY() + (screen.getHeight() - h) / 2;
        return new WindowPlacement(left, top, w, h, Math.min(MIN_WIDTH, screen.getWidth()),
                Math.min(MIN_HEIGHT, screen.getHeight()));
    }

    private static double overlap(Rectangle2D a, Rectangle2D b) {
        double w = Math.min(a.getMaxX(), b.getMaxX()) - Math.max(a.getMinX(), b.getMinX());
        double h = Math.min(a.getMaxY(), b.getMaxY()) - Math.max(a.getMinY(), b.getMinY());
        return w > 0 && h > 0 ? w * h : 0;
    }

    private static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(v, max));
    }
}
