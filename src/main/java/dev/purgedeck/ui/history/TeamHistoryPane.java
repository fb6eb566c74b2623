package dev.purgedeck.ui.history;

import dev.purgedeck.edge.Freshness;
import dev.purgedeck.team.TeamRow;
import dev.purgedeck.team.TeamSort;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

/** The History screen's Team scope: filters, a page of the team's purges with who made them, and paging. */
public final class TeamHistoryPane {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    private final BorderPane root = new BorderPane();
    private final TeamHistoryViewModel vm;
    private final ZoneId zone;

    public TeamHistoryPane(TeamHistoryViewModel vm, ZoneId zone) {
        this.vm = vm;
        this.zone = zone;
        root.setId("teamHistory");
        root.setTop(filters());
        root.setCenter(table());
        root.setBottom(paging());
        BorderPane.setMargin(root.getCenter(), new Insets(8, 0, 8, 0));
    }

    public Parent root() {
        return root;
    }

    private HBox filters() {
        TextField text = new TextField();
        text.setId("teamSearch");
        text.setPromptText("Target, service, purge ID or error contains…");
        text.textProperty().bindBidirectional(vm.textProperty());
        TextField user = new TextField();
        user.setId("teamUser");
        user.setPromptText("OS user");
        user.setPrefColumnCount(10);
        user.textProperty().bindBidirectional(vm.userProperty());
        ComboBox<String> outcome = new ComboBox<>();
        outcome.setId("teamOutcome");
        outcome.getItems().setAll("", "ok", "failed", "cancelled");
        outcome.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(String o) {
                return o == null || o.isEmpty() ? "Any outcome" : o;
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        outcome.valueProperty().bindBidirectional(vm.outcomeProperty());
        Button search = new Button("Search team");
        search.setId("teamSearchButton");
        search.setDefaultButton(true);
        search.disableProperty().bind(vm.busyProperty());
        search.setOnAction(e -> vm.search());
        text.setOnAction(e -> vm.search());
        user.setOnAction(e -> vm.search());
        HBox bar = new HBox(8, text, user, outcome, search);
        HBox.setHgrow(text, javafx.scene.layout.Priority.ALWAYS);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private TableView<TeamRow> table() {
        TableView<TeamRow> t = new TableView<>(vm.rows());
        t.setId("teamTable");
        t.setPlaceholder(new Label("Search to see the team's purges."));
        t.getColumns().add(column("Time", TeamSort.TIME, r -> TIME.format(r.time().atZone(zone)), 170));
        t.getColumns().add(column("Who", TeamSort.WHO, TeamRow::who, 200));
        t.getColumns().add(column("Profile", TeamSort.PROFILE, TeamRow::profile, 100));
        t.getColumns().add(column("Outcome", TeamSort.OUTCOME, TeamRow::outcome, 80));
        t.getColumns().add(column("Target", TeamSort.TARGET, TeamRow::target, 360));
        t.getColumns().add(column("Service", TeamSort.SERVICE,
                r -> r.serviceName() != null ? r.serviceName() : r.serviceId(), 120));
        // What was learnt after the purge, from the team's job notes: not sortable, the database sorts by entries.
        TableColumn<TeamRow, String> verdict = column("Verdict", null, r -> Freshness.labelOf(r.verdict()), 110);
        TableColumn<TeamRow, String> impact = column("Impact", null, TeamRow::impact, 220);
        verdict.setSortable(false);
        impact.setSortable(false);
        t.getColumns().add(verdict);
        t.getColumns().add(impact);
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        // A header click asks the database for the whole history in that order; sorting the page shown would order
        // only its 100 rows, and the next page would not follow on from them.
        t.setSortPolicy(table -> true);
        Runnable resort = () -> {
            TableColumn<TeamRow, ?> first = t.getSortOrder().isEmpty() ? null : t.getSortOrder().get(0);
            vm.sortBy(first == null ? null : (TeamSort) first.getUserData(),
                    first != null && first.getSortType() == TableColumn.SortType.ASCENDING);
        };
        t.getSortOrder().addListener((ListChangeListener<TableColumn<TeamRow, ?>>) c -> resort.run());
        t.getColumns().forEach(c -> c.sortTypeProperty().addListener((o, a, b) -> {
            if (t.getSortOrder().contains(c)) {
                resort.run();
            }
        }));
        return t;
    }

    private static TableColumn<TeamRow, String> column(String name, TeamSort sort, Function<TeamRow, String> value,
                                                       double width) {
        TableColumn<TeamRow, String> c = new TableColumn<>(name);
        c.setId("teamColumn" + name);
        c.setUserData(sort);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private HBox paging() {
        Label message = new Label();
        message.setId("teamMessage");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        // Newer and Older are true only of the time order; any other order pages back and forth.
        javafx.beans.binding.BooleanBinding byTime = Bindings.createBooleanBinding(
                () -> vm.sortProperty().get() == TeamSort.TIME, vm.sortProperty());
        Button previous = new Button();
        previous.textProperty().bind(Bindings.when(byTime.and(vm.ascendingProperty().not())).then("Newer")
                .otherwise(Bindings.when(byTime).then("Older").otherwise("Previous")));
        previous.setId("teamNewer");
        previous.disableProperty().bind(vm.pageProperty().isEqualTo(0).or(vm.busyProperty()));
        previous.setOnAction(e -> vm.previous());
        Button next = new Button();
        next.textProperty().bind(Bindings.when(byTime.and(vm.ascendingProperty().not())).then("Older")
                .otherwise(Bindings.when(byTime).then("Newer").otherwise("Next")));
        next.setId("teamOlder");
        next.disableProperty().bind(vm.hasNextProperty().not().or(vm.busyProperty()));
        next.setOnAction(e -> vm.next());
        HBox bar = new HBox(8, message, new javafx.scene.layout.Region(), previous, next);
        HBox.setHgrow(bar.getChildren().get(1), javafx.scene.layout.Priority.ALWAYS);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }
}
