package dev.purgedeck.ui.purge;

import dev.purgedeck.fastly.SandboxAdmin.CachedItem;
import dev.purgedeck.ui.common.Icons;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** The sandbox's simulated cache for the chosen service: each object's URL, keys and state (fresh, stale, gone). */
final class SandboxCacheView extends VBox {
    private final SandboxCacheViewModel model;
    private final ListView<CachedItem> list = new ListView<>();
    private final Label summary = new Label();
    private final Button reseed = Icons.iconButton(Feather.ROTATE_CCW, "Put every demo object back in the cache");
    private final Button publish = new Button("Publish new version");
    private final Label notice = new Label();

    SandboxCacheView(SandboxCacheViewModel model) {
        this.model = model;
        setId("sandboxCache");
        getStyleClass().add("sandbox-cache");
        Label title = new Label("Sandbox cache");
        title.getStyleClass().add("section-title");
        Label explain = new Label("What the demo edge holds for this service. Purge and watch objects turn stale or gone.");
        explain.setWrapText(true);
        explain.getStyleClass().add("muted");
        explain.setMinHeight(Region.USE_PREF_SIZE);
        summary.setId("sandboxCacheSummary");
        summary.setWrapText(true);
        // Wrapped, never cut: at 1024 px the counts need a second line in this narrow panel.
        summary.setMinHeight(Region.USE_PREF_SIZE);
        reseed.setId("reseedCache");
        list.setId("sandboxCacheList");
        list.setCellFactory(v -> new ObjectCell());
        list.setPlaceholder(new Label("No cached objects to show"));
        list.setItems(model.objects());
        summary.textProperty().bind(model.summaryProperty());
        reseed.setOnAction(e -> model.reseed());
        // What an editor's CMS does: the origin changes, the edge does not, until a purge.
        publish.setId("publishVersion");
        publish.setTooltip(new Tooltip(
                "Change the selected page at the demo origin; the edge keeps the old copy until it is purged"));
        publish.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        publish.setOnAction(e -> model.publish(list.getSelectionModel().getSelectedItem()));
        keepSelectionAcrossRefresh();
        notice.setId("sandboxCacheNotice");
        notice.setWrapText(true);
        notice.getStyleClass().add("muted");
        notice.textProperty().bind(model.noticeProperty());
        notice.visibleProperty().bind(model.noticeProperty().isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());
        notice.setMinHeight(Region.USE_PREF_SIZE);
        // A loopback endpoint that turns out not to be a sandbox has no cache to show: the panel steps aside.
        visibleProperty().bind(model.availableProperty());
        managedProperty().bind(model.availableProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox head = new HBox(6, title, spacer, reseed);
        head.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().setAll(head, explain, summary, list, publish, notice);
        setSpacing(6);
        setPadding(new Insets(12));
        setPrefWidth(330);
        setMinWidth(260);
    }

    /** A refresh replaces every item; the same URL stays selected so Publish can be pressed again. */
    private void keepSelectionAcrossRefresh() {
        String[] selectedUrl = {null};
        list.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                selectedUrl[0] = now.url();
            }
        });
        model.objects().addListener((ListChangeListener<CachedItem>) c -> model.objects().stream()
                .filter(item -> item.url().equals(selectedUrl[0])).findFirst()
                .ifPresent(item -> list.getSelectionModel().select(item)));
    }

    /** The state as a coloured word beside the URL, with the object's surrogate keys below. */
    private static final class ObjectCell extends ListCell<CachedItem> {
        @Override
        protected void updateItem(CachedItem o, boolean empty) {
            super.updateItem(o, empty);
            setText(null);
            if (empty || o == null) {
                setGraphic(null);
                return;
            }
            String word = o.state().toLowerCase(Locale.ROOT);
            Label state = new Label(word);
            state.getStyleClass().addAll("cache-state", "state-" + word);
            state.setMinWidth(44);
            Label url = new Label(o.url());
            url.getStyleClass().add("cache-url");
            url.setTooltip(new Tooltip(o.url()));
            String version = o.version() > 0 ? "v" + o.version() + " · " : "";
            Label keys = new Label(version + (o.surrogateKeys().isEmpty() ? "no surrogate keys"
                    : "keys: " + String.join(" ", o.surrogateKeys())));
            keys.getStyleClass().addAll("muted", "cache-keys");
            url.setTextOverrun(javafx.scene.control.OverrunStyle.LEADING_ELLIPSIS);
            VBox text = new VBox(1, url, keys);
            // Constrain to the cell so long URLs are cut at the start: the end of the path tells objects apart.
            text.maxWidthProperty().bind(widthProperty().subtract(state.getMinWidth() + 36));
            HBox row = new HBox(8, state, text);
            row.setAlignment(Pos.TOP_LEFT);
            setGraphic(row);
            setAccessibleText(word + ": " + o.url());
        }
    }
}
