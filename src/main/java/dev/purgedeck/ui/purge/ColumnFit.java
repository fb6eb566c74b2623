package dev.purgedeck.ui.purge;

import java.util.function.Function;
import javafx.scene.control.TableColumn;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/** Sizes a results column to the widest text it shows, within bounds, so short values are never cut. */
final class ColumnFit {
    /** Room for the cell's padding and a little air, so text that fits exactly is not ellipsized by rounding. */
    private static final double PADDING = 28;
    /** Measuring every row of a 10,000-key job would stall the UI thread; the first rows are representative. */
    private static final int SAMPLE = 500;

    private ColumnFit() {
    }

    /**
     * Gives {@code column} the width of its widest value among the first rows and its title, measured in the
     * table's {@code font}, from min to max.
     */
    static void fit(TableColumn<ResultRow, ?> column, Font font, Iterable<ResultRow> rows,
                    Function<ResultRow, String> text, double min, double max) {
        Text probe = new Text();
        probe.setFont(font == null ? Font.getDefault() : font);
        double widest = width(probe, column.getText());
        int seen = 0;
        for (ResultRow r : rows) {
            if (seen++ == SAMPLE) {
                break;
            }
            widest = Math.max(widest, width(probe, text.apply(r)));
        }
        column.setPrefWidth(Math.max(min, Math.min(max, widest + PADDING)));
    }

    private static double width(Text probe, String s) {
        probe.setText(s == null ? "" : s);
        return probe.getLayoutBounds().getWidth();
    }
}
