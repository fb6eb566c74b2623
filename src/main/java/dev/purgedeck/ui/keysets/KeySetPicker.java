package dev.purgedeck.ui.keysets;

import dev.purgedeck.fastly.ServiceInfo;
import dev.purgedeck.keysets.KeySet;
import dev.purgedeck.team.SharedKeySet;
import dev.purgedeck.ui.common.Dialogs;
import dev.purgedeck.ui.common.Icons;
import dev.purgedeck.ui.controls.KeyTagViewModel;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.feather.Feather;

/** The console's key set tools: a quick picker (replace, add or purge a set) and "Save as set…" for the typed keys. */
public final class KeySetPicker extends HBox {
    private static final int MAX_IN_MENU = 40;

    private final KeySetsViewModel vm;
    private final Dialogs dialogs;
    private final KeyTagViewModel keys;
    private final Supplier<Optional<ServiceInfo>> currentService;
    private final BooleanSupplier soft;
    private final MenuButton menu = new MenuButton("Key sets");
    private final Label message = new Label();
    private Consumer<KeySet> chosen = s -> { };

    public KeySetPicker(KeySetsViewModel vm, Dialogs dialogs, KeyTagViewModel keys, Supplier<Optional<ServiceInfo>> currentService,
                        BooleanSupplier soft) {
        super(8);
        this.vm = vm;
        this.dialogs = dialogs;
        this.keys = keys;
        this.currentService = currentService;
        this.soft = soft;
        menu.setId("keySetMenu");
        menu.setGraphic(Icons.icon(Feather.LAYERS));
        menu.setOnShowing(e -> {
            rebuild();
            vm.shared().refresh(); // others change shared sets: read them again for the next time the menu opens
        });
        rebuild();
        Button save = new Button("Save as set…", Icons.icon(Feather.SAVE));
        save.setId("saveKeySet");
        Icons.describe(save, "Save these keys as a named key set (Ctrl+S)");
        save.setOnAction(e -> saveAsSet());
        message.setId("keySetPickerMessage");
        message.getStyleClass().add("muted");
        message.textProperty().bind(vm.messageProperty());
        // The menu and the button keep their names at any width; a long message gives way (whole on hover).
        menu.setMinWidth(Region.USE_PREF_SIZE);
        save.setMinWidth(Region.USE_PREF_SIZE);
        message.setMinWidth(0);
        message.tooltipProperty().bind(Bindings.createObjectBinding(
                () -> message.getText() == null || message.getText().isEmpty() ? null : new Tooltip(message.getText()),
                message.textProperty()));
        setAlignment(Pos.CENTER_LEFT);
        getChildren().setAll(menu, save, message);
    }

    /** Hears each set put into the console's keys or purged from the menu (its sample URLs go with it). */
    public void onChosen(Consumer<KeySet> listener) {
        this.chosen = listener;
    }

    /** Asks for a name and saves the valid keys in the editor as a new set on the chosen service. */
    public void saveAsSet() {
        List<String> valid = keys.validKeys();
        if (valid.isEmpty()) {
            dialogs.inform("Nothing to save", "Add some valid keys first, then save them as a set.");
            return;
        }
        dialogs.askText("Save keys as a key set", "A name for these " + KeySetsViewModel.count(valid.size()) + ":", "",
                vm::nameProblem).ifPresent(name -> {
                    Optional<ServiceInfo> s = currentService.get();
                    vm.saveNew(name, valid, s.map(ServiceInfo::id).orElse(null), s.map(ServiceInfo::name).orElse(null),
                            soft.getAsBoolean());
                });
    }

    private void rebuild() {
        List<KeySet> sets = vm.all();
        List<SharedKeySet> shared = vm.shared().all();
        menu.getItems().clear();
        if (sets.isEmpty() && shared.isEmpty()) {
            MenuItem none = new MenuItem("No key sets yet: type keys, then Save as set…");
            none.setDisable(true);
            menu.getItems().add(none);
            return;
        }
        for (KeySet set : sets.subList(0, Math.min(MAX_IN_MENU, sets.size()))) {
            menu.getItems().add(entry(set, set.name() + "  (" + KeySetsViewModel.count(set.keys().size()) + ")",
                    "keySetItem-"));
        }
        if (sets.size() > MAX_IN_MENU) {
            MenuItem more = new MenuItem((sets.size() - MAX_IN_MENU) + " more in the Key sets tab");
            more.setDisable(true);
            menu.getItems().add(more);
        }
        if (!shared.isEmpty()) {
            MenuItem title = new MenuItem("Shared with the team" + (vm.shared().offlineProperty().get()
                    ? " (offline copy)" : ""));
            title.setDisable(true);
            menu.getItems().addAll(new SeparatorMenuItem(), title);
            for (SharedKeySet s : shared.subList(0, Math.min(MAX_IN_MENU, shared.size()))) {
                menu.getItems().add(entry(s.set(), "Team: " + s.name() + "  (" + KeySetsViewModel.count(s.keys().size())
                        + ")", "sharedKeySetItem-"));
            }
        }
    }

    private Menu entry(KeySet set, String text, String idPrefix) {
        Menu one = new Menu(text);
        one.setId(idPrefix + set.name().replaceAll("\\W", "_"));
        MenuItem replace = new MenuItem("Replace the keys with this set");
        replace.setOnAction(e -> {
            keys.setAll(set.keys());
            chosen.accept(set);
        });
        MenuItem add = new MenuItem("Add this set to the keys");
        add.setOnAction(e -> {
            keys.addAll(set.keys());
            chosen.accept(set);
        });
        MenuItem purge = new MenuItem("Purge this set now…");
        purge.setOnAction(e -> vm.confirmAndPurge(set, currentService.get()));
        one.getItems().setAll(replace, add, new SeparatorMenuItem(), purge);
        return one;
    }
}
