package dev.purgedeck.ui.history;

import java.util.List;
import javafx.application.Platform;
import javafx.beans.Observable;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * History's filters: on one line when the window has the width for every choice to show its value whole, else the
 * search and the dates on the first line and the other choices wrapping below it (at 1024 px one line cut them to
 * "All…" and "Fro").
 */
final class FilterRow {
    private static final double GAP = 8;
    /** The narrowest the search box gets on the one line before the choices move below it. */
    private static final double SEARCH_MIN = 220;
    /** A combo box's arrow button and its cell's padding, beside the value's text. */
    private static final double ARROW_AND_PADDING = 56;

    private final TextField search;
    private final Node reset;
    private final List<? extends Region> choices;
    private final List<? extends Region> besideSearch;
    private final HBox line = new HBox(GAP);
    private final FlowPane below = new FlowPane(GAP, 6);
    private final VBox root = new VBox(6, line);
    private Boolean oneLine;

    private FilterRow(TextField search, Node reset, List<? extends Region> choices,
            List<? extends Region> besideSearch) {
        this.search = search;
        this.reset = reset;
        this.choices = choices;
        this.besideSearch = besideSearch;
    }

    /**
     * @param choices      the filters that wrap below the search in a narrow window, each kept as wide as its value
     * @param besideSearch the filters that stay on the search's line (narrow ones of a fixed width: the dates)
     * @param contents     lists whose change may widen a choice (the profiles and services offered)
     */
    static Parent of(TextField search, Node reset, List<? extends Region> choices, List<? extends Region> besideSearch,
            Observable... contents) {
        FilterRow row = new FilterRow(search, reset, choices, besideSearch);
        choices.forEach(c -> c.setMinWidth(Region.USE_PREF_SIZE));
        besideSearch.forEach(c -> c.setMinWidth(Region.USE_PREF_SIZE));
        HBox.setHgrow(search, Priority.ALWAYS);
        row.line.setAlignment(Pos.CENTER_LEFT);
        row.below.setId("historyFilterChoices");
        row.root.setId("historyFilters");
        row.root.widthProperty().addListener((o, a, w) -> row.place());
        // A choice set to a longer value may no longer leave the search its room on the one line.
        choices.forEach(c -> c.prefWidthProperty().addListener(o -> row.placeAgainLater()));
        // A new, longer profile or service widens its choice once its list was laid out again.
        for (Observable c : contents) {
            c.addListener(o -> row.placeAgainLater());
        }
        row.place();
        return row.root;
    }

    /**
     * Sizes a choice to its current value rather than to the longest it offers (a profile with its endpoint, a
     * service with its ID), so "All profiles" takes little room; its open list still shows every value whole.
     */
    static void fitToValue(ComboBox<?> box) {
        Runnable fit = () -> {
            Text text = new Text(String.valueOf(box.getValue()));
            // The font the skin's cell draws with (the theme's), once the skin is there.
            text.setFont(box.getChildrenUnmodifiable().stream().filter(ListCell.class::isInstance)
                    .map(c -> ((ListCell<?>) c).getFont()).findFirst().orElse(Font.getDefault()));
            box.setPrefWidth(Math.ceil(text.getLayoutBounds().getWidth()) + ARROW_AND_PADDING);
        };
        box.valueProperty().addListener((o, a, v) -> fit.run());
        box.skinProperty().addListener((o, a, c) -> fit.run());
        box.sceneProperty().addListener((o, a, c) -> fit.run());
        fit.run();
    }

    /** After the change at hand (moving a choice between lines changes its scene and may resize it). */
    private void placeAgainLater() {
        Platform.runLater(() -> {
            oneLine = null;
            place();
        });
    }

    private void place() {
        double need = SEARCH_MIN + reset.prefWidth(-1) + GAP * (choices.size() + besideSearch.size() + 1)
                + choices.stream().mapToDouble(c -> c.prefWidth(-1)).sum()
                + besideSearch.stream().mapToDouble(c -> c.prefWidth(-1)).sum();
        boolean fits = root.getWidth() >= need;
        if (oneLine != null && oneLine == fits) {
            return;
        }
        oneLine = fits;
        line.getChildren().clear();
        below.getChildren().clear();
        if (fits) {
            line.getChildren().add(search);
            line.getChildren().addAll(choices);
            line.getChildren().addAll(besideSearch);
            line.getChildren().add(reset);
            root.getChildren().setAll(line);
        } else {
            line.getChildren().add(search);
            line.getChildren().addAll(besideSearch);
            line.getChildren().add(reset);
            below.getChildren().setAll(choices);
            root.getChildren().setAll(line, below);
        }
    }
}
