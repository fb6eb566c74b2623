package dev.purgedeck.ui.history;

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
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    HistoryTable(HistoryViewModel vm, ZoneId zone) {
        setId("historyTable");
        getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        setPlaceholder(new Label("No purges match. Purges you make appear here."));
        setColumnResizePolicy(CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        getColumns().setAll(List.of(
                column("Time", 162, e -> TIME.format(e.time().atZone(zone)), Comparator.comparing(HistoryEntry::time)),
                column("Service", 140, e -> e.serviceName() == null || e.serviceName().isBlank() ? nz(e.serviceId()) : e.serviceName(),
                        Comparator.comparing(e -> nz(e.serviceName()) + nz(e.serviceId()), String.CASE_INSENSITIVE_ORDER)),
                column("Kind", 56, e -> e.kind().id(), Comparator.comparing(HistoryEntry::kind)),
                column("Soft", 56, e -> e.soft() ? "soft" : "hard", Comparator.comparing(HistoryEntry::soft)),
                column("Outcome", 90, e -> e.outcome().name().toLowerCase(Locale.ROOT), Comparator.comparing(HistoryEntry::outcome)),
                column("HTTP", 58, e -> e.httpStatus() == 0 ? "" : Integer.toString(e.httpStatus()),
                        Comparator.comparingInt(HistoryEntry::httpStatus)),
                column("Purge ID", 236, e -> nz(e.purgeId()), Comparator.comparing(e -> nz(e.purgeId()))),
                // Last, so it takes the room that is left: targets are long and vary most.
                column("Target", 260, HistoryEntry::target, Comparator.comparing(HistoryEntry::target))));
        for (TableColumn<HistoryEntry, ?> c : getColumns().subList(0, getColumns().size() - 1)) {
            c.setMinWidth(c.getPrefWidth());
        }
        setItems(vm.rows());
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

    private static TableColumn<HistoryEntry, String> column(String title, double width, Function<HistoryEntry, String> text,
                                                           Comparator<HistoryEntry> order) {
        TableColumn<HistoryEntry, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(text.apply(f.getValue())));
        c.setUserData(order);
        c.getStyleClass().add("history-" + title.toLowerCase(Locale.ROOT).replace(' ', '-'));
        return c;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
