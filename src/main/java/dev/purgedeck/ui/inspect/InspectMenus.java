package dev.purgedeck.ui.inspect;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.value.ChangeListener;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.stage.WindowEvent;

/**
 * Adds an "Inspect" action wherever a URL is shown: the URL box (the selection, else the line under the cursor) and
 * the rows of the results and history tables. Added from outside those views, so they keep their own menus.
 */
public final class InspectMenus {
    private InspectMenus() {
    }

    /** The URL box: its usual edit actions plus "Inspect this URL". */
    public static void onUrlBox(TextArea box, Consumer<String> inspect) {
        MenuItem item = new MenuItem("Inspect this URL");
        item.setId("inspectUrlLine");
        item.setOnAction(e -> urlAtCaret(box.getText(), box.getCaretPosition(), box.getSelectedText())
                .ifPresent(inspect));
        ContextMenu menu = new ContextMenu(edit("Cut", box::cut), edit("Copy", box::copy), edit("Paste", box::paste),
                edit("Select all", box::selectAll), new SeparatorMenuItem(), item);
        menu.setOnShowing(e -> item.setDisable(urlAtCaret(box.getText(), box.getCaretPosition(),
                box.getSelectedText()).isEmpty()));
        box.setContextMenu(menu);
    }

    /** A table whose rows may hold a URL: "Inspect this URL" for the selected row, greyed out when it has none. */
    public static <T> void onRows(TableView<T> table, String id, Function<T, Optional<String>> urlOf,
                                  Consumer<String> inspect) {
        MenuItem item = new MenuItem("Inspect this URL");
        item.setId(id);
        Function<T, Optional<String>> safe = row -> row == null ? Optional.empty() : urlOf.apply(row);
        item.setOnAction(e -> safe.apply(table.getSelectionModel().getSelectedItem()).ifPresent(inspect));
        ContextMenu menu = table.getContextMenu() != null ? table.getContextMenu() : new ContextMenu();
        menu.getItems().add(item);
        menu.addEventHandler(WindowEvent.WINDOW_SHOWING, e -> item.setDisable(
                safe.apply(table.getSelectionModel().getSelectedItem()).isEmpty()));
        table.setContextMenu(menu);
    }

    /**
     * Runs {@code install} on the node {@code id} under {@code root} once it exists: nodes inside a split pane are
     * its children only after its skin is made, on the first layout of a scene.
     */
    public static void whenShown(Parent root, String id, Consumer<Node> install) {
        Node now = root.lookup(id);
        if (now != null) {
            install.accept(now);
            return;
        }
        Runnable[] check = new Runnable[1];
        ChangeListener<Scene> onScene = (o, a, scene) -> {
            if (scene != null) {
                scene.addPostLayoutPulseListener(check[0]);
            }
        };
        check[0] = () -> {
            Node n = root.lookup(id);
            if (n != null) {
                root.sceneProperty().removeListener(onScene);
                Optional.ofNullable(root.getScene()).ifPresent(s -> s.removePostLayoutPulseListener(check[0]));
                install.accept(n);
            }
        };
        root.sceneProperty().addListener(onScene);
        Optional.ofNullable(root.getScene()).ifPresent(s -> s.addPostLayoutPulseListener(check[0]));
    }

    /** The selection when there is one, else the line the cursor is on, when it looks like a web address. */
    static Optional<String> urlAtCaret(String text, int caret, String selection) {
        String candidate;
        if (selection != null && !selection.isBlank()) {
            candidate = selection.strip().lines().findFirst().orElse("");
        } else {
            int at = Math.max(0, Math.min(caret, text.length()));
            int start = text.lastIndexOf('\n', at - 1) + 1;
            int end = text.indexOf('\n', at);
            candidate = text.substring(start, end < 0 ? text.length() : end).strip();
        }
        String lower = candidate.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://") ? Optional.of(candidate) : Optional.empty();
    }

    private static MenuItem edit(String text, Runnable action) {
        MenuItem i = new MenuItem(text);
        i.setOnAction(e -> action.run());
        return i;
    }
}
