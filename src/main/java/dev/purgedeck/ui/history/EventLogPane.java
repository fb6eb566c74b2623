package dev.purgedeck.ui.history;

import dev.purgedeck.fastly.FastlyEvent;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The collapsible "From Fastly's event log" part under the History table. */
final class EventLogPane {
    static final String SOURCE = "from Fastly's event log";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private EventLogPane() {
    }

    static TitledPane build(EventLogViewModel vm, ZoneId zone) {
        Button check = new Button("Check Fastly's event log");
        check.setId("eventLogCheck");
        check.disableProperty().bind(vm.busyProperty());
        check.setOnAction(e -> vm.check());
        Label status = new Label();
        status.setId("eventLogStatus");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        HBox.setHgrow(status, Priority.ALWAYS);
        TableView<FastlyEvent> table = new TableView<>(vm.rows());
        table.setId("eventLogTable");
        table.setPrefHeight(140);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setPlaceholder(new Label("Nothing to show: check the log to see purge-alls made outside PurgeDeck."));
        table.getColumns().setAll(java.util.List.of(
                column("Time", e -> TIME.format(e.createdAt().atZone(zone))),
                column("What", e -> "purge all · " + SOURCE),
                column("Service", vm::serviceLabel),
                column("User ID", e -> e.admin() ? "Fastly staff" : e.userId()),
                column("IP", FastlyEvent::ip)));
        VBox box = new VBox(8, new HBox(8, check, status), table);
        TitledPane pane = new TitledPane("Purge-alls made outside PurgeDeck (" + SOURCE + ")", box);
        pane.setId("eventLogPane");
        pane.setExpanded(false);
        // Opening the part is the request to read the log: no request with the token unless the user asks.
        pane.expandedProperty().addListener((o, a, open) -> {
            if (open && vm.rows().isEmpty()) {
                vm.check();
            }
        });
        return pane;
    }

    private static TableColumn<FastlyEvent, String> column(String title, Function<FastlyEvent, String> text) {
        TableColumn<FastlyEvent, String> c = new TableColumn<>(title);
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(text.apply(f.getValue())));
        return c;
    }
}
