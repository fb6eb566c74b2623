package dev.purgedeck.ui.controls;

import dev.purgedeck.ui.common.Icons;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * The editor of a {@link PageListViewModel}: a field with Add (Enter adds), the pages each with a remove button,
 * and the problem under the field. Ids start with the given prefix ({@code prefix + "Field"}, {@code "Add"},
 * {@code "List"}, {@code "Problem"}).
 */
public final class PageListView extends VBox {
    private final PageListViewModel vm;
    private final TextField field = new TextField();
    private final Button add = new Button("Add");
    private final ListView<String> list = new ListView<>();
    private final Label problem = new Label();

    public PageListView(PageListViewModel vm, String prefix, int visibleRows) {
        super(4);
        this.vm = vm;
        field.setId(prefix + "Field");
        field.setPromptText("https://www.example.com/page");
        field.setAccessibleText("A page URL to check after a purge");
        HBox.setHgrow(field, Priority.ALWAYS);
        add.setId(prefix + "Add");
        add.setGraphic(Icons.icon(Feather.PLUS));
        add.setMinWidth(USE_PREF_SIZE);
        list.setId(prefix + "List");
        list.setCellFactory(l -> new PageCell());
        // Tall enough for a few pages, never the whole form: the list scrolls.
        list.setPrefHeight(visibleRows * 26 + 4);
        list.setMinHeight(26 + 4);
        problem.setId(prefix + "Problem");
        problem.getStyleClass().add("error-text");
        problem.setWrapText(true);
        getChildren().setAll(new HBox(6, field, add), problem, list);
        setupBindings();
        setupEventHandlers();
    }

    private void setupBindings() {
        field.textProperty().bindBidirectional(vm.typedProperty());
        list.setItems(vm.pages());
        problem.textProperty().bind(vm.problemProperty());
        problem.visibleProperty().bind(problem.textProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        list.visibleProperty().bind(Bindings.isNotEmpty(vm.pages()));
        list.managedProperty().bind(list.visibleProperty());
    }

    private void setupEventHandlers() {
        add.setOnAction(e -> vm.add());
        field.setOnAction(e -> vm.add());
        list.setOnKeyPressed(e -> {
            String selected = list.getSelectionModel().getSelectedItem();
            if (selected != null && (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE)) {
                vm.remove(selected);
            }
        });
    }

    /** One page with its remove button. */
    private final class PageCell extends ListCell<String> {
        @Override
        protected void updateItem(String page, boolean empty) {
            super.updateItem(page, empty);
            if (empty || page == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label text = new Label(page);
            text.setMaxWidth(Double.MAX_VALUE);
            Button remove = Icons.iconButton(Feather.X, "Remove " + page);
            remove.getStyleClass().add("page-remove");
            remove.setOnAction(e -> vm.remove(page));
            BorderPane row = new BorderPane(text);
            row.setRight(remove);
            BorderPane.setAlignment(text, javafx.geometry.Pos.CENTER_LEFT);
            setText(null);
            setGraphic(row);
        }
    }
}
