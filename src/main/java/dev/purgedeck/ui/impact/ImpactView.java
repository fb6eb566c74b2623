package dev.purgedeck.ui.impact;

import dev.purgedeck.stats.StatsSecond;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import javafx.collections.ListChangeListener;
import javafx.scene.Parent;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The Impact panel: per second, the edge hit ratio above, origin fetches and 5xx below, with a vertical line at
 * each purge. JavaFX's LineChart draws a few hundred points without trouble when animation and symbols are off.
 */
public final class ImpactView {
    private static final StringConverter<Number> SECONDS = new StringConverter<>() {
        @Override
        public String toString(Number n) {
            long s = Math.round(n.doubleValue());
            return s == 0 ? "0 s" : String.format(Locale.ROOT, "%+d s", s);
        }

        @Override
        public Number fromString(String text) {
            return Long.parseLong(text.replace(" s", "").replace("+", ""));
        }
    };
    private final ImpactViewModel vm;
    private final VBox root = new VBox(6);
    private final Label message = new Label();
    private final Label summary = new Label();
    private final LineChart<Number, Number> ratio = chart("%", "impactHitRatio");
    private final LineChart<Number, Number> origin = chart("per s", "impactOrigin");
    private final ImpactLegend legend = new ImpactLegend();

    public ImpactView(ImpactViewModel vm) {
        this.vm = vm;
        ((NumberAxis) ratio.getYAxis()).setAutoRanging(false);
        ((NumberAxis) ratio.getYAxis()).setUpperBound(100);
        ((NumberAxis) ratio.getYAxis()).setTickUnit(20);
        message.setId("impactMessage");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        message.visibleProperty().bind(message.managedProperty());
        summary.setId("impactSummary");
        summary.setWrapText(true);
        // Two lines in a narrow window rather than an ellipsis: the panel's minimum height counts them.
        summary.setMinHeight(Region.USE_PREF_SIZE);
        summary.textProperty().bind(vm.summaryProperty());
        summary.getStyleClass().add("impact-summary");
        // Side by side: the console is short at 800 px, and both charts share the time axis at a glance.
        HBox charts = new HBox(4, ratio, origin, legend.root());
        HBox.setHgrow(ratio, Priority.ALWAYS);
        HBox.setHgrow(origin, Priority.ALWAYS);
        VBox.setVgrow(charts, Priority.ALWAYS);
        // The summary on top: on a short window the console's split leaves the charts' bottom edge out of view.
        root.getChildren().addAll(message, summary, charts);
        root.setId("impactPanel");
        ListChangeListener<Object> redraw = c -> redraw();
        vm.seconds().addListener(redraw);
        vm.markers().addListener(redraw);
    }

    public Parent root() {
        return root;
    }

    private static LineChart<Number, Number> chart(String title, String id) {
        NumberAxis x = new NumberAxis();
        // The ticks say "+30 s" instead of an axis label under them: a short window keeps that line for the plot.
        x.setTickLabelFormatter(SECONDS);
        x.setForceZeroInRange(false);
        NumberAxis y = new NumberAxis();
        y.setForceZeroInRange(true);
        y.setLabel(title);
        LineChart<Number, Number> c = new LineChart<>(x, y);
        // No title row and short axis labels, the lines named by the one legend beside both charts: at 800 px the
        // panel gets about 200 px, and a title and a legend under the axis left the bottom of the chart cut off.
        c.setLegendVisible(false);
        c.setId(id);
        c.getStyleClass().add("impact-chart");
        c.setAnimated(false);
        c.setCreateSymbols(false);
        // A plot of at least 120 px under the axis's ticks and the chart's padding (ImpactPanelTest measures it).
        c.setMinHeight(156);
        c.setMinWidth(200);
        Tooltip.install(c, new Tooltip("Per second, from 2 minutes before the purge (0 s) until now"));
        return c;
    }

    /** Bounded lists, so a full redraw is cheaper than keeping series in step point by point. */
    private void redraw() {
        List<StatsSecond> s = List.copyOf(vm.seconds());
        long zero = vm.markers().isEmpty() ? (s.isEmpty() ? 0 : s.get(s.size() - 1).recorded())
                : vm.markers().get(0).second();
        XYChart.Series<Number, Number> hit = series("Hit ratio", s, zero, x -> x.hitRatio() * 100);
        hit.getData().removeIf(d -> Double.isNaN(d.getYValue().doubleValue()));
        XYChart.Series<Number, Number> fetches = series("Origin fetches", s, zero, StatsSecond::originFetches);
        XYChart.Series<Number, Number> errors = series("5xx", s, zero, StatsSecond::status5xx);
        // The marker spans the taller of the two lines: 5xx can exceed the fetches of an origin that struggles.
        double top = Math.max(1, java.util.stream.Stream.concat(fetches.getData().stream(), errors.getData().stream())
                .mapToDouble(d -> d.getYValue().doubleValue()).max().orElse(1));
        ratio.getData().setAll(List.of(hit));
        origin.getData().setAll(List.of(fetches, errors));
        List<String> purges = new java.util.ArrayList<>();
        for (ImpactViewModel.Marker m : vm.markers()) {
            XYChart.Series<Number, Number> onRatio = marker(m, zero, 100);
            ratio.getData().add(onRatio);
            origin.getData().add(marker(m, zero, top));
            purges.add(onRatio.getName());
        }
        // Once every series is in: adding a series gives the chart's lines their default classes again.
        ratio.getData().forEach(x -> ImpactLegend.style(x, x == hit ? ImpactLegend.HIT : ImpactLegend.MARKER));
        origin.getData().forEach(x -> ImpactLegend.style(x, x == fetches ? ImpactLegend.FETCHES
                : x == errors ? ImpactLegend.ERRORS : ImpactLegend.MARKER));
        legend.show(purges);
    }

    private static XYChart.Series<Number, Number> series(String name, List<StatsSecond> s, long zero,
            ToDoubleFunction<StatsSecond> y) {
        XYChart.Series<Number, Number> out = new XYChart.Series<>();
        out.setName(name);
        for (StatsSecond x : s) {
            out.getData().add(new XYChart.Data<>(x.recorded() - zero, y.applyAsDouble(x)));
        }
        return out;
    }

    /** A purge as a vertical line named by its label, so the legend says which purge it is. */
    private static XYChart.Series<Number, Number> marker(ImpactViewModel.Marker m, long zero, double top) {
        XYChart.Series<Number, Number> line = new XYChart.Series<>();
        line.setName("Purge: " + m.label());
        line.getData().add(new XYChart.Data<>(m.second() - zero, 0));
        line.getData().add(new XYChart.Data<>(m.second() - zero, top));
        return line;
    }
}
