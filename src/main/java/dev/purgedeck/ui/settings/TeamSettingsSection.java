package dev.purgedeck.ui.settings;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.beans.property.StringProperty;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** Settings' Team section: the team PostgreSQL's connection, Test and Save, with problems shown at their field. */
public final class TeamSettingsSection {
    private final VBox root;
    private final Map<String, Control> fields = new LinkedHashMap<>();
    private final Map<String, Label> notesByName = new LinkedHashMap<>();

    public TeamSettingsSection(TeamSettingsViewModel vm) {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(4);
        int row = 0;
        row = field(grid, row, "host", "Host", text("teamHost", vm.hostProperty(), "db.example.com"));
        row = field(grid, row, "port", "Port", text("teamPort", vm.portProperty(), "5432"));
        row = field(grid, row, "database", "Database", text("teamDatabase", vm.databaseProperty(), "ops"));
        row = field(grid, row, "service", "Or service", text("teamService", vm.serviceProperty(),
                "a name from pg_service.conf"));
        row = field(grid, row, "user", "User", text("teamUser", vm.userProperty(), "purgedeck_editor"));
        PasswordField password = new PasswordField();
        password.setId("teamPassword");
        password.setPromptText("empty: the saved one, else ~/.pgpass");
        password.textProperty().bindBidirectional(vm.passwordProperty());
        row = field(grid, row, "password", "Password", password);
        ComboBox<String> ssl = new ComboBox<>();
        ssl.setId("teamSslMode");
        ssl.getItems().setAll("", "verify-full", "require", "disable");
        ssl.setPromptText("default (this computer only)");
        ssl.valueProperty().bindBidirectional(vm.sslModeProperty());
        row = field(grid, row, "sslMode", "TLS", ssl);
        field(grid, row, "sslRootCert", "CA certificate", text("teamSslRootCert", vm.sslRootCertProperty(),
                "file of the CA that signed the server's certificate"));
        Button test = new Button("Test");
        test.setId("teamTest");
        test.disableProperty().bind(vm.busyProperty());
        test.setOnAction(e -> vm.test());
        Button save = new Button("Save");
        save.setId("teamSave");
        save.disableProperty().bind(vm.busyProperty());
        save.setOnAction(e -> vm.save());
        Label title = new Label("Team");
        title.getStyleClass().add("section-title");
        Label explain = new Label("Optional: the team's PostgreSQL, which every PurgeDeck copies its history to so "
                + "anyone can see who purged what. A server that is not this computer needs TLS with verify-full.");
        explain.setWrapText(true);
        explain.getStyleClass().add("muted");
        root = new VBox(8, title, explain, grid, new HBox(8, test, save));
        root.setId("teamSection");
        vm.messageProperty().addListener((o, a, m) -> show(vm.problemFieldProperty().get(), m));
    }

    public Parent root() {
        return root;
    }

    private static TextField text(String id, StringProperty value, String prompt) {
        TextField t = new TextField();
        t.setId(id);
        t.setPromptText(prompt);
        t.textProperty().bindBidirectional(value);
        return t;
    }

    private int field(GridPane grid, int row, String name, String label, Control control) {
        Label note = new Label();
        note.setId(control.getId() + "Message");
        note.setWrapText(true);
        note.setVisible(false);
        note.setManaged(false);
        grid.addRow(row, new Label(label), control);
        grid.add(note, 1, row + 1);
        fields.put(name, control);
        notesByName.put(name, note);
        return row + 2;
    }

    /** The message under its field (a failed connection under Host), or under the buttons' field when none. */
    private void show(String field, String message) {
        notesByName.values().forEach(n -> {
            n.setVisible(false);
            n.setManaged(false);
            n.getStyleClass().remove("error-text");
        });
        String at = field == null || field.isEmpty() || !notesByName.containsKey(field) ? "host" : field;
        Label note = notesByName.get(at);
        note.setText(message);
        note.setVisible(message != null && !message.isEmpty());
        note.setManaged(note.isVisible());
        if (field != null && !field.isEmpty()) {
            note.getStyleClass().add("error-text");
            fields.get(at).requestFocus();
        }
    }
}
