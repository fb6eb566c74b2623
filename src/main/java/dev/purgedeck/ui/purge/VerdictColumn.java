package dev.purgedeck.ui.purge;

import dev.purgedeck.edge.Freshness;
import dev.purgedeck.edge.PageVerdict;
import dev.purgedeck.ui.common.Icons;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.feather.Feather;

/** The results' Verdict column: an icon and the verdict's words, its reason on hover; empty until one arrives. */
final class VerdictColumn {
    private VerdictColumn() {
    }

    static TableColumn<ResultRow, PageVerdict> create() {
        TableColumn<ResultRow, PageVerdict> c = new TableColumn<>("Verdict");
        c.setId("verdictColumn");
        // Room for the icon and the longest words, "Not verified — no page to check".
        c.setPrefWidth(240);
        c.setMinWidth(120);
        c.setCellValueFactory(f -> f.getValue().verdictProperty());
        c.setCellFactory(col -> new VerdictCell());
        return c;
    }

    /** One line for the details below the table, or "" when the row has no verdict. */
    static String describe(ResultRow r) {
        return r.verdictText().isEmpty() ? "" : "Verdict: " + r.verdictText()
                + (r.verdictReason().isEmpty() ? "" : " — " + r.verdictReason());
    }

    private static final class VerdictCell extends TableCell<ResultRow, PageVerdict> {
        @Override
        protected void updateItem(PageVerdict v, boolean empty) {
            super.updateItem(v, empty);
            getStyleClass().removeAll("outcome-ok", "outcome-failed", "outcome-cancelled", "outcome-pending");
            if (empty || v == null) {
                setText(null);
                setGraphic(null);
                setTooltip(null);
                return;
            }
            Freshness f = v.freshness();
            setText(v.words());
            setGraphic(Icons.icon(icon(f)));
            getStyleClass().add(style(f));
            setTooltip(v.reason().isEmpty() ? null : new Tooltip(v.reason()));
        }

        private static Feather icon(Freshness f) {
            return switch (f) {
                case FRESH -> Feather.CHECK_CIRCLE;
                case REFRESHING -> Feather.REFRESH_CW;
                case OLD_COPY -> Feather.ALERT_TRIANGLE;
                case NOT_CACHED -> Feather.MINUS_CIRCLE;
                case CANT_TELL -> Feather.HELP_CIRCLE;
                case NOT_VERIFIED -> Feather.SLASH;
            };
        }

        /** The outcome column's colours: green fresh, red old copy, grey for what says nothing either way. */
        private static String style(Freshness f) {
            return switch (f) {
                case FRESH, NOT_CACHED -> "outcome-ok";
                case OLD_COPY -> "outcome-failed";
                case REFRESHING -> "outcome-pending";
                case CANT_TELL, NOT_VERIFIED -> "outcome-cancelled";
            };
        }
    }
}
