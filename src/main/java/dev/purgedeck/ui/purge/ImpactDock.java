package dev.purgedeck.ui.purge;

import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.Region;

/**
 * Where the Impact panel goes in the console: under the results when the window has the height for the form, the
 * results and the charts at once, else in a tab beside the results (at 1024×700 the three did not fit, and the chart
 * was cut; at 1280x800 the results kept no row). The form keeps at least its minimum height, so the Purge button and
 * its warning stay whole.
 */
final class ImpactDock {
    /** Room a split pane's divider takes. */
    private static final double DIVIDER = 8;
    /** Height of the tabs' header row. */
    private static final double TAB_HEADER = 40;
    /** The charts' share of what the form leaves, when the results and the charts both fit. */
    private static final double PANEL_SHARE = 0.6;
    /** Room for three rows of the results table beyond the results' minimum (its summary and header). */
    private static final double RESULT_ROWS = 3 * 40;

    private final SplitPane work;
    private final Region form;
    private final Region results;
    private final Region panel;
    private final Tab resultsTab = new Tab("Results");
    private final Tab impactTab = new Tab("Impact");
    private final TabPane tabs = new TabPane(resultsTab, impactTab);
    private boolean open;
    private Boolean tabbed;
    private double resultsDivider;
    /** The results' minimum height at the last layout while stacked, or -1: what grows it is given room below. */
    private double resultsMin = -1;
    private final Runnable afterLayout = this::resultsGrew;

    /**
     * @param work    the console's vertical split: the form's row, then the results
     * @param form    the form's part of the first row, whose preferred height the row keeps
     * @param results the results' part
     * @param panel   the Impact panel
     */
    ImpactDock(SplitPane work, Region form, Region results, Region panel) {
        this.work = work;
        this.form = form;
        this.results = results;
        this.panel = panel;
        resultsTab.setId("resultsTab");
        impactTab.setId("impactTab");
        resultsTab.setClosable(false);
        impactTab.setClosable(false);
        tabs.setId("resultsImpactTabs");
        work.heightProperty().addListener((o, was, now) -> {
            if (open) {
                place(false);
            }
        });
        if (work.getScene() != null) {
            work.getScene().addPostLayoutPulseListener(afterLayout);
        }
        work.sceneProperty().addListener((o, was, now) -> {
            if (was != null) {
                was.removePostLayoutPulseListener(afterLayout);
            }
            if (now != null) {
                now.addPostLayoutPulseListener(afterLayout);
            }
        });
    }

    /**
     * After a layout with the panel under the results: when the results need more height than before (the purge-twice
     * offer appeared above them), the charts give it up, down to their minimum, so the results keep their rows (they
     * kept about two until the window was resized). The dividers move for nothing else, so one the user dragged stays.
     */
    private void resultsGrew() {
        if (!open || !Boolean.FALSE.equals(tabbed) || work.getDividers().size() != 2 || work.getHeight() <= 0) {
            resultsMin = -1;
            return;
        }
        double w = work.getWidth();
        double min = results.minHeight(w);
        double grew = resultsMin < 0 ? 0 : min - resultsMin;
        resultsMin = min;
        if (grew < 1) {
            return;
        }
        place(false); // the results and the charts may no longer fit under the form at all: then tabs
        if (!Boolean.FALSE.equals(tabbed)) {
            resultsMin = -1;
            return;
        }
        double room = Math.max(0, panel.getHeight() - panel.minHeight(w));
        double move = Math.min(grew, room);
        if (move >= 1) {
            SplitPane.Divider below = work.getDividers().get(1);
            below.setPosition(Math.min(1, below.getPosition() + move / work.getHeight()));
        }
    }

    /** Whether the panel shares a tab pane with the results (the window is too short for both at once). */
    boolean tabbed() {
        return Boolean.TRUE.equals(tabbed);
    }

    void show() {
        if (open) {
            return;
        }
        open = true;
        resultsDivider = work.getDividers().isEmpty() ? 0.5 : work.getDividers().get(0).getPosition();
        tabbed = null;
        place(true);
    }

    void hide() {
        if (!open) {
            return;
        }
        open = false;
        tabbed = null;
        resultsTab.setContent(null);
        impactTab.setContent(null);
        work.getItems().setAll(work.getItems().get(0), results);
        divide(resultsDivider);
    }

    /**
     * Looks again whether the panel fits under the results, e.g. once its summary took a second line; the dividers
     * move only when the panel changes place, so a divider the user dragged stays.
     */
    void recheck() {
        if (open) {
            place(false);
        }
    }

    /** Puts the panel where it fits; {@code opening} shows it in front when it goes into a tab. */
    private void place(boolean opening) {
        double h = work.getHeight();
        double w = work.getWidth();
        double formHeight = form.prefHeight(form.getWidth() > 0 ? form.getWidth() : -1);
        double panelHeight = panel.minHeight(w);
        double resultsHeight = results.minHeight(w) + RESULT_ROWS;
        // Stacked only when the results keep room for rows under the form and the charts: at 1280x800 they had
        // their summary and header and no row.
        boolean cramped = h < formHeight + resultsHeight + panelHeight + 2 * DIVIDER;
        // A tab pane asks for no height of its own: this minimum makes the split keep the charts whole.
        tabs.setMinHeight(panelHeight + TAB_HEADER);
        if (tabbed != null && tabbed == cramped) {
            return;
        }
        tabbed = cramped;
        double top = h <= 0 ? 0.42 : Math.min(0.9, (formHeight + 1) / h);
        if (cramped) {
            resultsTab.setContent(results);
            impactTab.setContent(panel);
            work.getItems().setAll(work.getItems().get(0), tabs);
            // The form keeps its minimum (the Purge button and its warning whole) and the tabs get the rest: the
            // same height serves the charts and, a click away, the results, whose notice and summary left the table
            // no row when the tabs had only the charts' minimum (1280x800 with the purge-twice offer).
            double below = panelHeight + TAB_HEADER + DIVIDER;
            double formMin = form.minHeight(form.getWidth() > 0 ? form.getWidth() : -1);
            divide(h <= 0 ? 0.42 : Math.max(0.1, Math.min((formMin + 1) / h, 1 - below / h)));
            if (opening) {
                tabs.getSelectionModel().select(impactTab);
            }
        } else {
            resultsTab.setContent(null);
            impactTab.setContent(null);
            work.getItems().setAll(work.getItems().get(0), results, panel);
            double rest = Math.max(0, h - formHeight - 2 * DIVIDER);
            double chart = Math.max(panelHeight, Math.min(rest * PANEL_SHARE, rest - resultsHeight));
            divide(top, h <= 0 ? 0.5 : Math.max(top, 1 - chart / h));
        }
    }

    /**
     * Sets the dividers now and once more after the next layout: with new items, the split pane's skin first clamps
     * the positions against the sizes it laid the old items out with (the tabs' divider went to 1.0, then to the
     * tabs' minimum), which would leave the results the least room instead of what was set here.
     */
    private void divide(double... positions) {
        work.setDividerPositions(positions);
        Scene scene = work.getScene();
        if (scene == null) {
            return;
        }
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            work.setDividerPositions(positions);
        };
        scene.addPostLayoutPulseListener(once[0]);
    }
}
