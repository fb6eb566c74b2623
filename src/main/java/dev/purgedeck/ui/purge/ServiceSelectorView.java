package dev.purgedeck.ui.purge;

import dev.purgedeck.fastly.ServiceInfo;
import dev.purgedeck.ui.common.Icons;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** The service list: a search box that filters by name or ID (or takes a typed ID), the list, and refresh. */
final class ServiceSelectorView extends VBox {
    private final ServiceSelectorViewModel model;
    private final TextField search = new TextField();
    private final ListView<ServiceInfo> list = new ListView<>();
    private final Button refresh = Icons.iconButton(Feather.REFRESH_CW, "Reload the service list (F5)");
    private final ProgressIndicator spinner = new ProgressIndicator();
    private final Label status = new Label();
    private final Button remember = new Button("Name this service…");

    ServiceSelectorView(ServiceSelectorViewModel model) {
        this.model = model;
        initializeParts();
        layoutParts();
        setupBindings();
        setupEventHandlers();
    }

    TextField searchField() {
        return search;
    }

    private void initializeParts() {
        setId("serviceSelector");
        getStyleClass().add("service-selector");
        search.setId("serviceSearch");
        search.setPromptText("Search name or ID");
        search.setTooltip(new javafx.scene.control.Tooltip(
                "Filter by name or ID. If your services cannot be listed, type a service ID here."));
        search.setAccessibleText("Search services by name or ID");
        list.setId("serviceList");
        list.setPlaceholder(new Label("No services to show"));
        list.setCellFactory(v -> new ServiceCell());
        refresh.setId("refreshServices");
        spinner.setId("servicesLoading");
        spinner.setPrefSize(18, 18);
        status.setId("servicesStatus");
        status.setWrapText(true);
        status.getStyleClass().add("muted");
    }

    private void layoutParts() {
        Label title = new Label("Service");
        title.getStyleClass().add("section-title");
        HBox.setHgrow(search, Priority.ALWAYS);
        HBox searchRow = new HBox(6, search, refresh);
        HBox statusRow = new HBox(6, spinner, status);
        VBox.setVgrow(list, Priority.ALWAYS);
        remember.setId("rememberService");
        remember.setTooltip(new javafx.scene.control.Tooltip("Give this service ID a name so it is listed here next time"));
        getChildren().setAll(title, searchRow, remember, list, statusRow);
        setSpacing(8);
        setPadding(new Insets(12));
        setPrefWidth(260);
        setMinWidth(220);
    }

    private void setupBindings() {
        search.textProperty().bindBidirectional(model.filterTextProperty());
        list.setItems(model.filteredServices());
        spinner.visibleProperty().bind(model.loadingProperty());
        spinner.managedProperty().bind(model.loadingProperty());
        status.textProperty().bind(model.statusProperty());
        refresh.disableProperty().bind(model.loadingProperty());
        remember.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(model::isTypedId,
                model.serviceIdProperty(), model.selectedProperty()));
        remember.managedProperty().bind(remember.visibleProperty());
        model.selectedProperty().addListener((o, a, s) -> {
            if (s != null && list.getSelectionModel().getSelectedItem() != s) {
                list.getSelectionModel().select(s);
                list.scrollTo(s);
            }
        });
    }

    private void setupEventHandlers() {
        list.getSelectionModel().selectedItemProperty().addListener((o, a, s) -> {
            if (s != null) {
                model.select(s);
            }
        });
        // Filtering may hide the chosen service; keep it chosen unless the user picks another or types an ID.
        search.textProperty().addListener((o, a, text) -> {
            ServiceInfo chosen = model.selectedProperty().get();
            if (chosen != null && !model.filteredServices().contains(chosen) && !text.isBlank()) {
                model.select(null);
            }
        });
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN && !list.getItems().isEmpty()) {
                list.requestFocus();
                list.getSelectionModel().selectFirst();
                e.consume();
            } else if (e.getCode() == KeyCode.ENTER && list.getItems().size() == 1) {
                list.getSelectionModel().selectFirst();
                e.consume();
            }
        });
        refresh.setOnAction(e -> model.load());
        remember.setOnAction(e -> model.nameTypedService());
    }

    /** Name on the first line, ID below in a muted style. */
    private static final class ServiceCell extends ListCell<ServiceInfo> {
        @Override
        protected void updateItem(ServiceInfo s, boolean empty) {
            super.updateItem(s, empty);
            if (empty || s == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            Label name = new Label(s.name().isBlank() ? "(no name)" : s.name());
            name.getStyleClass().add("service-name");
            Label id = new Label(s.id());
            id.getStyleClass().addAll("service-id", "muted");
            setText(null);
            setGraphic(new VBox(1, name, id));
            setAccessibleText(s.label());
        }
    }
}
