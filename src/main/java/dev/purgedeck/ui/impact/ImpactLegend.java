package dev.purgedeck.ui.impact;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * One legend beside both charts instead of one per chart: at 1024 px two legend columns left each plot too narrow.
 * Each line is styled by a class the legend's swatch shares, so a line and its name have one colour in both themes.
 */
final class ImpactLegend {
    static final String HIT = "impact-hit";
    static final String FETCHES = "impact-fetches";
    static final String ERRORS = "impact-errors";
    static final String MARKER = "impact-marker";

    private final VBox root = new VBox(2);

    ImpactLegend() {
        root.setId("impactLegend");
        root.getStyleClass().add("impact-legend");
        root.setMinWidth(Region.USE_PREF_SIZE);
    }

    Node root() {
        return root;
    }

    /** Names the lines drawn: the three measures, then one line per purge marked. */
    void show(List<String> purges) {
        List<Node> items = new ArrayList<>(List.of(item("Hit ratio", HIT), item("Origin fetches", FETCHES),
                item("5xx", ERRORS)));
        purges.forEach(p -> items.add(item(p, MARKER)));
        root.getChildren().setAll(items);
    }

    /** Gives a series' line the style its legend item shows; the line exists once the series is in a chart. */
    static void style(XYChart.Series<Number, Number> series, String styleClass) {
        if (series.getNode() != null) {
            series.getNode().getStyleClass().add(styleClass);
        }
    }

    private static Label item(String text, String styleClass) {
        Region swatch = new Region();
        swatch.getStyleClass().addAll("impact-swatch", styleClass);
        Label l = new Label(text, swatch);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }
}
