package dev.purgedeck.ui.keysets;

import dev.purgedeck.fastly.ServiceInfo;
import dev.purgedeck.keysets.KeySet;
import dev.purgedeck.ui.common.Dialogs;
import dev.purgedeck.ui.common.Icons;
import dev.purgedeck.ui.controls.KeyTagEditor;
import dev.purgedeck.ui.controls.PageListView;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** The Key sets screen: find a set, edit its name, description, service, soft choice and keys; import, export, purge. */
public final class KeySetsView {
    private final KeySetsViewModel vm;
    private final Dialogs dialogs;
    private final Supplier<Optional<ServiceInfo>> currentService;
    private final SplitPane root;
    private final ListView<KeySet> list = new ListView<>();
    private final TextField search = new TextField();

    /** @param currentService the console's chosen service, offered when a set has none */
    public KeySetsView(KeySetsViewModel vm, Dialogs dialogs, Supplier<Optional<ServiceInfo>> currentService) {
        this.vm = vm;
        this.dialogs = dialogs;
        this.currentService = currentService;
        this.root = new SplitPane(listPane(), editorPane());
        vm.shared().setResolver(q -> SharedConflictDialog.ask(q, () -> root.getScene() == null ? null
                : root.getScene().getWindow(), ZoneId.systemDefault()));
        root.setId("keySetsView");
        root.setDividerPositions(0.28);
    }

    public Parent root() {
        return root;
    }

    public void focusSearch() {
        search.requestFocus();
    }

    private VBox listPane() {
        search.setId("keySetSearch");
        search.setPromptText("Search names, keys, services");
        search.textProperty().bindBidirectional(vm.searchProperty());
        list.setId("keySetList");
        list.setItems(vm.sets());
        Label none = new Label("No key sets yet. Make one with New, or save keys from the Purge screen.");
        // The list is narrow at 1024 px: the hint wraps rather than losing its end.
        none.setWrapText(true);
        none.setPadding(new Insets(8));
        list.setPlaceholder(none);
        list.setCellFactory(v -> new KeySetCell<KeySet>(KeySet::name, s -> List.of(KeySetsViewModel.count(s.keys().size())
                + (s.serviceName().isBlank() ? s.serviceId().isBlank() ? "" : " · " + s.serviceId() : " · " + s.serviceName())
                + (s.soft() ? " · soft" : ""))));
        list.getSelectionModel().selectedItemProperty().addListener((o, a, s) -> {
            if (s != null && !sameName(s, vm.editingProperty().get())) {
                vm.edit(s);
            }
        });
        // The list follows the editor, e.g. to a set just saved from the console with "Save as set…".
        vm.editingProperty().addListener((o, a, s) -> {
            if (vm.editingSharedProperty().get() == null) {
                select(list, s);
            } else {
                list.getSelectionModel().clearSelection(); // a shared set is open: it is selected in the Team group
            }
        });
        select(list, vm.editingProperty().get());
        Button add = new Button("New", Icons.icon(Feather.PLUS));
        add.setId("newKeySet");
        add.setOnAction(e -> {
            list.getSelectionModel().clearSelection();
            vm.newSet();
        });
        MenuButton importMenu = new MenuButton("Import");
        importMenu.setId("importKeySets");
        MenuItem importFile = new MenuItem("From a JSON or text file…");
        importFile.setOnAction(e -> importFile());
        importMenu.getItems().add(importFile);
        VBox.setVgrow(list, Priority.ALWAYS);
        VBox box = new VBox(8, search, list, new HBox(8, add, importMenu));
        if (vm.shared().available()) {
            VBox team = new SharedSetsPane(vm, ZoneId.systemDefault()).root();
            VBox.setVgrow(team, Priority.ALWAYS);
            box.getChildren().add(2, team);
        }
        box.setPadding(new Insets(12));
        box.setMinWidth(220);
        return box;
    }

    private VBox editorPane() {
        TextField name = new TextField();
        name.setId("keySetName");
        name.textProperty().bindBidirectional(vm.nameProperty());
        TextField description = new TextField();
        description.setId("keySetDescription");
        description.setPromptText("What these keys are for (optional)");
        description.textProperty().bindBidirectional(vm.descriptionProperty());
        TextField serviceId = new TextField();
        serviceId.setId("keySetServiceId");
        serviceId.setPromptText("Service ID (optional: the console's service is used when empty)");
        serviceId.textProperty().bindBidirectional(vm.serviceIdProperty());
        Label serviceName = new Label();
        serviceName.textProperty().bind(vm.serviceNameProperty());
        serviceName.getStyleClass().add("muted");
        Button useCurrent = new Button("Use the console's service");
        useCurrent.setId("keySetUseService");
        useCurrent.setOnAction(e -> {
            currentService.get().ifPresent(s -> {
                vm.serviceIdProperty().set(s.id());
                vm.serviceNameProperty().set(s.name());
            });
        });
        CheckBox soft = new CheckBox("Soft purge by default");
        soft.setId("keySetSoft");
        soft.selectedProperty().bindBidirectional(vm.softProperty());
        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        form.addRow(0, new Label("Name"), name);
        form.addRow(1, new Label("Description"), description);
        form.addRow(2, new Label("Service"), new HBox(8, serviceId, useCurrent, serviceName));
        form.addRow(3, new Label(""), soft);
        GridPane.setHgrow(name, Priority.ALWAYS);
        HBox.setHgrow(serviceId, Priority.ALWAYS);
        KeyTagEditor editor = new KeyTagEditor(vm.keys());
        PageListView pages = new PageListView(vm.samplePages(), "keySetPages", 2);
        VBox.setVgrow(editor, Priority.ALWAYS);

        Button save = new Button("Save", Icons.icon(Feather.SAVE));
        save.setId("saveKeySetChanges");
        save.setDefaultButton(true);
        save.setOnAction(e -> vm.save().thenAccept(saved -> saved.filter(s -> vm.editingSharedProperty().get() == null)
                .ifPresent(s -> list.getSelectionModel().select(s))));
        Button duplicate = new Button("Duplicate");
        duplicate.setId("duplicateKeySet");
        duplicate.setOnAction(e -> vm.duplicate());
        Button delete = new Button("Delete");
        delete.setId("deleteKeySet");
        delete.getStyleClass().add("danger");
        delete.setOnAction(e -> vm.delete());
        var unsaved = vm.editingProperty().isNull();
        duplicate.disableProperty().bind(unsaved.or(vm.editingSharedProperty().isNotNull()));
        delete.disableProperty().bind(unsaved);
        MenuButton export = new MenuButton("Export");
        export.setId("exportKeySets");
        MenuItem asText = new MenuItem("This set as a keys file (one key per line, for fastly purge --file)…");
        asText.setId("exportKeySetText");
        asText.setOnAction(e -> exportText());
        MenuItem asJson = new MenuItem("This set as JSON…");
        asJson.setOnAction(e -> exportJson(List.of(vm.editingProperty().get())));
        MenuItem allJson = new MenuItem("All sets as JSON…");
        allJson.setId("exportAllKeySets");
        allJson.setOnAction(e -> exportJson(vm.all()));
        asText.disableProperty().bind(unsaved);
        asJson.disableProperty().bind(unsaved);
        export.getItems().setAll(asText, asJson, allJson);
        Button purge = new Button("Purge now…", Icons.icon(Feather.ZAP));
        purge.setId("purgeKeySet");
        purge.disableProperty().bind(unsaved);
        purge.setOnAction(e -> confirmAndPurge(vm.editingProperty().get()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox actions = new HBox(8, save, duplicate, delete, export, spacer, purge);
        if (vm.shared().available()) {
            Button share = new Button("Share with team", Icons.icon(Feather.USERS));
            share.setId("shareKeySet");
            Icons.describe(share, "Move this set to the team's shared key sets, for everyone on the team");
            share.visibleProperty().bind(vm.editingSharedProperty().isNull());
            share.managedProperty().bind(share.visibleProperty());
            share.disableProperty().bind(vm.shared().offlineProperty());
            share.setOnAction(e -> vm.shareWithTeam());
            actions.getChildren().add(4, share);
        }
        actions.setAlignment(Pos.CENTER_LEFT);

        Label message = new Label();
        message.setId("keySetMessage");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        Hyperlink undo = new Hyperlink("Undo");
        undo.setId("undoDeleteKeySet");
        undo.visibleProperty().bind(vm.lastDeletedProperty().isNotNull());
        undo.managedProperty().bind(undo.visibleProperty());
        undo.setOnAction(e -> vm.undoDelete());
        HBox status = new HBox(8, message, undo);
        status.setAlignment(Pos.CENTER_LEFT);
        Label pagesTitle = new Label("Pages to check after a purge");
        pagesTitle.setLabelFor(pages);
        pagesTitle.setTooltip(new javafx.scene.control.Tooltip("With Verify on, PurgeDeck looks at these pages after "
                + "the set is purged and says whether they are fresh"));
        Label shared = new Label();
        shared.setId("keySetSharedInfo");
        shared.getStyleClass().add("muted");
        shared.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            var s = vm.editingSharedProperty().get();
            return s == null ? "" : "Shared with the team \u00b7 version " + s.version() + " \u00b7 changed by "
                    + s.changedText(ZoneId.systemDefault());
        }, vm.editingSharedProperty()));
        shared.visibleProperty().bind(vm.editingSharedProperty().isNotNull());
        shared.managedProperty().bind(shared.visibleProperty());
        VBox box = new VBox(10, shared, form, editor, new VBox(4, pagesTitle, pages), actions, status);
        box.setPadding(new Insets(12));
        return box;
    }

    private void confirmAndPurge(KeySet set) {
        vm.confirmAndPurge(set, currentService.get());
    }

    private void importFile() {
        // A replaced set keeps its name, so the list cell would not redraw by itself.
        vm.importChosenFile().thenAccept(summary -> summary.ifPresent(x -> list.refresh()));
    }

    private static boolean sameName(KeySet a, KeySet b) {
        return a != null && b != null && a.name().equals(b.name());
    }

    /** Selects {@code set} in the list (by name: the list holds the store's copy), unless it is already selected. */
    private static void select(ListView<KeySet> list, KeySet set) {
        if (set == null || sameName(set, list.getSelectionModel().getSelectedItem())) {
            return;
        }
        list.getItems().stream().filter(s -> sameName(s, set)).findFirst().ifPresent(s -> {
            list.getSelectionModel().select(s);
            list.scrollTo(s);
        });
    }

    private void exportText() {
        KeySet set = vm.editingProperty().get();
        dialogs.saveFile("Export keys", set.name() + ".txt", "Keys file", "txt").ifPresent(p -> vm.export(p, List.of(set), false));
    }

    private void exportJson(List<KeySet> sets) {
        String suggested = sets.size() == 1 ? sets.get(0).name() + ".json" : "purgedeck-key-sets.json";
        dialogs.saveFile("Export key sets", suggested, "Key sets (JSON)", "json").ifPresent(p -> vm.export(p, sets, true));
    }
}
