package dev.purgedeck.ui.settings;

import dev.purgedeck.settings.PurgeTwiceSetting;
import dev.purgedeck.ui.common.Icons;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** Settings' Purge twice section: why, and per service its switch, its two delays (checked at the field), remove. */
public final class PurgeTwiceSection {
    /** AtlantaFX draws a field in this state with a red border. */
    private static final PseudoClass DANGER = PseudoClass.getPseudoClass("danger");
    private final PurgeTwiceViewModel vm;
    private final VBox root = new VBox(8);
    private final VBox rows = new VBox(10);
    private final Label empty = new Label("No service is purged twice. PurgeDeck offers it when it sees a shielded "
            + "service (in the inspector or when it verifies a purge).");
    /** One row per service, kept while the service is listed, so a field being typed in is never rebuilt. */
    private final Map<String, Row> shown = new LinkedHashMap<>();

    public PurgeTwiceSection(PurgeTwiceViewModel vm) {
        this.vm = vm;
        Label title = new Label("Purge twice");
        title.getStyleClass().add("section-title");
        Label why = new Label("On a shielded service a purge can reach an edge POP before its shield; a visitor's "
                + "request in between makes the edge fetch the old copy from the shield again (the shielding race). "
                + "Fastly advises purging such services twice, about 2 s apart for URLs and keys and 30 s for "
                + "everything; the second purge removes that copy.");
        why.setWrapText(true);
        why.getStyleClass().add("muted");
        empty.setId("purgeTwiceEmpty");
        empty.setWrapText(true);
        empty.getStyleClass().add("muted");
        Label message = new Label();
        message.setId("purgeTwiceMessage");
        message.getStyleClass().add("error-text");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        root.getChildren().setAll(title, why, empty, rows, message);
        root.setId("purgeTwiceSection");
        vm.services().addListener((ListChangeListener<PurgeTwiceSetting>) c -> update());
        update();
    }

    public Parent root() {
        return root;
    }

    private void update() {
        Map<String, PurgeTwiceSetting> now = new LinkedHashMap<>();
        vm.services().forEach(s -> now.put(s.serviceId(), s));
        shown.keySet().retainAll(now.keySet());
        now.values().forEach(s -> shown.computeIfAbsent(s.serviceId(), id -> new Row(s)).show(s));
        rows.getChildren().setAll(shown.values().stream().map(r -> r.box).toList());
        empty.setVisible(now.isEmpty());
        empty.setManaged(now.isEmpty());
    }

    /** One service: its switch with name and ID, its two delays and Remove. */
    private final class Row {
        final VBox box = new VBox(4);
        final CheckBox on = new CheckBox();
        final TextField url = delayField("twiceUrlDelay");
        final TextField all = delayField("twiceAllDelay");
        final Label problem = new Label();

        Row(PurgeTwiceSetting s) {
            String id = s.serviceId();
            box.setId("purgeTwice-" + id);
            on.getStyleClass().add("twice-on");
            on.setOnAction(e -> vm.setOn(id, on.isSelected()));
            commitOnLeave(url, id, vm::setUrlDelay);
            commitOnLeave(all, id, vm::setAllDelay);
            Button remove = new Button("Remove", Icons.icon(Feather.TRASH_2));
            remove.getStyleClass().add("twice-remove");
            remove.setOnAction(e -> vm.remove(id));
            problem.getStyleClass().addAll("error-text", "twice-problem");
            problem.setWrapText(true);
            problem.managedProperty().bind(problem.textProperty().isNotEmpty());
            FlowPane delays = new FlowPane(8, 6, new Label("Pause:"), url, new Label("s for URLs and keys,"), all,
                    new Label("s for everything"), remove);
            delays.setAlignment(Pos.CENTER_LEFT);
            HBox head = new HBox(on);
            box.getChildren().setAll(head, delays, problem);
        }

        void show(PurgeTwiceSetting s) {
            on.setText(s.label() + (s.serviceName().isBlank() ? "" : " (" + s.serviceId() + ")"));
            on.setSelected(s.on());
            // What the user is typing stays as typed; the stored value shows once the field is left.
            if (!url.isFocused() && problem.getText().isEmpty()) {
                url.setText(Integer.toString(s.urlDelaySeconds()));
            }
            if (!all.isFocused() && problem.getText().isEmpty()) {
                all.setText(Integer.toString(s.allDelaySeconds()));
            }
        }

        private void commitOnLeave(TextField field, String id, BiFunction<String, String, Optional<String>> set) {
            Runnable commit = () -> {
                problem.setText("");
                Optional<String> bad = set.apply(id, field.getText());
                field.pseudoClassStateChanged(DANGER, bad.isPresent());
                problem.setText(bad.orElse(""));
            };
            field.setOnAction(e -> commit.run());
            field.focusedProperty().addListener((o, was, now) -> {
                if (!now) {
                    commit.run();
                }
            });
        }
    }

    private static TextField delayField(String styleClass) {
        TextField f = new TextField();
        f.getStyleClass().add(styleClass);
        f.setPrefColumnCount(4);
        f.setAccessibleText(styleClass.equals("twiceUrlDelay") ? "Seconds between the two purges of URLs and keys"
                : "Seconds between the two purges of everything");
        return f;
    }
}
