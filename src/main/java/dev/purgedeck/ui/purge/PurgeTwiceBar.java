package dev.purgedeck.ui.purge;

import dev.purgedeck.ui.common.Icons;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;

/** The console's Purge twice parts: the hint under Soft purge with Turn off, the offer line, the countdown's tick. */
final class PurgeTwiceBar {
    /** How often the countdown to a second purge is redrawn while a job runs. */
    private static final Duration TICK = Duration.millis(250);

    private final PurgeViewModel vm;
    private final Timeline ticker;

    PurgeTwiceBar(PurgeViewModel vm) {
        this.vm = vm;
        ticker = new Timeline(new KeyFrame(TICK, e -> vm.results().tick()));
        ticker.setCycleCount(Animation.INDEFINITE);
        vm.results().runningProperty().addListener((o, was, running) -> {
            if (running) {
                ticker.play();
            } else {
                ticker.stop();
            }
        });
    }

    /** "Purge twice (2 s) · Turn off", beside the progress detail; shown only while the service has it on. */
    HBox hintBeside(Label progressDetail) {
        Label hint = new Label();
        hint.setId("twiceHint");
        hint.setGraphic(Icons.icon(Feather.REPEAT));
        hint.setMinWidth(Region.USE_PREF_SIZE);
        hint.textProperty().bind(vm.twice().hintProperty());
        Tooltip why = new Tooltip();
        why.textProperty().bind(vm.twice().hintDetailProperty());
        why.setWrapText(true);
        why.setMaxWidth(420);
        hint.setTooltip(why);
        Hyperlink off = new Hyperlink("Turn off");
        off.setId("twiceOff");
        off.setMinWidth(Region.USE_PREF_SIZE);
        off.setTooltip(new Tooltip("Purge this service once from now on (Settings can turn it on again)"));
        off.setOnAction(e -> vm.twice().turnOff());
        off.disableProperty().bind(vm.results().runningProperty());
        HBox twice = new HBox(4, hint, off);
        twice.setAlignment(Pos.CENTER_LEFT);
        twice.visibleProperty().bind(hint.textProperty().isNotEmpty());
        twice.managedProperty().bind(twice.visibleProperty());
        HBox.setHgrow(progressDetail, Priority.ALWAYS);
        HBox row = new HBox(12, twice, progressDetail);
        row.setAlignment(Pos.CENTER_LEFT);
        row.visibleProperty().bind(twice.visibleProperty().or(progressDetail.visibleProperty()));
        row.managedProperty().bind(row.visibleProperty());
        return row;
    }

    /** "Daily Courier — www is shielded: Fastly advises purging twice. [Purge twice on this service] [Not now]". */
    static Node offer(PurgeViewModel vm) {
        Label text = new Label();
        text.setId("twiceOfferText");
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        text.textProperty().bind(vm.twice().offerProperty());
        Button accept = new Button("Purge twice on this service");
        accept.setId("twiceAccept");
        accept.setMinWidth(Region.USE_PREF_SIZE);
        accept.setOnAction(e -> vm.twice().acceptOffer());
        Button later = new Button("Not now");
        later.setId("twiceNotNow");
        later.setMinWidth(Region.USE_PREF_SIZE);
        later.setOnAction(e -> vm.twice().declineOffer());
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox bar = new HBox(8, Icons.icon(Feather.INFO), text, accept, later);
        bar.setId("twiceOffer");
        bar.getStyleClass().add("twice-offer");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.visibleProperty().bind(text.textProperty().isNotEmpty());
        bar.managedProperty().bind(bar.visibleProperty());
        return bar;
    }
}
