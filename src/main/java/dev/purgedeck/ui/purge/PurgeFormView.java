package dev.purgedeck.ui.purge;

import dev.purgedeck.fastly.PurgeOptions.Environment;
import dev.purgedeck.ui.common.Icons;
import dev.purgedeck.ui.controls.KeyTagEditor;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;
import org.controlsfx.control.ToggleSwitch;
import org.kordamp.ikonli.feather.Feather;

/** What to purge and how: the mode switch, the URL box, the key editor or the purge-everything notice, and Purge. */
final class PurgeFormView extends VBox {
    private static final double MIN_PURGE_WIDTH = 150;
    private static final double MIN_ENVIRONMENT_WIDTH = 125;
    /** The height of one line of the invalid-URL list. */
    private static final double ISSUE_ROW = 24;
    private final PurgeViewModel vm;
    private final javafx.scene.control.ChoiceBox<Environment> environment =
            new javafx.scene.control.ChoiceBox<>();
    private final ToggleGroup modes = new ToggleGroup();
    private final ToggleButton urlsMode = new ToggleButton("URLs");
    private final ToggleButton keysMode = new ToggleButton("Surrogate keys");
    private final ToggleButton allMode = new ToggleButton("Everything");
    private final Label serviceChoice = new Label();
    private final TextArea urlInput = new TextArea();
    private final Label urlSummary = new Label();
    private final Label urlNotice = new Label();
    private final ListView<String> urlIssues = new ListView<>();
    private final Button removeInvalid = new Button("Remove invalid lines");
    private final KeyTagEditor keyEditor;
    private final Label everythingText = new Label();
    private final ToggleSwitch soft = new ToggleSwitch("Soft purge");
    private final ToggleSwitch verify = new ToggleSwitch("Verify");
    private final Button purge = new Button("Purge") {
        // Never narrower than its label ("Purge everything…" must not be cut), and not a small target either.
        @Override
        protected double computePrefWidth(double height) {
            return Math.max(MIN_PURGE_WIDTH, super.computePrefWidth(height));
        }

        @Override
        protected double computeMinWidth(double height) {
            return computePrefWidth(height);
        }
    };
    private final ProgressBar progress = new ProgressBar();
    private final Label progressText = new Label();
    private final Label progressDetail = new Label();
    private final Label hint = new Label();
    private final Label error = new Label();
    private final StackPane input = new StackPane();
    private final VBox urlPane;
    private final VBox allPane;

    private final VBox keysPane = new VBox(8);
    /** Holds the environment choice: a disabled control shows no tooltip, its parent does. */
    private final StackPane environmentHolder = new StackPane(environment);
    private final Tooltip stagingForUrls = new Tooltip("Staging is not available for URL purges: Fastly purges a URL "
            + "on staging only through the service's staging IP. Use surrogate keys to purge staging.");
    /** Staging was chosen before switching to URLs: it comes back with keys or everything. */
    private boolean stagingSetAside;

    /** @param keyTools shown above the key editor (the key set picker), or null */
    PurgeFormView(PurgeViewModel vm, javafx.scene.Node keyTools) {
        this.vm = vm;
        this.keyEditor = new KeyTagEditor(vm.keys());
        CheckPagesPane checkPages = new CheckPagesPane(vm, "checkPages");
        HBox tools = keyTools == null ? new HBox(checkPages.toggle) : new HBox(8, keyTools, checkPages.toggle);
        tools.setAlignment(Pos.CENTER_LEFT);
        keysPane.getChildren().addAll(tools, checkPages.content);
        this.urlPane = new VBox(6);
        this.allPane = new VBox(8);
        initializeParts();
        layoutParts();
        setupBindings();
        setupEventHandlers();
    }

    void selectMode(PurgeMode mode) {
        vm.modeProperty().set(mode);
    }

    private void initializeParts() {
        setId("purgeForm");
        urlsMode.setId("modeUrls");
        keysMode.setId("modeKeys");
        allMode.setId("modeAll");
        for (ToggleButton b : new ToggleButton[] {urlsMode, keysMode, allMode}) {
            b.setToggleGroup(modes);
            b.getStyleClass().add("mode-button");
            b.setMinWidth(Region.USE_PREF_SIZE); // a mode's name is never cut; the buttons beside them give way
        }
        urlsMode.setTooltip(new Tooltip("Purge one URL or a list (Ctrl+1)"));
        keysMode.setTooltip(new Tooltip("Purge objects tagged with surrogate keys (Ctrl+2)"));
        allMode.setTooltip(new Tooltip("Purge everything on the service (Ctrl+3)"));
        serviceChoice.setId("serviceChoice");
        serviceChoice.getStyleClass().add("service-choice");
        serviceChoice.setWrapText(true); // a long name and its ID take a second line at 1024 px rather than being cut
        serviceChoice.setMinHeight(Region.USE_PREF_SIZE);
        urlInput.setId("urlInput");
        urlInput.setPromptText("One URL per line, e.g. https://www.example.com/news/story"
                + " — paste a list, or drop text or a .txt file here");
        urlInput.setAccessibleText("URLs to purge, one per line");
        urlInput.setPrefRowCount(8);
        // Three lines at least, whatever the invalid lines below it and the results take.
        urlInput.setMinHeight(76);
        urlInput.setWrapText(false);
        urlSummary.setId("urlSummary");
        urlNotice.setId("urlNotice");
        urlNotice.getStyleClass().add("notice");
        urlIssues.setId("urlIssues");
        urlIssues.getStyleClass().add("issue-list");
        // At least three lines (fewer only when there are fewer), growing to six, then it scrolls.
        urlIssues.setFixedCellSize(ISSUE_ROW);
        urlIssues.minHeightProperty().bind(Bindings.createDoubleBinding(
                () -> Math.min(3, urlIssues.getItems().size()) * ISSUE_ROW + 4, urlIssues.getItems()));
        urlIssues.prefHeightProperty().bind(Bindings.createDoubleBinding(
                () -> Math.min(6, urlIssues.getItems().size()) * ISSUE_ROW + 4, urlIssues.getItems()));
        urlIssues.setMaxHeight(Region.USE_PREF_SIZE);
        urlIssues.setCellFactory(v -> new javafx.scene.control.ListCell<>() {
            {
                setWrapText(true);
                setPrefWidth(0); // wrap within the list instead of scrolling sideways
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
            }
        });
        removeInvalid.setId("removeInvalidUrls");
        everythingText.setId("everythingText");
        everythingText.setWrapText(true);
        environment.setId("environmentChoice");
        environment.getItems().setAll(Environment.values());
        environment.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Environment e) {
                return e == null ? "" : e == Environment.STAGING ? "Staging" : "Production";
            }

            @Override
            public Environment fromString(String s) {
                return null;
            }
        });
        environment.setTooltip(new Tooltip("Staging purges send Fastly-Purge-Environment: staging (surrogate keys and "
                + "everything only; Fastly purges a URL on staging only through the service's staging IP)."));
        soft.setId("softToggle");
        soft.setAccessibleText("Soft purge: mark content stale instead of removing it");
        verify.setId("verifyToggle");
        verify.setAccessibleText("Verify: look at each purged page afterwards and say whether it is fresh");
        verify.setTooltip(new Tooltip("After the purge, PurgeDeck looks at each page as a visitor's POP serves it"
                + " and says whether the new content is served."));
        purge.setId("purgeButton");
        purge.setDefaultButton(false);
        purge.getStyleClass().add("purge-button");
        progress.setId("progressBar");
        progress.setPrefWidth(220);
        progressText.setId("progressText");
        progressDetail.setId("progressDetail");
        progressDetail.getStyleClass().add("muted");
        progressDetail.setWrapText(true);
        progressDetail.setAlignment(Pos.CENTER_RIGHT);
        progressDetail.setTextAlignment(TextAlignment.RIGHT);
        progressDetail.setMaxWidth(Double.MAX_VALUE);
        progressDetail.setMinHeight(Region.USE_PREF_SIZE);
        hint.setId("purgeHint");
        hint.getStyleClass().add("muted");
        error.setId("purgeError");
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
    }

    private void layoutParts() {
        HBox modeBar = new HBox(0, urlsMode, keysMode, allMode);
        modeBar.getStyleClass().add("mode-bar");
        for (ToggleButton b : new ToggleButton[] {urlsMode, keysMode, allMode}) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        VBox top = new VBox(8, serviceChoice, modeBar);

        urlSummary.setMinWidth(Region.USE_PREF_SIZE);
        urlNotice.setWrapText(true);
        HBox urlStatus = new HBox(12, urlSummary, urlNotice);
        urlStatus.setAlignment(Pos.CENTER_LEFT);
        HBox fix = new HBox(removeInvalid);
        fix.setAlignment(Pos.CENTER_RIGHT);
        fix.visibleProperty().bind(removeInvalid.visibleProperty());
        fix.managedProperty().bind(removeInvalid.visibleProperty());
        VBox.setVgrow(urlInput, Priority.ALWAYS);
        urlPane.getChildren().setAll(urlInput, urlStatus, urlRouting(), urlIssues, fix);

        Label warnTitle = new Label("Purge everything on this service");
        warnTitle.getStyleClass().add("section-title");
        CheckPagesPane checkAll = new CheckPagesPane(vm, "checkAllPages");
        Region titleGap = new Region();
        HBox.setHgrow(titleGap, Priority.ALWAYS);
        // Beside the title, not under the notice: closed it must cost the notice no height at 700 px.
        HBox titleRow = new HBox(8, warnTitle, titleGap, checkAll.toggle);
        titleRow.setAlignment(Pos.CENTER_LEFT);
        allPane.getChildren().setAll(titleRow, everythingText, checkAll.content);
        allPane.getStyleClass().add("everything-pane");
        allPane.setMaxHeight(Region.USE_PREF_SIZE);
        StackPane.setAlignment(allPane, Pos.TOP_LEFT);

        VBox.setVgrow(keyEditor, Priority.ALWAYS);
        keysPane.getChildren().add(keyEditor);
        input.getChildren().setAll(urlPane, keysPane, allPane);
        input.setMinHeight(150);
        VBox.setVgrow(input, Priority.ALWAYS);

        // The controls keep their full width. The hint gets a line of its own under Purge: squeezed beside the
        // controls in a narrow window it became a column of single letters.
        soft.setMinWidth(Region.USE_PREF_SIZE);
        verify.setMinWidth(Region.USE_PREF_SIZE);
        // The choice may give up its spare width (not its label): with "Purge everything…" whole, the form must
        // still fit a 1024 px window beside the services and the sandbox cache.
        environment.setMinWidth(MIN_ENVIRONMENT_WIDTH);
        progressText.setMinWidth(Region.USE_PREF_SIZE);
        hint.setWrapText(true);
        hint.setTextAlignment(TextAlignment.RIGHT);
        hint.setAlignment(Pos.CENTER_RIGHT);
        hint.setMaxWidth(Double.MAX_VALUE);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        Region gap = new Region();   // keeps Purge and the progress on the right
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox actions = new HBox(12, soft, verify, environmentHolder, gap, progress, progressText, purge);
        actions.setAlignment(Pos.CENTER_LEFT);
        // The pace (a 429 pause, rate, time left) gets a line of its own: beside the bar it would push Purge aside.
        PurgeTwiceBar twice = new PurgeTwiceBar(vm);
        getChildren().setAll(top, input, actions, twice.hintBeside(progressDetail), hint, error);
        setSpacing(10);
    }

    /**
     * Puts {@code node} at the end of the mode bar (the console's Copy as… menu): the row of Purge has no width to
     * spare at 1024 px with "Purge everything…" whole.
     */
    void addBesideModes(javafx.scene.Node node) {
        HBox modeBar = (HBox) urlsMode.getParent();
        if (modeBar.getParent() instanceof HBox row) {
            // Already moved into a row by an earlier call: the new node goes at its end.
            row.getChildren().add(node);
            return;
        }
        VBox top = (VBox) modeBar.getParent();
        int at = top.getChildren().indexOf(modeBar);
        top.getChildren().remove(at);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox row = new HBox(8, modeBar, gap, node);
        row.setAlignment(Pos.CENTER_LEFT);
        top.getChildren().add(at, row);
    }

    /** The line under the URL box saying which service each URL goes to (issue 15). */
    private Label urlRouting() {
        Label routing = new Label();
        routing.setId("urlRouting");
        routing.getStyleClass().add("muted");
        routing.setWrapText(true);
        routing.setMinHeight(Region.USE_PREF_SIZE);
        routing.textProperty().bind(vm.hosts().summaryProperty());
        routing.visibleProperty().bind(routing.textProperty().isNotEmpty());
        routing.managedProperty().bind(routing.visibleProperty());
        return routing;
    }

    private void setupBindings() {
        // A URL purge goes to the URL itself, whatever service is selected: the header must not suggest otherwise.
        serviceChoice.textProperty().bind(Bindings.when(vm.modeProperty().isEqualTo(PurgeMode.URLS))
                .then("URL purges are not tied to a service")
                .otherwise(Bindings.concat("Service: ", vm.services().choiceProperty())));
        urlInput.textProperty().bindBidirectional(vm.urls().textProperty());
        urlSummary.textProperty().bind(Bindings.createStringBinding(vm.urls()::summary, vm.urls().parsedProperty()));
        urlNotice.textProperty().bind(Bindings.createStringBinding(vm.urls()::notice, vm.urls().parsedProperty()));
        vm.urls().parsedProperty().addListener((o, a, b) -> urlIssues.getItems().setAll(vm.urls().issueLines()));
        urlIssues.visibleProperty().bind(Bindings.isNotEmpty(urlIssues.getItems()));
        urlIssues.managedProperty().bind(urlIssues.visibleProperty());
        removeInvalid.visibleProperty().bind(urlIssues.visibleProperty());
        everythingText.textProperty().bind(Bindings.createStringBinding(this::everythingNotice,
                vm.services().choiceProperty(), vm.services().serviceIdProperty()));

        urlPane.visibleProperty().bind(vm.modeProperty().isEqualTo(PurgeMode.URLS));
        keysPane.visibleProperty().bind(vm.modeProperty().isEqualTo(PurgeMode.KEYS));
        allPane.visibleProperty().bind(vm.modeProperty().isEqualTo(PurgeMode.ALL));
        selectToggle(vm.modeProperty().get());
        vm.modeProperty().addListener((o, a, m) -> {
            selectToggle(m);
            // Put the cursor where the user types next; later, once the new pane is visible.
            javafx.application.Platform.runLater(() ->
                    (m == PurgeMode.URLS ? urlInput : m == PurgeMode.KEYS ? keyEditor : purge).requestFocus());
        });

        soft.selectedProperty().bindBidirectional(vm.softProperty());
        verify.selectedProperty().bindBidirectional(vm.results().verifyProperty());
        verify.disableProperty().bind(vm.results().runningProperty());
        // Only URL purges have pages to look at for now; elsewhere the switch would promise what does not happen.
        verify.visibleProperty().bind(vm.modeProperty().isEqualTo(PurgeMode.URLS));
        verify.managedProperty().bind(verify.visibleProperty());
        // URL purges go to production only, and Verify takes the choice's place: the row has no room for both at 1024.
        environmentHolder.visibleProperty().bind(verify.visibleProperty().not());
        environmentHolder.managedProperty().bind(environmentHolder.visibleProperty());
        environment.valueProperty().bindBidirectional(vm.environmentProperty());
        environment.disableProperty().bind(vm.results().runningProperty().or(vm.modeProperty().isEqualTo(PurgeMode.URLS)));
        vm.modeProperty().addListener((o, a, m) -> environmentFor(m));
        environmentFor(vm.modeProperty().get());
        allMode.disableProperty().bind(vm.everythingAllowedProperty().not());
        vm.everythingRefusalProperty().addListener((o, a, why) -> allMode.setTooltip(new Tooltip(why)));
        soft.disableProperty().bind(vm.modeProperty().isEqualTo(PurgeMode.ALL).or(vm.results().runningProperty()));
        vm.modeProperty().addListener((o, a, m) -> updateSoftTooltip(m));
        updateSoftTooltip(vm.modeProperty().get());

        purge.textProperty().bind(Bindings.when(vm.results().runningProperty()).then("Cancel")
                .otherwise(Bindings.when(vm.modeProperty().isEqualTo(PurgeMode.ALL)).then("Purge everything…").otherwise("Purge")));
        purge.disableProperty().bind(vm.canPurgeProperty().not().and(vm.results().runningProperty().not()));
        vm.results().runningProperty().addListener((o, a, running) -> purge.setGraphic(Icons.icon(running ? Feather.X : Feather.ZAP)));
        purge.setGraphic(Icons.icon(Feather.ZAP));
        Icons.describe(purge, "Purge now (Ctrl+Enter); while a purge runs, cancel it (Esc)");
        progress.progressProperty().bind(vm.results().progressProperty());
        progress.visibleProperty().bind(vm.results().runningProperty());
        progressDetail.textProperty().bind(vm.results().progressDetailProperty());
        progressDetail.visibleProperty().bind(progressDetail.textProperty().isNotEmpty());
        progressDetail.managedProperty().bind(progressDetail.visibleProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        progressText.textProperty().bind(vm.results().progressTextProperty());
        progressText.visibleProperty().bind(vm.results().runningProperty());
        progressText.managedProperty().bind(progressText.visibleProperty());
        hint.textProperty().bind(vm.purgeHintProperty());
        // Hidden, not removed, while a job runs: the form keeps its place.
        // An empty hint or error takes no room: their empty lines were height the input needs.
        hint.visibleProperty().bind(vm.results().runningProperty().not().and(hint.textProperty().isNotEmpty()));
        hint.managedProperty().bind(hint.visibleProperty());
        error.visibleProperty().bind(error.textProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        error.textProperty().bind(vm.errorProperty());
    }

    private String everythingNotice() {
        String whom = vm.services().serviceIdProperty().get() == null
                ? "No service is chosen yet: choose one on the left. Every cached object of that service will be removed"
                : "Every cached object of " + vm.services().choiceProperty().get() + " is removed";
        return whom + " at once. This is always a hard purge: requests go to your origin until the cache fills again, "
                + "which can mean a burst of origin load. It takes about 10–20 seconds to reach every Fastly edge. "
                + "You will be asked to type the service's name to confirm.";
    }

    private void setupEventHandlers() {
        modes.selectedToggleProperty().addListener((o, a, t) -> {
            if (t == null) {
                selectToggle(vm.modeProperty().get());
            } else {
                vm.modeProperty().set(t == urlsMode ? PurgeMode.URLS : t == keysMode ? PurgeMode.KEYS : PurgeMode.ALL);
            }
        });
        removeInvalid.setOnAction(e -> vm.urls().removeInvalidLines());
        purge.setOnAction(e -> vm.purgeOrCancel());
        urlInput.setOnDragOver(this::dragOver);
        urlInput.setOnDragDropped(this::dropped);
    }

    /** URL purges go to production only: the choice says so instead of offering staging and refusing it later. */
    private void environmentFor(PurgeMode m) {
        ObjectProperty<Environment> env = vm.environmentProperty();
        if (m == PurgeMode.URLS) {
            if (env.get() == Environment.STAGING) {
                stagingSetAside = true;
                env.set(Environment.PRODUCTION);
            }
            Tooltip.install(environmentHolder, stagingForUrls);
        } else {
            Tooltip.uninstall(environmentHolder, stagingForUrls);
            if (stagingSetAside) {
                stagingSetAside = false;
                env.set(Environment.STAGING);
            }
        }
    }

    private void selectToggle(PurgeMode m) {
        modes.selectToggle(m == PurgeMode.URLS ? urlsMode : m == PurgeMode.KEYS ? keysMode : allMode);
    }

    private void updateSoftTooltip(PurgeMode m) {
        soft.setTooltip(new Tooltip(m == PurgeMode.ALL
                ? "A purge of everything cannot be soft: Fastly always removes all content at once."
                : "Soft purge marks content stale so Fastly can still serve it while it revalidates with your origin."));
    }

    private void dragOver(DragEvent e) {
        if (e.getDragboard().hasFiles() || e.getDragboard().hasString()) {
            e.acceptTransferModes(TransferMode.COPY);
        }
        e.consume();
    }

    private void dropped(DragEvent e) {
        Dragboard board = e.getDragboard();
        List<Path> files = board.hasFiles() ? board.getFiles().stream().map(File::toPath).toList() : List.of();
        e.setDropCompleted(vm.drop(files, board.hasString() ? board.getString() : null));
        e.consume();
    }
}
