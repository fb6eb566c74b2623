package dev.purgedeck.ui.settings;

import dev.purgedeck.history.HistoryStore;
import dev.purgedeck.settings.EndpointKind;
import dev.purgedeck.settings.Profile;
import dev.purgedeck.settings.Settings;
import dev.purgedeck.settings.ThemeMode;
import dev.purgedeck.ui.common.Icons;
import java.util.List;
import java.util.function.IntConsumer;
import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;

/** The Settings screen: profiles and tokens, the token in use, purge defaults, theme, and the data folder. */
public final class SettingsView {
    private static final Duration REVEAL_FOR = Duration.seconds(5);

    private final SettingsViewModel vm;
    private final ScrollPane root;
    /** Fills the profile form with a profile to edit; set when the form is built. */
    private java.util.function.Consumer<Profile> startEdit = p -> { };
    private final VBox content;
    private final VBox purging;

    /** @param tokenDetails what the window knows about the active token (owner, scopes, expiry), one text */
    public SettingsView(SettingsViewModel vm, ReadOnlyStringProperty tokenDetails, Runnable openDataFolder) {
        this.vm = vm;
        purging = purging();
        content = new VBox(18, profiles(), token(tokenDetails), purging, appearance(), data(openDataFolder), messageLine());
        content.setPadding(new Insets(16));
        content.setMaxWidth(900);
        root = new ScrollPane(content);
        root.setFitToWidth(true);
        root.setId("settingsView");
    }

    public Parent root() {
        return root;
    }

    /** Adds a section about purging (Purge twice) just before the purge defaults. */
    public void addSectionBeforePurging(Node section) {
        content.getChildren().add(content.getChildren().indexOf(purging), section);
    }

    /** Adds a section (e.g. Team) just before Data. */
    public void addSection(Node section) {
        content.getChildren().add(content.getChildren().size() - 2, section);
    }

    private VBox profiles() {
        ListView<Profile> list = new ListView<>(vm.profiles());
        list.setId("profileList");
        list.setPrefHeight(170);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Profile p, boolean empty) {
                super.updateItem(p, empty);
                if (empty || p == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                Label name = new Label(p.name() + (p.name().equals(vm.active().name()) ? "  (in use)" : ""));
                name.getStyleClass().add("service-name");
                Label what = new Label(p.description() + (p.endpoint() == null ? "" : " · " + p.endpoint()));
                what.getStyleClass().add("muted");
                setText(null);
                setGraphic(new VBox(1, name, what));
            }
        });
        Button use = onSelected(list, "Use this profile", "useProfile", vm::use);
        Button remove = onSelected(list, "Remove", "removeProfile", vm::remove);
        Button edit = onSelected(list, "Edit", "editProfile", p -> startEdit.accept(p));
        list.getSelectionModel().selectedItemProperty().addListener((o, a, p) -> {
            use.setDisable(p == null);
            remove.setDisable(p == null || !p.userSaved());
            edit.setDisable(p == null || !p.userSaved());
        });
        use.setDisable(true);
        remove.setDisable(true);
        edit.setDisable(true);
        return section("Profiles", "Where purges go and with which token. PurgeDeck finds FASTLY_API_TOKEN and the "
                + "Fastly CLI's saved tokens by itself; the sandbox is always there.", list, new HBox(8, use, edit, remove), addForm());
    }

    /** A button that acts on the profile selected in {@code list}. */
    private static Button onSelected(ListView<Profile> list, String text, String id, java.util.function.Consumer<Profile> action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> {
            Profile p = list.getSelectionModel().getSelectedItem();
            if (p != null) {
                action.accept(p);
            }
        });
        return b;
    }

    private VBox addForm() {
        TextField name = new TextField();
        name.setId("newProfileName");
        name.setPromptText("e.g. Production");
        ChoiceBox<Boolean> endpoint = new ChoiceBox<>();
        endpoint.setId("newProfileEndpoint");
        endpoint.getItems().setAll(false, true);
        endpoint.setValue(false);
        endpoint.setConverter(new StringConverter<>() {
            @Override
            public String toString(Boolean custom) {
                return Boolean.TRUE.equals(custom) ? "Custom endpoint" : "Fastly API (api.fastly.com)";
            }

            @Override
            public Boolean fromString(String s) {
                return null;
            }
        });
        TextField url = new TextField();
        url.setId("newProfileUrl");
        url.setPromptText("https://… (http only for 127.0.0.1 or localhost)");
        url.disableProperty().bind(endpoint.valueProperty().isEqualTo(false));
        PasswordField token = new PasswordField();
        token.setId("newProfileToken");
        token.setPromptText("API token");
        token.setAccessibleText("API token, hidden");
        TextField shown = new TextField();
        shown.setId("newProfileTokenShown");
        shown.setEditable(false);
        shown.setVisible(false);
        shown.textProperty().bind(token.textProperty());
        ToggleButton reveal = new ToggleButton();
        reveal.setId("revealToken");
        reveal.setGraphic(Icons.icon(Feather.EYE));
        Icons.describe(reveal, "Show the token for 5 seconds");
        PauseTransition hideAgain = new PauseTransition(REVEAL_FOR);
        hideAgain.setOnFinished(e -> reveal.setSelected(false));
        reveal.selectedProperty().addListener((o, a, on) -> {
            shown.setVisible(on);
            token.setVisible(!on);
            if (on) {
                hideAgain.playFromStart();
            }
        });
        StackPane tokenBox = new StackPane(token, shown);
        HBox.setHgrow(tokenBox, Priority.ALWAYS);
        Label error = new Label();
        error.setId("profileError");
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.textProperty().bind(vm.profileErrorProperty());
        // The same form edits a profile added here: the token may be left empty to keep the saved one.
        javafx.beans.property.ObjectProperty<Profile> editing = new javafx.beans.property.SimpleObjectProperty<>();
        Button add = new Button("Add and use", Icons.icon(Feather.PLUS));
        add.setId("addProfile");
        add.textProperty().bind(javafx.beans.binding.Bindings.when(editing.isNull()).then("Add and use").otherwise("Save changes"));
        token.promptTextProperty().bind(javafx.beans.binding.Bindings.when(editing.isNull()).then("API token")
                .otherwise("Leave empty to keep the saved token"));
        Button cancel = new Button("Cancel");
        cancel.setId("cancelProfileEdit");
        cancel.visibleProperty().bind(editing.isNotNull());
        cancel.managedProperty().bind(cancel.visibleProperty());
        Runnable clear = () -> {
            editing.set(null);
            token.clear();
            name.clear();
            url.clear();
        };
        cancel.setOnAction(e -> clear.run());
        startEdit = p -> {
            editing.set(p);
            name.setText(p.name());
            endpoint.setValue(p.endpointKind() != EndpointKind.FASTLY);
            url.setText(p.endpointKind() == EndpointKind.FASTLY || p.endpoint() == null ? "" : p.endpoint().toString());
            token.clear();
            name.requestFocus();
        };
        add.setOnAction(e -> (editing.get() == null
                ? vm.add(name.getText(), endpoint.getValue(), url.getText(), token.getText())
                : vm.edit(editing.get(), name.getText(), endpoint.getValue(), url.getText(), token.getText()))
                .thenAccept(saved -> saved.ifPresent(p -> clear.run())));
        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        form.addRow(0, new Label("Name"), name);
        form.addRow(1, new Label("Endpoint"), new HBox(8, endpoint, url));
        form.addRow(2, new Label("Token"), new HBox(8, tokenBox, reveal));
        form.add(error, 1, 3);
        form.add(new HBox(8, add, cancel), 1, 4);
        GridPane.setHgrow(name, Priority.ALWAYS);
        HBox.setHgrow(url, Priority.ALWAYS);
        Label title = new Label("Add a profile");
        title.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> editing.get() == null
                ? "Add a profile" : "Edit \u201c" + editing.get().name() + "\u201d", editing));
        title.getStyleClass().add("section-title");
        return new VBox(8, title, form);
    }

    private VBox token(ReadOnlyStringProperty details) {
        Label text = new Label();
        text.setId("tokenDetails");
        text.setWrapText(true);
        text.textProperty().bind(details);
        return section("Token in use", "Read from Fastly (/tokens/self). The token itself is never shown.", text);
    }

    private VBox purging() {
        Settings s = vm.current();
        CheckBox soft = new CheckBox("Soft purge by default (mark content stale instead of removing it)");
        soft.setId("settingSoft");
        soft.setSelected(s.defaultSoft());
        soft.selectedProperty().addListener((o, a, b) -> vm.setDefaultSoft(b));
        Spinner<Integer> concurrency = new Spinner<>(Settings.MIN_CONCURRENCY, Settings.MAX_CONCURRENCY, s.concurrency());
        concurrency.setId("settingConcurrency");
        concurrency.setEditable(true);
        concurrency.valueProperty().addListener((o, a, b) -> vm.setConcurrency(b));
        Spinner<Integer> confirm = new Spinner<>(0, Settings.MAX_CONFIRM_ABOVE, s.confirmAbove(), 50);
        confirm.setId("settingConfirmAbove");
        confirm.setEditable(true);
        confirm.valueProperty().addListener((o, a, b) -> vm.setConfirmAbove(b));
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.addRow(0, new Label("Requests at once"), concurrency);
        grid.addRow(1, new Label("Ask before purging more than"), new HBox(6, confirm, new Label("URLs or keys")));
        grid.addRow(2, new Label("Request timeout"), new HBox(6, limit("settingTimeout", 1,
                Settings.MAX_TIMEOUT_SECONDS, s.requestTimeoutSeconds(), vm::setRequestTimeoutSeconds),
                new Label("seconds")));
        grid.addRow(3, new Label("Retries"), limit("settingRetries", 0, Settings.MAX_RETRIES, s.retries(),
                vm::setRetries));
        grid.addRow(4, new Label("Job deadline"), new HBox(6, limit("settingDeadline", 0,
                Settings.MAX_DEADLINE_MINUTES, s.deadlineMinutes(), vm::setDeadlineMinutes),
                new Label("minutes (0: none)")));
        return section("Purging", null, soft, grid);
    }

    /** A spinner for one of the request limits; timeout and retries apply to the next session (profile switch). */
    private static Spinner<Integer> limit(String id, int min, int max, int value, IntConsumer set) {
        Spinner<Integer> spinner = new Spinner<>(min, max, value);
        spinner.setId(id);
        spinner.setEditable(true);
        spinner.valueProperty().addListener((o, a, b) -> set.accept(b));
        return spinner;
    }

    private VBox appearance() {
        ChoiceBox<ThemeMode> theme = new ChoiceBox<>();
        theme.setId("settingTheme");
        theme.getItems().setAll(ThemeMode.values());
        theme.setValue(vm.current().theme());
        theme.setConverter(new StringConverter<>() {
            @Override
            public String toString(ThemeMode m) {
                return m == null ? "" : switch (m) {
                    case LIGHT -> "Light";
                    case DARK -> "Dark";
                    case SYSTEM -> "Follow the system";
                };
            }

            @Override
            public ThemeMode fromString(String s) {
                return null;
            }
        });
        theme.valueProperty().addListener((o, a, b) -> vm.setTheme(b));
        return section("Appearance", null, new HBox(10, new Label("Theme"), theme));
    }

    private VBox data(Runnable openFolder) {
        Label where = new Label(vm.dataDir().toAbsolutePath().toString());
        where.setId("dataFolder");
        Button open = new Button("Open folder", Icons.icon(Feather.FOLDER));
        open.setId("openSettingsFolder");
        open.setOnAction(e -> openFolder.run());
        HBox row = new HBox(10, where, open);
        row.setAlignment(Pos.CENTER_LEFT);
        return section("Data", "History (" + HistoryStore.FILE_NAME + "), key sets, settings and saved tokens live "
                + "here. Set PURGEDECK_HOME to keep them elsewhere.", row);
    }

    private Label messageLine() {
        Label message = new Label();
        message.setId("settingsMessage");
        message.getStyleClass().add("muted");
        message.textProperty().bind(vm.messageProperty());
        return message;
    }

    private static VBox section(String title, String explain, Node... body) {
        Label t = new Label(title);
        t.getStyleClass().add("section-title");
        VBox box = new VBox(8, t);
        if (explain != null) {
            Label e = new Label(explain);
            e.setWrapText(true);
            e.getStyleClass().add("muted");
            box.getChildren().add(e);
        }
        box.getChildren().addAll(List.of(body));
        return box;
    }
}
