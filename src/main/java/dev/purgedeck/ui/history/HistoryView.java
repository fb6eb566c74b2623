package dev.purgedeck.ui.history;

import dev.purgedeck.edge.Freshness;
import dev.purgedeck.fastly.ClientConfig;
import dev.purgedeck.fastly.JobRequest;
import dev.purgedeck.fastly.PurgeCommands;
import dev.purgedeck.fastly.PurgeKind;
import dev.purgedeck.fastly.PurgeOptions;
import dev.purgedeck.history.HistoryEntry;
import dev.purgedeck.settings.ColumnWidths;
import dev.purgedeck.ui.common.CopyAs;
import dev.purgedeck.ui.common.Icons;
import dev.purgedeck.ui.common.RememberedColumns;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;

/** The History screen: filter, browse and sort every purge; copy IDs, re-run, export, open the folder, clear. */
public final class HistoryView {
    private static final double DETAILS_BESIDE_FROM = 1200;
    private final HistoryViewModel vm;
    private final BorderPane root = new BorderPane();
    private final HistoryTable table;
    private final HistoryDetails details;
    private Supplier<PurgeCommands> commands = () -> new PurgeCommands(ClientConfig.FASTLY_API, true);
    private final TextField search = new TextField();
    private ToggleGroup rerunHow;

    /** @param columns the widths the user gave the table's columns, restored here and kept on each drag */
    public HistoryView(HistoryViewModel vm, ZoneId zone, ColumnWidths columns) {
        this.vm = vm;
        this.table = new HistoryTable(vm, zone);
        RememberedColumns.attach(table, columns);
        this.details = new HistoryDetails(vm, zone);
        root.setId("historyView");
        root.setTop(new VBox(8, filterBar(), statusBar()));
        SplitPane split = new SplitPane(table, details);
        split.setDividerPositions(0.72);
        SplitPane.setResizableWithParent(details, false);
        // Beside the table the details left the target and purge ID a few letters at 1024 px: in a narrow window
        // they go below it, and the table keeps the whole width.
        root.widthProperty().addListener((o, a, w) -> placeDetails(split, w.doubleValue()));
        root.setCenter(split);
        root.setBottom(actions());
        BorderPane.setMargin(split, new Insets(8, 0, 8, 0));
        root.setPadding(new Insets(12));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, e) -> details.show(e));
        // A note about the selected job (its impact summary, a verdict) shows the moment it is written.
        vm.notesArrivedProperty().addListener((o, a, n) -> details.show(table.getSelectionModel().getSelectedItem()));
    }

    /** Below the table when the window is narrow (under {@value #DETAILS_BESIDE_FROM} px), beside it otherwise. */
    private static void placeDetails(SplitPane split, double width) {
        Orientation want = width < DETAILS_BESIDE_FROM ? Orientation.VERTICAL : Orientation.HORIZONTAL;
        if (split.getOrientation() != want) {
            split.setOrientation(want);
            split.setDividerPositions(want == Orientation.VERTICAL ? 0.6 : 0.72);
        }
    }

    /** Adds the "from Fastly's event log" part under the actions: purge-alls made outside PurgeDeck. */
    public void setEventLog(EventLogViewModel eventLog, ZoneId zone) {
        root.setBottom(new VBox(8, root.getBottom(), EventLogPane.build(eventLog, zone)));
    }

    public Parent root() {
        return root;
    }

    /** Puts the cursor in the search box (Ctrl+F on this screen). */
    public void focusSearch() {
        search.requestFocus();
    }

    private javafx.scene.Parent filterBar() {
        HistoryFilter f = vm.filter();
        search.setId("historySearch");
        search.setPromptText("Search target, purge ID, error, job…");
        search.setAccessibleText("Search the history");
        // Re-filter shortly after typing stops, not on every key: a million rows take a moment.
        PauseTransition debounce = new PauseTransition(Duration.millis(150));
        debounce.setOnFinished(e -> f.textProperty().set(search.getText()));
        search.textProperty().addListener((o, a, b) -> debounce.playFromStart());
        f.textProperty().addListener((o, a, b) -> {
            if (!b.equals(search.getText())) {
                search.setText(b);
            }
        });
        ComboBox<HistoryFilter.ServiceChoice> service = new ComboBox<>(vm.services());
        service.setId("historyService");
        service.valueProperty().bindBidirectional(f.serviceProperty());
        neverBlank(service, HistoryFilter.ServiceChoice.ANY);
        FilterRow.fitToValue(service);
        ComboBox<HistoryFilter.ProfileChoice> profile = new ComboBox<>(vm.profiles());
        profile.setId("historyProfile");
        profile.setAccessibleText("Only purges made on this profile and endpoint");
        profile.setTooltip(new Tooltip("Only purges made on this profile (and its endpoint)"));
        profile.valueProperty().bindBidirectional(f.profileProperty());
        neverBlank(profile, HistoryFilter.ProfileChoice.ANY);
        FilterRow.fitToValue(profile);
        ChoiceBox<HistoryEntry.Outcome> outcome = new ChoiceBox<>();
        outcome.setId("historyOutcome");
        outcome.getItems().setAll(null, HistoryEntry.Outcome.OK, HistoryEntry.Outcome.FAILED, HistoryEntry.Outcome.CANCELLED);
        outcome.setConverter(named("Any outcome"));
        outcome.valueProperty().bindBidirectional(f.outcomeProperty());
        ChoiceBox<PurgeKind> kind = new ChoiceBox<>();
        kind.setId("historyKind");
        kind.getItems().setAll(null, PurgeKind.URL, PurgeKind.KEY, PurgeKind.ALL);
        kind.setConverter(named("Any kind"));
        kind.valueProperty().bindBidirectional(f.kindProperty());
        ChoiceBox<Freshness> verdict = new ChoiceBox<>();
        verdict.setId("historyVerdict");
        verdict.getItems().add(null);
        verdict.getItems().addAll(Freshness.values());
        verdict.setConverter(new StringConverter<>() {
            @Override
            public String toString(Freshness v) {
                return v == null ? "Any verdict" : v.label();
            }

            @Override
            public Freshness fromString(String s) {
                return null;
            }
        });
        verdict.valueProperty().bindBidirectional(f.verdictProperty());
        DatePicker from = datePicker("historyFrom", "From");
        from.valueProperty().bindBidirectional(f.fromProperty());
        DatePicker to = datePicker("historyTo", "To");
        to.valueProperty().bindBidirectional(f.toProperty());
        Button reset = Icons.iconButton(Feather.X_SQUARE, "Clear all filters");
        reset.setId("clearFilters");
        reset.setOnAction(e -> f.reset());
        for (var dep : f.dependencies()) {
            dep.addListener(o -> vm.refresh());
        }
        return FilterRow.of(search, reset, List.of(profile, service, outcome, kind, verdict), List.of(from, to),
                vm.profiles(), vm.services());
    }

    /**
     * A combo box can clear its value when its list changes under it (the choices are rebuilt as the history loads);
     * no value means "all" here, so it shows that choice rather than a blank box.
     */
    private static <T> void neverBlank(ComboBox<T> box, T all) {
        box.valueProperty().addListener((o, was, now) -> {
            if (now == null) {
                Platform.runLater(() -> {
                    if (box.getValue() == null) {
                        box.setValue(all);
                    }
                });
            }
        });
    }

    private HBox statusBar() {
        Label status = new Label();
        status.setId("historyStatus");
        status.textProperty().bind(vm.statusProperty());
        status.setMinWidth(Region.USE_PREF_SIZE);
        Label notice = new Label();
        notice.setId("historyNotice");
        notice.getStyleClass().add("notice");
        notice.setWrapText(true);
        notice.textProperty().bind(vm.noticeProperty());
        HBox bar = new HBox(16, status, notice);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private HBox actions() {
        Button copy = new Button("Copy purge IDs", Icons.icon(Feather.COPY));
        copy.setId("historyCopy");
        copy.setOnAction(e -> copy(vm.purgeIds(selection())));
        CopyAs copyAs = new CopyAs(() -> commands.get(), () -> requestsOf(selection()), vm::setNotice);
        table.setContextMenu(new ContextMenu(copyAs.items("historyCopyAs").toArray(MenuItem[]::new)));
        MenuButton rerun = new MenuButton("Re-run", Icons.icon(Feather.REPEAT));
        rerun.setId("rerunMenu");
        MenuItem job = item("rerunJob", "The whole job of the selected item",
                () -> selected().ifPresent(x -> vm.rerun(vm.job(x), rerunMode(), false)));
        MenuItem chosen = item("rerunSelection", "The selected items", () -> vm.rerun(selection(), rerunMode(), false));
        MenuItem failed = item("rerunFailed", "Only the failed items (of the selection, or of the job)",
                () -> vm.rerun(selection().size() > 1 ? selection() : selected().map(vm::job).orElse(List.of()), rerunMode(), true));
        ToggleGroup how = new ToggleGroup();
        for (HistoryViewModel.RerunMode m : HistoryViewModel.RerunMode.values()) {
            RadioMenuItem r = new RadioMenuItem(switch (m) {
                case AS_RECORDED -> "Soft or hard as before";
                case SOFT -> "All soft";
                case HARD -> "All hard";
            });
            r.setToggleGroup(how);
            r.setUserData(m);
            r.setSelected(m == HistoryViewModel.RerunMode.AS_RECORDED);
        }
        rerunHow = how;
        rerun.getItems().setAll(job, chosen, failed, new SeparatorMenuItem());
        how.getToggles().forEach(t -> rerun.getItems().add((MenuItem) t));
        var nothing = Bindings.isEmpty(table.getSelectionModel().getSelectedItems());
        copy.disableProperty().bind(nothing);
        rerun.disableProperty().bind(nothing);
        MenuButton export = new MenuButton("Export", Icons.icon(Feather.DOWNLOAD));
        export.setId("exportMenu");
        export.getItems().setAll(item("exportCsv", "The rows shown, as CSV…", () -> vm.exportShown(true)),
                item("exportJson", "The rows shown, as JSON…", () -> vm.exportShown(false)));
        Button folder = Icons.iconButton(Feather.FOLDER, "Open the folder that holds the history file");
        folder.setId("openDataFolder");
        folder.setOnAction(e -> openDataFolder());
        Button clear = new Button("Clear history…");
        clear.setId("clearHistory");
        clear.getStyleClass().add("danger");
        clear.setOnAction(e -> vm.clear());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, copy, rerun, spacer, export, folder, clear);
        bar.getChildren().forEach(n -> ((Region) n).setMinWidth(Region.USE_PREF_SIZE));
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    /** Who writes the rows as commands (Copy as curl / Fastly CLI): the current profile's endpoint. */
    public void setCommands(Supplier<PurgeCommands> commands) {
        this.commands = commands;
    }

    private List<JobRequest> requestsOf(List<HistoryEntry> entries) {
        return PurgeCommands.group(entries.stream().map(e -> new PurgeCommands.Item(e.kind(), e.serviceId(), e.target(),
                new PurgeOptions(e.soft(), "staging".equals(e.environment()) ? PurgeOptions.Environment.STAGING
                        : PurgeOptions.Environment.PRODUCTION))).toList());
    }

    private HistoryViewModel.RerunMode rerunMode() {
        return rerunHow.getSelectedToggle() == null ? HistoryViewModel.RerunMode.AS_RECORDED
                : (HistoryViewModel.RerunMode) rerunHow.getSelectedToggle().getUserData();
    }

    private static MenuItem item(String id, String text, Runnable action) {
        MenuItem i = new MenuItem(text);
        i.setId(id);
        i.setOnAction(e -> action.run());
        return i;
    }

    /** Opens the folder holding the history in the desktop's file manager, or says where it is. */
    public void openDataFolder() {
        java.nio.file.Path dir = vm.dataFolder();
        Thread t = new Thread(() -> {
            try {
                java.awt.Desktop.getDesktop().open(dir.toFile());
            } catch (Exception | Error e) {
                javafx.application.Platform.runLater(() -> {
                    copy(dir.toString());
                    vm.setNotice("Could not open a file manager here. The folder is " + dir + " (copied to the clipboard).");
                });
            }
        }, "open-data-folder");
        t.setDaemon(true);
        t.start();
    }

    private java.util.Optional<HistoryEntry> selected() {
        return java.util.Optional.ofNullable(table.getSelectionModel().getSelectedItem());
    }

    private List<HistoryEntry> selection() {
        return List.copyOf(table.getSelectionModel().getSelectedItems());
    }

    private static void copy(String text) {
        if (!text.isEmpty()) {
            ClipboardContent c = new ClipboardContent();
            c.putString(text);
            Clipboard.getSystemClipboard().setContent(c);
        }
    }

    private static DatePicker datePicker(String id, String prompt) {
        DatePicker p = new DatePicker();
        p.setId(id);
        p.setPromptText(prompt);
        // Room for a whole date beside the calendar button ("12/28/2026" needs about 80 px of the field).
        p.setPrefWidth(150);
        return p;
    }

    private static <T extends Enum<T>> StringConverter<T> named(String any) {
        return new StringConverter<>() {
            @Override
            public String toString(T v) {
                return v == null ? any : v.name().charAt(0) + v.name().substring(1).toLowerCase(Locale.ROOT);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }
}
