package dev.purgedeck.ui;

import dev.purgedeck.team.TeamStatus;
import dev.purgedeck.team.TeamSync;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;

/** The header's "Team: 1,234 waiting (offline since 10:02)"; absent when no team database is set up. */
final class TeamStatusLabel {
    private TeamStatusLabel() {
    }

    static Label create(Optional<TeamSync> team, Executor fx) {
        Label label = new Label();
        label.setId("teamStatus");
        label.getStyleClass().add("muted");
        label.setVisible(team.isPresent());
        label.setManaged(team.isPresent());
        team.ifPresent(t -> {
            show(label, t.shipper().status());
            // Status changes arrive on the shipper's thread: one crossing onto the UI thread, here.
            t.shipper().addListener(s -> fx.execute(() -> show(label, s)));
        });
        return label;
    }

    private static void show(Label label, TeamStatus s) {
        label.setText(s.headerText(ZoneId.systemDefault()));
        label.setTooltip(s.problem() == null ? null : new Tooltip(s.problem()));
        label.getStyleClass().remove("error-text");
        if (s.offlineSince() != null) {
            label.getStyleClass().add("error-text");
        }
    }
}
