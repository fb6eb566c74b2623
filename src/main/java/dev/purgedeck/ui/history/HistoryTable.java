package dev.purgedeck.ui.history;

import dev.purgedeck.edge.Freshness;
import dev.purgedeck.history.HistoryEntry;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * The history table. Sorting is done by the view model in the background with the core's comparators (sorting a
 * million rows through cell values on the UI thread would freeze the window), so each column carries its comparator.
 */
final class HistoryTable extends TableView<HistoryEntry> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MMM d HH:mm:ss", Locale.ROOT);

    HistoryTable(HistoryViewModel vm, ZoneId zone) {
        setId("historyTable");
        getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        setPlaceholder(new Label("No purges match. Purges you make appear here."));
        // Every column shares the width (so nothing is pushed out of sight at 1024 px, beside the details); the target,
        // what an editor looks for first, comes right after the time and has the largest share. The time is never cut.
        setColumnResizePolicy(CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        getColumns().setAll(List.of(
                column("Time", 135, 135, e -> TIME.format(e.time().atZone(zone)), Comparator.comparing(HistoryEntry::time)),
                targetColumn(),
                column("Outcome", 130, 90, e -> e.outcome().id() + (vm.laterPurged(e) ? " · purged later" : ""),
                        Comparator.comparing(HistoryEntry::outcome)),
                column("Verdict", 130, 70, HistoryTable::verdict, Comparator.comparing(HistoryTable::verdict)),
                column("Service", 110, 88, e -> e.serviceName() == null || e.serviceName().isBlank() ? nz(e.serviceId())
                        : e.serviceName(), Comparator.comparing(e -> nz(e.serviceName()) + nz(e.serviceId()),
                        String.CASE_INSENSITIVE_ORDER)),
                // Sandbox purges sit beside real ones: the profile and its kind of endpoint tell them apart.
                column("Profile", 110, 84, HistoryEntry::profileLabel, Comparator.comparing(HistoryEntry::profileLabel,
                        String.CASE_INSENSITIVE_ORDER)),
                column("Kind", 60, 60, e -> e.kind().id(), Comparator.comparing(HistoryEntry::kind)),
                column("Soft", 60, 60, e -> e.soft() ? "soft" : "hard", Comparator.comparing(HistoryEntry::soft)),
                column("HTTP", 64, 64, e -> e.httpStatus() == 0 ? "" : Integer.toString(e.httpStatus()),
                        Comparator.comparingInt(HistoryEntry::httpStatus)),
                // A purge ID is read and compared whole: never cut (about 22 characters, Fastly's and the sandbox's).
                column("Purge ID", 205, 205, e -> nz(e.purgeId()), Comparator.comparing(e -> nz(e.purgeId()))),
                column("Error", 150, 60, e -> nz(e.error()), Comparator.comparing(e -> nz(e.error())))));
        // Kind, soft/hard and the HTTP status are in the details pane (and the target shows its kind); hidden at first so
        // that the target keeps its room at 1024 px. The menu at the header's right shows them again. The time leaves
        // out the year for the same reason: the details and the date filter give it.
        setTableMenuButtonVisible(true);
        getColumns().stream().filter(c -> List.of("Kind", "Soft", "HTTP").contains(c.getText()))
                .forEach(c -> c.setVisible(false));
        setItems(vm.rows());
        // A success may mark older rows "purged later": their cells are drawn again when rows arrive.
        vm.rows().addListener((javafx.collections.ListChangeListener<HistoryEntry>) c -> refresh());
        setSortPolicy(table -> {
            vm.sortBy(comparator());
            return true;
        });
    }

    /** The order the user chose by clicking headers, or null for newest first. */
    @SuppressWarnings("unchecked")
    private Comparator<HistoryEntry> comparator() {
        Comparator<HistoryEntry> result = null;
        for (TableColumn<HistoryEntry, ?> c : getSortOrder()) {
            Comparator<HistoryEntry> one = (Comparator<HistoryEntry>) c.getUserData();
            if (c.getSortType() == TableColumn.SortType.DESCENDING) {
                one = one.reversed();
            }
            result = result == null ? one : result.thenComparing(one);
        }
        return result;
    }

    private static TableColumn<HistoryEntry, String> column(String title, double width, double min,
                                                           Function<HistoryEntry, String> text, Comparator<HistoryEntry> order) {
        TableColumn<HistoryEntry, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setMinWidth(min);
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(text.apply(f.getValue())));
        c.setUserData(order);
        c.getStyleClass().add("history-" + title.toLowerCase(Locale.ROOT).replace(' ', '-'));
        return c;
    }

    /** The target, cut in the middle when narrow (its host and its end tell targets apart), whole on hover. */
    private static TableColumn<HistoryEntry, String> targetColumn() {
        TableColumn<HistoryEntry, String> c = column("Target", 420, 180, HistoryEntry::target,
                Comparator.comparing(HistoryEntry::target));
        c.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
            {
                setTextOverrun(javafx.scene.control.OverrunStyle.CENTER_ELLIPSIS);
            }

            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                setTooltip(empty || text == null ? null : new javafx.scene.control.Tooltip(text));
            }
        });
        return c;
    }

    /** The verdict in a user's words; "" for an entry that was not verified (older files have none). */
    static String verdict(HistoryEntry e) {
        try {
            return e.verdict() == null ? "" : Freshness.of(e.verdict()).label();
        } catch (IllegalArgumentException unknown) {
            return e.verdict(); // a verdict a newer version wrote: shown as written rather than hidden
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
