package dev.purgedeck.ui.purge;

import dev.purgedeck.fastly.ItemOutcome;
import dev.purgedeck.fastly.PurgeKind;
import dev.purgedeck.ui.common.CopyAs;
import dev.purgedeck.ui.common.Icons;
import dev.purgedeck.ui.common.RememberedColumns;
import java.util.List;
import java.util.function.Function;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;

/** One row per URL or key with its outcome, purge ID, status, time and message; a summary, copy and retry. */
final class ResultsView extends VBox {
    private final PurgeViewModel vm;
    private final TableView<ResultRow> table = new TableView<>();
    private final Label summary = new Label();
    /** Says what Copy purge IDs put on the clipboard; it fades after a few seconds. */
    private final Label copied = new Label();
    private final PauseTransition copiedFades = new PauseTransition(Duration.seconds(4));
    private final Label details = new Label();
    /** Styled like the table's cells, so its font is the one to measure their text in. */
    private final Label placeholder = new Label("Results of your purges appear here.");
    private final TableColumn<ResultRow, String> targetColumn = column("targetColumn", "Target", 250,
            r -> constant(shownTarget(r)), OverrunStyle.CENTER_ELLIPSIS);
    private final TableColumn<ResultRow, String> purgeIdColumn = column("purgeIdColumn", "Purge ID", 170,
            r -> text(r, o -> o.purgeId() == null ? "" : o.purgeId()), OverrunStyle.ELLIPSIS);
    private final TableColumn<ResultRow, String> messageColumn = column("messageColumn", "Message", 220,
            r -> text(r, ItemOutcome::message), OverrunStyle.ELLIPSIS);
    private final Button copy = new Button("Copy purge IDs");
    private final Button retry = new Button("Retry failed");
    private final Button sendUnsent = new Button("Purge the items not sent");
    private final Button purgeAgain = new Button("Purge again");
    private RememberedColumns widths;

    ResultsView(PurgeViewModel vm) {
        this.vm = vm;
        initializeParts();
        layoutParts();
        setupBindings();
        setupEventHandlers();
    }

    /** Copies the purge IDs of the selected rows, or of all rows when none is selected. */
    void copyPurgeIds() {
        String ids = vm.results().purgeIds(List.copyOf(table.getSelectionModel().getSelectedItems()));
        if (!ids.isEmpty()) {
            ClipboardContent content = new ClipboardContent();
            content.putString(ids);
            Clipboard.getSystemClipboard().setContent(content);
        }
        long count = ids.isEmpty() ? 0 : ids.lines().count();
        say(count == 0 ? "No purge IDs to copy" : "Copied " + count + (count == 1 ? " purge ID" : " purge IDs"));
    }

    /** Shows what a copy put on the clipboard, fading after a few seconds. */
    void say(String text) {
        copied.setText(text);
        copiedFades.playFromStart();
    }

    private void initializeParts() {
        table.setId("resultsTable");
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(placeholder);
        // Columns keep the width of their content; a narrow window scrolls sideways rather than cutting targets.
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        // Target first after the outcome and widest; the message comes last and takes what is left, since the
        // details below the table show it whole.
        table.getColumns().setAll(List.of(
                outcomeColumn(),
                VerdictColumn.create(),
                targetColumn,
                purgeIdColumn,
                column("httpColumn", "HTTP", 58, r -> text(r, o -> o.httpStatus() == 0 ? "" : Integer.toString(o.httpStatus())),
                        OverrunStyle.ELLIPSIS),
                column("timeColumn", "Time", 76, r -> text(r, o -> o.duration().toMillis() + " ms"), OverrunStyle.ELLIPSIS),
                messageColumn));
        // The message takes whatever width is left, so a wide window shows it without scrolling.
        messageColumn.prefWidthProperty().bind(Bindings.createDoubleBinding(() -> Math.max(220, table.getWidth() - 20
                - table.getColumns().stream().filter(c -> c != messageColumn).mapToDouble(TableColumn::getWidth).sum()),
                table.widthProperty(), targetColumn.widthProperty(), purgeIdColumn.widthProperty()));
        widths = RememberedColumns.attach(table, vm.resultColumns());
        details.setId("resultDetails");
        details.getStyleClass().add("result-details");
        details.setWrapText(true);
        details.setMinHeight(Region.USE_PREF_SIZE);
        summary.setId("resultSummary");
        summary.getStyleClass().add("result-summary");
        // A team notice's failure makes the line long: it wraps rather than squeezing the buttons to "…".
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        copy.setId("copyPurgeIds");
        copy.setGraphic(Icons.icon(Feather.COPY));
        Icons.describe(copy, "Copy the purge IDs of the selected rows, or all rows (Ctrl+Shift+C)");
        retry.setId("retryFailed");
        retry.setGraphic(Icons.icon(Feather.ROTATE_CW));
        Icons.describe(retry, "Purge the failed items again");
        copied.setId("copiedNote");
        copied.getStyleClass().add("muted");
        copiedFades.setOnFinished(e -> copied.setText(""));
        sendUnsent.setId("sendUnsent");
        sendUnsent.setGraphic(Icons.icon(Feather.SEND));
        Icons.describe(sendUnsent, "Purge the items the cancel stopped before they were sent");
        purgeAgain.setId("purgeAgain");
        purgeAgain.setGraphic(Icons.icon(Feather.REFRESH_CW));
        Icons.describe(purgeAgain, "Purge again the pages that still served the old copy (likely the shielding race)");
    }

    private void layoutParts() {
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, summary, spacer, copied, copy, purgeAgain, sendUnsent, retry);
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        List.of(copy, purgeAgain, sendUnsent, retry).forEach(b -> b.setMinWidth(Region.USE_PREF_SIZE));
        bar.getStyleClass().add("results-bar");
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().setAll(bar, table, details);
        setSpacing(8);
    }

    private void setupBindings() {
        table.setItems(vm.results().rows());
        summary.textProperty().bind(vm.results().summaryProperty());
        details.textProperty().bind(Bindings.createStringBinding(this::describeSelected,
                table.getSelectionModel().selectedItemProperty(), vm.results().summaryProperty(),
                Bindings.select(table.getSelectionModel().selectedItemProperty(), "verdict")));
        details.visibleProperty().bind(details.textProperty().isNotEmpty());
        details.managedProperty().bind(details.visibleProperty());
        copy.disableProperty().bind(Bindings.isEmpty(vm.results().rows()));
        sendUnsent.visibleProperty().bind(vm.results().hasUnsentProperty().and(vm.results().runningProperty().not()));
        sendUnsent.managedProperty().bind(sendUnsent.visibleProperty());
        purgeAgain.visibleProperty().bind(vm.results().hasOldCopyProperty().and(vm.results().runningProperty().not()));
        purgeAgain.managedProperty().bind(purgeAgain.visibleProperty());
        retry.disableProperty().bind(vm.results().hasFailuresProperty().not().or(vm.results().runningProperty()));
    }

    /** The selected row in full, wrapped: what a narrow column cuts short is readable here. */
    private String describeSelected() {
        ResultRow r = table.getSelectionModel().getSelectedItem();
        if (r == null) {
            return "";
        }
        ItemOutcome o = r.outcome();
        StringBuilder b = new StringBuilder(r.target()).append("\n").append(r.outcomeText());
        if (o != null && o.httpStatus() != 0) {
            b.append(" · HTTP ").append(o.httpStatus());
        }
        if (!r.purgeId().isEmpty()) {
            b.append(" · purge ID ").append(r.purgeId());
        }
        if (o != null && !o.message().isEmpty()) {
            b.append("\n").append(o.message());
        }
        String verdict = VerdictColumn.describe(r);
        return verdict.isEmpty() ? b.toString() : b.append("\n").append(verdict).toString();
    }

    private void setupEventHandlers() {
        // A new job replaces every row: show it from its first row, not where the last job was scrolled to.
        vm.results().rows().addListener((ListChangeListener<ResultRow>) c -> {
            while (c.next()) {
                if (c.wasAdded() && c.getFrom() == 0) {
                    // A column the user sized keeps that width, job after job.
                    fitUnlessUserSized(targetColumn, ResultsView::shownTarget, 160, 620);
                    table.scrollTo(0);
                    return;
                }
            }
        });
        // Purge IDs are known once a job ends: size their column to them then.
        vm.results().summaryProperty().addListener((o, was, now) -> {
            if (!now.isEmpty()) {
                fitUnlessUserSized(purgeIdColumn, ResultRow::purgeId, 90, 260);
            }
        });
        copy.setOnAction(e -> copyPurgeIds());
        CopyAs copyAs = new CopyAs(vm.results()::commands,
                () -> vm.results().requestsFor(List.copyOf(table.getSelectionModel().getSelectedItems())), this::say);
        table.setContextMenu(new ContextMenu(copyAs.items("resultsCopyAs").toArray(MenuItem[]::new)));
        retry.setOnAction(e -> vm.retryFailed());
        sendUnsent.setOnAction(e -> vm.sendUnsent());
        purgeAgain.setOnAction(e -> vm.purgeAgain());
    }

    private void fitUnlessUserSized(TableColumn<ResultRow, String> column, Function<ResultRow, String> text, double min,
                                    double max) {
        if (!widths.userSized(column)) {
            ColumnFit.fit(column, placeholder.getFont(), vm.results().rows(), text, min, max);
        }
    }

    private static TableColumn<ResultRow, String> column(String id, String title, double width,
                                                        Function<ResultRow, ObservableValue<String>> value,
                                                        OverrunStyle overrun) {
        TableColumn<ResultRow, String> c = new TableColumn<>(title);
        c.setId(id);
        c.setPrefWidth(width);
        // "HTTP" and "Time" stay whole (with room for the sort arrow): "H…" helped no one.
        c.setMinWidth(Math.min(width, 58));
        c.setCellValueFactory(f -> value.apply(f.getValue()));
        c.setCellFactory(col -> new TextCell(overrun));
        return c;
    }

    /** Text cut as the column wants, with the whole text in a tooltip when there is any. */
    private static final class TextCell extends TableCell<ResultRow, String> {
        TextCell(OverrunStyle overrun) {
            setTextOverrun(overrun);
        }

        @Override
        protected void updateItem(String text, boolean empty) {
            super.updateItem(text, empty);
            setText(empty ? null : text);
            setTooltip(empty || text == null || text.isEmpty() ? null : new Tooltip(text));
        }
    }

    private static String shownTarget(ResultRow r) {
        return r.kind() == PurgeKind.ALL ? "Everything on " + r.target() : r.target();
    }

    private static ObservableValue<String> constant(String s) {
        return Bindings.createStringBinding(() -> s);
    }

    private static ObservableValue<String> text(ResultRow r, Function<ItemOutcome, String> f) {
        return Bindings.createStringBinding(() -> r.outcome() == null ? "" : f.apply(r.outcome()), r.outcomeProperty());
    }

    private static TableColumn<ResultRow, Shown> outcomeColumn() {
        TableColumn<ResultRow, Shown> c = new TableColumn<>("Outcome");
        // Room for the icon and the longest words, "Marked stale" and "Unconfirmed".
        c.setPrefWidth(150);
        c.setMinWidth(140);
        c.setCellValueFactory(f -> Bindings.createObjectBinding(() -> new Shown(f.getValue().state(), f.getValue().outcomeText()),
                f.getValue().outcomeProperty()));
        c.setCellFactory(col -> new OutcomeCell());
        c.setId("outcomeColumn");
        return c;
    }

    /** A row's state with its words, compared by value so the cell redraws when either changes. */
    private record Shown(ResultRow.State state, String text) {
    }

    /** An icon and a word, coloured by outcome through style classes. */
    private static final class OutcomeCell extends TableCell<ResultRow, Shown> {
        @Override
        protected void updateItem(Shown shown, boolean empty) {
            super.updateItem(shown, empty);
            getStyleClass().removeAll("outcome-ok", "outcome-failed", "outcome-cancelled", "outcome-pending");
            if (empty || shown == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            String text = shown.text();
            switch (shown.state()) {
                case OK -> show(text, Feather.CHECK_CIRCLE, "outcome-ok");
                case FAILED -> show(text, Feather.X_CIRCLE, "outcome-failed");
                case CANCELLED -> show(text, Feather.SLASH, "outcome-cancelled");
                case PENDING -> show(text, Feather.CLOCK, "outcome-pending");
                default -> { }
            }
        }

        private void show(String text, Feather icon, String style) {
            setText(text);
            setGraphic(Icons.icon(icon));
            getStyleClass().add(style);
        }
    }
}
