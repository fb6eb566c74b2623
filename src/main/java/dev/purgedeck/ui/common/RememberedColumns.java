package dev.purgedeck.ui.common;

import dev.purgedeck.settings.ColumnWidths;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.MouseEvent;

/**
 * Gives a table's columns the widths the user dragged them to last time, and remembers each new drag. Only a drag
 * on the header counts: widths the table sets itself (sized to content, shared out) are not the user's choice.
 */
public final class RememberedColumns {
    private final TableView<?> table;
    private final ColumnWidths widths;
    private final Map<String, Double> userSized;
    private Map<String, Double> beforeDrag = Map.of();

    private RememberedColumns(TableView<?> table, ColumnWidths widths) {
        this.table = table;
        this.widths = widths;
        this.userSized = new HashMap<>(widths.get());
    }

    /** Restores {@code table}'s remembered widths and remembers the user's next drags of a column border. */
    public static RememberedColumns attach(TableView<?> table, ColumnWidths widths) {
        RememberedColumns r = new RememberedColumns(table, widths);
        for (TableColumn<?, ?> c : table.getColumns()) {
            Double w = r.userSized.get(key(c));
            if (w != null && !c.prefWidthProperty().isBound()) {
                c.setPrefWidth(w);
            }
        }
        table.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            if (onHeader(e)) {
                r.beforeDrag = r.current();
            }
        });
        table.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> r.dragEnded());
        return r;
    }

    /** Whether the user sized this column (now or in an earlier session): the table must not resize it itself. */
    public boolean userSized(TableColumn<?, ?> column) {
        return userSized.containsKey(key(column));
    }

    private void dragEnded() {
        Map<String, Double> now = current();
        Map<String, Double> changed = new LinkedHashMap<>();
        now.forEach((k, w) -> {
            Double was = beforeDrag.get(k);
            if (was != null && Math.abs(was - w) >= 1) {
                changed.put(k, w);
            }
        });
        beforeDrag = Map.of();
        // A table that shares its width out among the columns does so in proportion to each one's width: only all
        // of them together give back the layout the user made.
        if (!changed.isEmpty()) {
            Map<String, Double> kept = table.getColumnResizePolicy() == TableView.UNCONSTRAINED_RESIZE_POLICY ? changed : now;
            userSized.putAll(kept);
            widths.put(kept);
        }
    }

    /** A press on the header row, where column borders are dragged; a click on a row is no resize. */
    private static boolean onHeader(MouseEvent e) {
        for (Node n = e.getPickResult().getIntersectedNode(); n != null; n = n.getParent()) {
            if (n.getStyleClass().contains("column-header-background")) {
                return true;
            }
        }
        return false;
    }

    private Map<String, Double> current() {
        Map<String, Double> now = new LinkedHashMap<>();
        for (TableColumn<?, ?> c : table.getVisibleLeafColumns()) {
            now.put(key(c), c.getWidth());
        }
        return now;
    }

    private static String key(TableColumn<?, ?> c) {
        return c.getId() != null ? c.getId() : c.getText();
    }
}
