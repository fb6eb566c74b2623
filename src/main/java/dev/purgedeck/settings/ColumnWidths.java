package dev.purgedeck.settings;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The widths a user gave the columns of one table (results, History), kept in the remembered state as
 * {@code "column=width;…"} under {@code columns.<table>}. Only columns the user resized are kept, so the others go
 * on sizing themselves to their content.
 */
public final class ColumnWidths {
    /** Narrower than this is a slip of the mouse or a damaged file, not a width anyone reads a column at. */
    static final double MIN = 24;
    static final double MAX = 4000;
    private final RememberedState state;
    private final Pref<String> key;

    public ColumnWidths(RememberedState state, String table) {
        this.state = state;
        this.key = new Pref<>("columns." + table, String.class, "");
    }

    /** The remembered widths by column; an unreadable entry is left out. */
    public Map<String, Double> get() {
        Map<String, Double> widths = new LinkedHashMap<>();
        for (String part : state.get(key).split(";")) {
            int eq = part.lastIndexOf('=');
            if (eq <= 0) {
                continue;
            }
            try {
                double w = Double.parseDouble(part.substring(eq + 1));
                if (w >= MIN && w <= MAX) {
                    widths.put(part.substring(0, eq), w);
                }
            } catch (NumberFormatException e) {
                // one damaged entry costs only that column its width
            }
        }
        return widths;
    }

    /** Remembers that the user gave {@code column} this width (ids hold no "=" or ";"). */
    public void put(Map<String, Double> changed) {
        Map<String, Double> widths = get();
        changed.forEach((column, w) -> {
            if (!column.contains("=") && !column.contains(";") && w >= MIN && w <= MAX) {
                widths.put(column, w);
            }
        });
        StringBuilder b = new StringBuilder();
        widths.forEach((column, w) -> b.append(b.isEmpty() ? "" : ";").append(column).append('=')
                .append(String.format(Locale.ROOT, "%.0f", w)));
        state.set(key, b.toString());
    }
}
