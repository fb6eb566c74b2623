package dev.purgedeck.ui.history;

import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

/**
 * The History screen with its scope: This computer (the local history, the source of truth) | Team (the team
 * database). Shown only when a team database is set up; the team pane is built when first chosen.
 */
public final class HistoryScopes {
    private final BorderPane root = new BorderPane();

    public HistoryScopes(Parent local, java.util.function.Supplier<TeamHistoryPane> team) {
        ToggleGroup scope = new ToggleGroup();
        ToggleButton thisComputer = new ToggleButton("This computer");
        thisComputer.setId("scopeLocal");
        ToggleButton teamScope = new ToggleButton("Team");
        teamScope.setId("scopeTeam");
        thisComputer.setToggleGroup(scope);
        teamScope.setToggleGroup(scope);
        thisComputer.setSelected(true);
        HBox bar = new HBox(0, thisComputer, teamScope);
        bar.getStyleClass().add("segmented-button-bar");
        HBox top = new HBox(8, new Label("Show:"), bar);
        top.setPadding(new Insets(12, 12, 0, 12));
        top.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        root.setTop(top);
        root.setCenter(local);
        BorderPane teamBox = new BorderPane();
        teamBox.setPadding(new Insets(12));
        scope.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                was.setSelected(true); // one scope is always chosen
            } else if (now == teamScope) {
                if (teamBox.getCenter() == null) {
                    teamBox.setCenter(team.get().root());
                }
                root.setCenter(teamBox);
            } else {
                root.setCenter(local);
            }
        });
        root.setId("historyScopes");
    }

    public Parent root() {
        return root;
    }
}
