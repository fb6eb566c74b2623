package dev.purgedeck.ui.inspect;

import dev.purgedeck.edge.CacheState;
import dev.purgedeck.edge.PageReport;
import dev.purgedeck.ui.common.Icons;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * The inspector's content: plain words first, then the facts they rest on, the surrogate keys as chips to pick, the
 * actions, and the raw headers one click away.
 */
public final class InspectorView {
    private final InspectorViewModel vm;
    private final VBox content = new VBox(10);
    private final ScrollPane root = new ScrollPane(content);
    private final TextField url = new TextField();
    private final Button go = new Button("Inspect");
    private final ProgressIndicator spinner = new ProgressIndicator();
    private final Label error = new Label();
    private final VBox summary = new VBox(4);
    private final GridPane facts = new GridPane();
    private final Label keysTitle = new Label();
    private final FlowPane chips = new FlowPane(6, 6);
    private final Button purgeUrl = new Button("Purge this URL");
    private final Button addKeys = new Button();
    private final Button saveKeys = new Button();
    private final Label notice = new Label();
    private final TextArea raw = new TextArea();
    private final TitledPane rawPane = new TitledPane("Raw headers", raw);

    public InspectorView(InspectorViewModel vm) {
        this.vm = vm;
        initializeParts();
        layoutParts();
        setupBindings();
    }

    public Parent root() {
        return root;
    }

    private void initializeParts() {
        root.setId("inspectorView");
        root.setFitToWidth(true);
        url.setId("inspectorUrl");
        url.setPromptText("https://www.example.com/news");
        url.setOnAction(e -> vm.inspect());
        go.setId("inspectorGo");
        go.setDefaultButton(false);
        go.setGraphic(Icons.icon(Feather.SEARCH));
        go.setOnAction(e -> vm.inspect());
        spinner.setId("inspectorBusy");
        spinner.setPrefSize(18, 18);
        error.setId("inspectorError");
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        summary.setId("inspectorSummary");
        facts.setId("inspectorFacts");
        facts.setHgap(12);
        facts.setVgap(4);
        keysTitle.setId("inspectorKeysTitle");
        keysTitle.getStyleClass().add("section-title");
        chips.setId("inspectorKeys");
        purgeUrl.setId("inspectorPurgeUrl");
        purgeUrl.setGraphic(Icons.icon(Feather.ZAP));
        purgeUrl.setOnAction(e -> vm.purgeUrl());
        addKeys.setId("inspectorAddKeys");
        addKeys.setGraphic(Icons.icon(Feather.PLUS));
        addKeys.setOnAction(e -> vm.addKeys());
        saveKeys.setId("inspectorSaveKeys");
        saveKeys.setGraphic(Icons.icon(Feather.SAVE));
        saveKeys.setOnAction(e -> vm.saveKeys());
        notice.setId("inspectorNotice");
        notice.getStyleClass().add("muted");
        notice.setWrapText(true);
        raw.setId("inspectorRawText");
        raw.setEditable(false);
        raw.setPrefRowCount(12);
        rawPane.setId("inspectorRawHeaders");
        rawPane.setExpanded(false);
    }

    private void layoutParts() {
        HBox.setHgrow(url, Priority.ALWAYS);
        HBox top = new HBox(8, url, go, spinner);
        top.setAlignment(Pos.CENTER_LEFT);
        FlowPane actions = new FlowPane(8, 8, purgeUrl, addKeys, saveKeys);
        content.getChildren().setAll(top, error, summary, facts, keysTitle, chips, actions, notice, rawPane);
        content.setPadding(new Insets(12));
    }

    private void setupBindings() {
        url.textProperty().bindBidirectional(vm.urlProperty());
        spinner.visibleProperty().bind(vm.busyProperty());
        go.disableProperty().bind(vm.busyProperty());
        error.textProperty().bind(vm.errorProperty());
        shownWhenText(error);
        notice.textProperty().bind(vm.noticeProperty());
        shownWhenText(notice);
        vm.reportProperty().addListener((o, a, r) -> show(r));
        vm.keys().addListener((ListChangeListener<String>) c -> rebuildChips());
        vm.selectedKeys().addListener((ListChangeListener<String>) c -> syncChips());
        addKeys.textProperty().bind(Bindings.createStringBinding(() -> vm.selectedKeys().isEmpty()
                ? "Add all keys to the key editor" : "Add " + InspectorViewModel.count(vm.selectedKeys().size())
                + " to the key editor", vm.selectedKeys()));
        saveKeys.textProperty().bind(Bindings.createStringBinding(() -> vm.selectedKeys().isEmpty()
                ? "Save keys as a key set…" : "Save " + InspectorViewModel.count(vm.selectedKeys().size())
                + " as a key set…", vm.selectedKeys()));
        addKeys.disableProperty().bind(Bindings.isEmpty(vm.keys()));
        saveKeys.disableProperty().bind(Bindings.isEmpty(vm.keys()));
        purgeUrl.disableProperty().bind(vm.reportProperty().isNull());
        show(vm.reportProperty().get());
    }

    private static void shownWhenText(Label l) {
        l.visibleProperty().bind(l.textProperty().isNotEmpty());
        l.managedProperty().bind(l.visibleProperty());
    }

    private void show(PageReport r) {
        summary.getChildren().clear();
        facts.getChildren().clear();
        raw.setText("");
        keysTitle.setText(r == null ? "" : r.surrogateKeys().isEmpty() ? "No surrogate keys shown"
                : "Surrogate keys (click to pick some; none picked means all)");
        if (r == null) {
            return;
        }
        for (String line : r.summary()) {
            Label l = new Label(line);
            l.setWrapText(true);
            l.getStyleClass().add("inspector-summary-line");
            summary.getChildren().add(l);
        }
        int row = 0;
        for (Map.Entry<String, String> fact : InspectorFacts.of(r).entrySet()) {
            Label name = new Label(fact.getKey());
            name.getStyleClass().add("muted");
            name.setMinWidth(Region.USE_PREF_SIZE);
            Label value = new Label(fact.getValue());
            value.setId("fact-" + fact.getKey().replaceAll("\\W", ""));
            value.setWrapText(true);
            facts.addRow(row++, name, value);
        }
        raw.setText(r.headers().entrySet().stream().flatMap(e -> e.getValue().stream().map(v -> e.getKey() + ": "
                + v)).collect(Collectors.joining("\n")));
    }

    private void rebuildChips() {
        List<ToggleButton> made = vm.keys().stream().map(key -> {
            ToggleButton chip = new ToggleButton(key);
            chip.getStyleClass().addAll("key-chip", "inspector-key");
            chip.setUserData(key);
            chip.setOnAction(e -> vm.toggle(key));
            return chip;
        }).toList();
        chips.getChildren().setAll(made);
        syncChips();
    }

    private void syncChips() {
        chips.getChildren().forEach(n -> ((ToggleButton) n).setSelected(vm.selectedKeys().contains(
                (String) n.getUserData())));
    }

    /** The chip of {@code key}, for tests and keyboard focus. */
    Optional<ToggleButton> chip(String key) {
        return chips.getChildren().stream().map(ToggleButton.class::cast).filter(t -> key.equals(t.getUserData()))
                .findFirst();
    }

    static String state(CacheState s) {
        return switch (s) {
            case HIT -> "served from its cache";
            case MISS -> "not in its cache";
            case NONE -> "none";
            case UNKNOWN -> "not said";
        };
    }
}
