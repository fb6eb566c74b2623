package dev.purgedeck.ui.settings;

import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Settings' Team notices section: the profile's webhook address, its problem at the field, Test and Save. */
public final class TeamNoticeSection {
    private final VBox root;

    public TeamNoticeSection(TeamNoticeViewModel vm) {
        Label title = new Label("Team notices");
        title.getStyleClass().add("section-title");
        Label explain = new Label("Optional: a Slack- or Teams-style incoming webhook for profile " + vm.profile()
                + ". After each purge it gets a short notice (who, service, what, purge IDs, failures), never the "
                + "token. A failing webhook never fails a purge. The address is a secret: it is shown as dots.");
        explain.setWrapText(true);
        explain.getStyleClass().add("muted");
        // A password field: the address lets anyone post to the channel, so it stays out of screenshots.
        PasswordField url = new PasswordField();
        url.setId("webhookUrl");
        url.setPromptText("https://hooks.slack.com/services/…");
        url.textProperty().bindBidirectional(vm.urlProperty());
        url.setOnAction(e -> vm.save());
        HBox.setHgrow(url, Priority.ALWAYS);
        Label problem = new Label();
        problem.setId("webhookUrlMessage");
        problem.setWrapText(true);
        problem.getStyleClass().add("error-text");
        problem.textProperty().bind(vm.problemProperty());
        problem.visibleProperty().bind(vm.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        Button test = new Button("Send test notice");
        test.setId("webhookTest");
        test.disableProperty().bind(vm.busyProperty().or(vm.urlProperty().isEmpty())
                .or(vm.problemProperty().isNotEmpty()));
        test.setOnAction(e -> vm.test());
        Button save = new Button("Save");
        save.setId("webhookSave");
        save.disableProperty().bind(vm.busyProperty().or(vm.problemProperty().isNotEmpty()));
        save.setOnAction(e -> vm.save());
        Label message = new Label();
        message.setId("webhookMessage");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        message.visibleProperty().bind(vm.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        root = new VBox(8, title, explain, new HBox(8, new Label("Webhook"), url, test, save), problem, message);
        root.setId("teamNoticeSection");
        root.setFillWidth(true);
        ((HBox) root.getChildren().get(2)).setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    }

    public Parent root() {
        return root;
    }
}
