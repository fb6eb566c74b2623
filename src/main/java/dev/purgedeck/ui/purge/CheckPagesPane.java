package dev.purgedeck.ui.purge;

import dev.purgedeck.ui.common.Icons;
import dev.purgedeck.ui.controls.PageListView;
import javafx.beans.binding.Bindings;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * "Check these pages" in key and purge-everything mode: the pages a key purge or purge-all is verified on. A button
 * with the count opens the list below it; closed (the default) it takes no height from the key list, which needs it
 * at 700 px. The list holds the Verify choice too, whose switch is shown in URL mode only.
 */
final class CheckPagesPane {
    final ToggleButton toggle = new ToggleButton();
    final VBox content;

    /** @param prefix the ids' start: the keys' pane and the purge-everything pane are two views of one list */
    CheckPagesPane(PurgeViewModel vm, String prefix) {
        CheckBox verify = new CheckBox("Verify: look at these pages after the purge");
        verify.setId(prefix + "Verify");
        verify.selectedProperty().bindBidirectional(vm.results().verifyProperty());
        verify.disableProperty().bind(vm.results().runningProperty());
        Label about = new Label("Keys added from the inspector are checked on their own page. Items with no page to "
                + "check say \u201cNot verified\u201d.");
        about.getStyleClass().add("muted");
        about.setWrapText(true);
        about.setMinHeight(Region.USE_PREF_SIZE);
        PageListView pages = new PageListView(vm.checkPages().list(), prefix, 3);
        pages.disableProperty().bind(vm.results().runningProperty());
        content = new VBox(6, verify, pages, about);
        content.setId(prefix + "Content");
        content.visibleProperty().bind(toggle.selectedProperty());
        content.managedProperty().bind(content.visibleProperty());
        toggle.setId(prefix + "Toggle");
        toggle.setMinWidth(Region.USE_PREF_SIZE);
        toggle.textProperty().bind(Bindings.createStringBinding(() -> title(vm.checkPages().list().pages().size()),
                vm.checkPages().list().pages()));
        toggle.graphicProperty().bind(Bindings.createObjectBinding(() -> Icons.icon(toggle.isSelected()
                ? Feather.CHEVRON_DOWN : Feather.CHEVRON_RIGHT), toggle.selectedProperty()));
        Icons.describe(toggle, "Check these pages: pages to look at after a purge of keys or everything, to say "
                + "whether it worked");
    }

    static String title(int pages) {
        // Short: at 1024 px it shares its row with the key set tools; the tooltip and the list say the rest.
        return "Check pages (" + pages + ")";
    }
}
