package dev.purgedeck.ui.keysets;

import dev.purgedeck.team.SharedKeySet;
import java.time.ZoneId;
import java.util.List;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The "Team" group of the Key sets screen, under the personal sets: the sets shared with the team, each with who
 * changed it last and when, and whether the list is live or the offline copy.
 */
final class SharedSetsPane {
    private final KeySetsViewModel vm;
    private final ListView<SharedKeySet> list = new ListView<>();
    private final VBox root;

    SharedSetsPane(KeySetsViewModel vm, ZoneId zone) {
        this.vm = vm;
        SharedSetsViewModel shared = vm.shared();
        Label title = new Label("Team");
        title.getStyleClass().add("service-name");
        Hyperlink reload = new Hyperlink("Refresh");
        reload.setId("refreshSharedKeySets");
        reload.setOnAction(e -> shared.refresh());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label status = new Label();
        status.setId("sharedKeySetStatus");
        status.setWrapText(true);
        status.getStyleClass().add("muted");
        status.textProperty().bind(shared.statusProperty());
        list.setId("sharedKeySetList");
        list.setItems(shared.sets());
        Label none = new Label("No key sets shared with the team yet. Open one of yours and choose Share with team.");
        none.setWrapText(true);
        list.setPlaceholder(none);
        list.setCellFactory(v -> new KeySetCell<SharedKeySet>(SharedKeySet::name, s -> List.of(
                KeySetsViewModel.count(s.keys().size())
                        + (s.set().serviceName().isBlank() ? "" : " \u00b7 " + s.set().serviceName())
                        + (s.set().soft() ? " \u00b7 soft" : ""), s.changedText(zone))));
        list.getSelectionModel().selectedItemProperty().addListener((o, a, s) -> {
            SharedKeySet editing = vm.editingSharedProperty().get();
            if (s != null && (editing == null || !editing.name().equals(s.name()) || editing.version() != s.version())) {
                vm.editShared(s);
            }
        });
        // Leaving the shared set for a personal or new one clears the Team selection, so one thing is selected.
        vm.editingSharedProperty().addListener((o, a, s) -> {
            if (s == null) {
                list.getSelectionModel().clearSelection();
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        root = new VBox(4, new HBox(8, title, spacer, reload), status, list);
        root.setId("sharedKeySets");
    }

    VBox root() {
        return root;
    }
}
