package dev.purgedeck.ui.controls;

import java.util.Objects;
import javafx.application.Application;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.WeakListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** Edits a {@link KeyTagViewModel}'s surrogate keys as chips (or a compact list for many keys) with a text field below. */
public final class KeyTagEditor extends VBox {
    /** Above this many entries chips give way to a virtualized list, which keeps 10,000 keys responsive. */
    public static final int COMPACT_ABOVE = 200;

    private final KeyTagViewModel model;
    // Held here because the model only keeps a weak reference: a discarded view must not live on with its model.
    private final ListChangeListener<KeyEntry> entriesListener = this::onEntriesChanged;
    private KeyChipArea chipArea;
    private KeyCompactList keyList;
    private StackPane keyArea;
    private KeyInputField input;
    private Label summary;
    private Label notice;
    private Button clear;
    private boolean compact;

    public KeyTagEditor(KeyTagViewModel model) {
        this.model = Objects.requireNonNull(model, "model");
        initializeParts();
        layoutParts();
        setupBindings();
        setupEventHandlers();
    }

    public KeyTagViewModel getModel() {
        return model;
    }

    /** Whether the compact list is showing instead of chips. */
    public boolean isCompact() {
        return compact;
    }

    /** The text field keys are typed into, e.g. for {@code Label.setLabelFor} with a mnemonic. */
    public TextField getInputField() {
        return input;
    }

    /** Focus goes to the text field, so {@code editor.requestFocus()} puts the caret where keys are typed. */
    @Override
    public void requestFocus() {
        input.requestFocus();
    }

    private void initializeParts() {
        getStyleClass().add("key-tag-editor");
        getStylesheets().add(KeyTagEditor.class.getResource("key-tag-editor.css").toExternalForm());
        if (isPlainJavaFxTheme()) {
            // Without AtlantaFX the -color-* lookups would be undefined; this maps them onto Modena's colours.
            getStylesheets().add(KeyTagEditor.class.getResource("key-tag-editor-modena.css").toExternalForm());
        }
        chipArea = new KeyChipArea(this::removeFromChip);
        keyList = new KeyCompactList(model);
        keyArea = new StackPane();
        keyArea.getStyleClass().add("key-area");
        input = new KeyInputField(model);
        summary = new Label();
        summary.setId("keySummary");
        summary.getStyleClass().add("key-summary");
        notice = new Label();
        notice.setId("keyNotice");
        notice.getStyleClass().add("key-notice");
        notice.setWrapText(true);
        clear = new Button("Clear");
        clear.setId("clearKeys");
        clear.getStyleClass().add("key-clear");
        clear.setTooltip(new Tooltip("Remove all keys"));
        clear.setAccessibleText("Clear all keys");
    }

    private void layoutParts() {
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        // The summary and button keep their size; a long notice wraps instead of squeezing them.
        summary.setMinWidth(Region.USE_PREF_SIZE);
        clear.setMinWidth(Region.USE_PREF_SIZE);
        HBox statusLine = new HBox(summary, notice, spacer, clear);
        statusLine.getStyleClass().add("key-status");
        // The keys take the height the editor is given; the field and the status line keep theirs.
        VBox.setVgrow(keyArea, Priority.ALWAYS);
        getChildren().addAll(keyArea, input, statusLine);
        showCompact(model.entries().size() > COMPACT_ABOVE);
    }

    private void setupBindings() {
        summary.textProperty().bind(model.summaryProperty());
        notice.textProperty().bind(model.noticeProperty());
        notice.visibleProperty().bind(model.noticeProperty().isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());
        keyArea.visibleProperty().bind(Bindings.isNotEmpty(model.entries()));
        keyArea.managedProperty().bind(keyArea.visibleProperty());
        clear.disableProperty().bind(Bindings.isEmpty(model.entries()));
    }

    private void setupEventHandlers() {
        model.entries().addListener(new WeakListChangeListener<>(entriesListener));
        clear.setOnAction(e -> {
            model.clear();
            input.requestFocus(); // the button just disabled itself; do not leave focus nowhere
        });
    }

    private void onEntriesChanged(ListChangeListener.Change<? extends KeyEntry> c) {
        boolean wantCompact = model.entries().size() > COMPACT_ABOVE;
        if (wantCompact != compact) {
            showCompact(wantCompact);
        } else if (!compact) {
            chipArea.apply(c);
        }
    }

    private void showCompact(boolean on) {
        boolean listHadFocus = keyList.isFocused();
        compact = on;
        if (on) {
            chipArea.clear();
            keyList.setItems(model.entries());
            keyArea.getChildren().setAll(keyList);
        } else {
            // An empty list keeps the hidden ListView from tracking every later change.
            keyList.setItems(FXCollections.emptyObservableList());
            chipArea.rebuild(model.entries());
            keyArea.getChildren().setAll(chipArea);
        }
        if (listHadFocus) {
            input.requestFocus();
        }
    }

    private void removeFromChip(KeyEntry entry) {
        int index = chipArea.indexOf(entry);
        Node focused = getScene() == null ? null : getScene().getFocusOwner();
        boolean byKeyboard = index >= 0 && focused != null && focused.getParent() == chipArea.chipNear(index);
        model.remove(entry);
        if (byKeyboard) {
            // Keyboard users continue with the neighbouring chip instead of losing their place.
            KeyChip next = chipArea.chipNear(index);
            if (next != null) {
                next.removeButton().requestFocus();
            } else {
                input.requestFocus();
            }
        }
    }

    private static boolean isPlainJavaFxTheme() {
        String ua = Application.getUserAgentStylesheet();
        return ua == null || Application.STYLESHEET_MODENA.equals(ua) || Application.STYLESHEET_CASPIAN.equals(ua);
    }
}
