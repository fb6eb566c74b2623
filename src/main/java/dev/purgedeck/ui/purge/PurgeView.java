package dev.purgedeck.ui.purge;

import dev.purgedeck.fastly.JobRequest;
import dev.purgedeck.fastly.JobResult;
import dev.purgedeck.ui.common.CopyAs;
import dev.purgedeck.ui.common.TabMovesFocus;
import dev.purgedeck.ui.impact.ImpactView;
import dev.purgedeck.ui.impact.ImpactViewModel;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javafx.beans.value.ChangeListener;
import javafx.event.EventHandler;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.MenuButton;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

/**
 * The purge console: services on the left, the purge form and results in the middle, and in sandbox mode the
 * simulated cache on the right. Installs the console's keyboard shortcuts on its scene.
 */
public final class PurgeView {
    private static final java.time.Duration NOTIFY_AFTER = java.time.Duration.ofSeconds(3);

    private final PurgeViewModel vm;
    private final BorderPane root = new BorderPane();
    private final ServiceSelectorView services;
    private final PurgeFormView form;
    private final ResultsView results;
    private final SplitPane work;
    private final VBox formPart;
    private final VBox resultsPart;
    /** What this console put on its scene, which outlives it (profile switch): {@link #dispose} takes it off. */
    private final Map<KeyCombination, Runnable> shortcuts = new HashMap<>();
    private final EventHandler<KeyEvent> escapeCancels = this::cancelOnEscape;
    private Runnable disposeImpact = () -> { };
    /** Puts the console on screen (selects its tab); the window sets it. */
    private Runnable bringForward = () -> { };
    private final ChangeListener<Scene> sceneFollower = (o, a, scene) -> {
        if (a != null) {
            uninstallShortcuts(a);
        }
        if (scene != null) {
            installShortcuts(scene);
            // An editor types URLs first: the console opens with the cursor in its input (once laid out).
            javafx.application.Platform.runLater(this::focusInput);
        }
    };

    /** @param keyTools tools shown above the key editor (the key set picker), or null */
    public PurgeView(PurgeViewModel vm, Optional<SandboxCacheViewModel> cache, javafx.scene.Node keyTools) {
        this.vm = vm;
        this.services = new ServiceSelectorView(vm.services());
        this.form = new PurgeFormView(vm, keyTools);
        this.results = new ResultsView(vm);
        // Above the results, where the verification that saw the shield shows: the form has no height to spare.
        results.getChildren().add(0, PurgeTwiceBar.offer(vm));
        MenuButton copyAs = new CopyAs(vm.results()::commands, vm::pendingRequests, results::say).button("copyPending");
        copyAs.disableProperty().bind(vm.canPurgeProperty().not());
        form.addBesideModes(copyAs);
        // The form sits beside the sandbox cache; the results span the whole width below both, since a row needs room.
        formPart = padded(form);
        SplitPane top = new SplitPane(formPart);
        cache.ifPresent(c -> {
            top.getItems().add(new SandboxCacheView(c));
            vm.services().serviceIdProperty().addListener((o, a, id) -> c.show(id));
            vm.results().onFinished(r -> c.refresh());
            c.show(vm.services().serviceIdProperty().get());
        });
        top.setDividerPositions(0.66);
        top.getItems().stream().skip(1).forEach(n -> SplitPane.setResizableWithParent(n, false));
        resultsPart = padded(results);
        work = new SplitPane(top, resultsPart);
        work.setOrientation(Orientation.VERTICAL);
        work.setDividerPositions(vm.resultsSplitProperty().get());
        // Only where the user drags the divider is remembered: the split pane also moves it itself, e.g. to give a
        // long key list its minimum height, and that must not stick.
        work.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_RELEASED, e -> {
            for (javafx.scene.Node n = e.getPickResult().getIntersectedNode(); n != null && n != work; n = n.getParent()) {
                if (n.getStyleClass().contains("split-pane-divider")) {
                    vm.resultsSplitProperty().set(work.getDividers().get(0).getPosition());
                    return;
                }
            }
        });
        SplitPane main = new SplitPane(services, work);
        main.setDividerPositions(0.2);
        SplitPane.setResizableWithParent(services, false);
        root.setCenter(main);
        root.setId("purgeView");
        vm.results().onFinished(this::announce);
        root.sceneProperty().addListener(sceneFollower);
        Optional.ofNullable(form.lookup("#urlInput")).ifPresent(n -> TabMovesFocus.install((TextArea) n));
    }

    /**
     * Adds the Impact toggle beside the modes: on, the panel below the results follows the selected service's
     * real-time stats and marks each purge of it; off, or when the console goes, polling stops.
     */
    public void enableImpact(ImpactViewModel impact) {
        ToggleButton toggle = new ToggleButton("Impact", dev.purgedeck.ui.common.Icons.icon(
                org.kordamp.ikonli.feather.Feather.ACTIVITY));
        toggle.setId("impactToggle");
        // The icon alone, as Copy as beside it: the mode row has no room for words at 1024 px.
        toggle.setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
        toggle.setAccessibleText("Impact: chart the hit ratio and origin load");
        toggle.setTooltip(new Tooltip("Chart the edge hit ratio and origin load of the selected service, live"));
        form.addBesideModes(toggle);
        VBox panel = padded(new ImpactView(impact).root());
        panel.setPadding(new Insets(6, 12, 6, 12)); // a short window needs the height for the charts
        ImpactDock dock = new ImpactDock(work, formPart, resultsPart, panel);
        // A summary on a second line may leave the charts too little room under the results: look again.
        impact.summaryProperty().addListener((o, was, now) -> dock.recheck());
        toggle.selectedProperty().addListener((o, was, on) -> {
            if (on) {
                dock.show();
                impact.watch(vm.services().serviceIdProperty().get());
            } else {
                impact.stop();
                dock.hide();
            }
        });
        vm.services().serviceIdProperty().addListener((o, a, id) -> {
            if (toggle.isSelected()) {
                impact.watch(id);
            }
        });
        vm.results().onFinished(r -> {
            if (toggle.isSelected()) {
                impact.markPurge(r.request().serviceId(), Instant.now().minus(r.elapsed()), label(r.request()),
                        r.jobId());
            }
        });
        disposeImpact = impact::stop;
    }

    private static String label(JobRequest r) {
        String soft = r.options().soft() ? "soft " : "";
        return switch (r.kind()) {
            case ALL -> "everything";
            case KEY -> soft + r.targets().size() + (r.targets().size() == 1 ? " key" : " keys");
            case URL -> soft + r.targets().size() + (r.targets().size() == 1 ? " URL" : " URLs");
        };
    }

    /** Puts the cursor in the input of the current mode (the Purge button in Everything mode). */
    public void focusInput() {
        String id = switch (vm.modeProperty().get()) {
            case URLS -> "#urlInput";
            case KEYS -> "#keyInput";
            case ALL -> "#purgeButton";
        };
        Optional.ofNullable(form.lookup(id)).ifPresent(javafx.scene.Node::requestFocus);
    }

    /** Brings the console forward from another screen, with the cursor in its input. */
    private void comeForward() {
        if (!showing()) {
            bringForward.run();
            javafx.application.Platform.runLater(this::focusInput);
        }
    }

    /**
     * How the window shows this console when a shortcut of the console is pressed on another screen: the shortcut
     * then brings the console forward first, and a purge is only sent from a console the user can see.
     */
    public void setBringForward(Runnable bringForward) {
        this.bringForward = bringForward;
    }

    /** Takes this console's shortcuts and Esc filter off the scene; the window calls it when it is replaced. */
    public void dispose() {
        disposeImpact.run();
        root.sceneProperty().removeListener(sceneFollower);
        if (root.getScene() != null) {
            uninstallShortcuts(root.getScene());
        }
    }

    private static VBox padded(javafx.scene.Node n) {
        VBox box = new VBox(n);
        VBox.setVgrow(n, javafx.scene.layout.Priority.ALWAYS);
        box.setPadding(new Insets(12));
        return box;
    }

    public Parent root() {
        return root;
    }

    private void installShortcuts(Scene scene) {
        if (shortcuts.isEmpty()) {
            shortcuts.put(new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN), this::purgeIfShown);
            shortcuts.put(new KeyCodeCombination(KeyCode.DIGIT1, KeyCombination.SHORTCUT_DOWN), () -> showMode(PurgeMode.URLS));
            shortcuts.put(new KeyCodeCombination(KeyCode.DIGIT2, KeyCombination.SHORTCUT_DOWN), () -> showMode(PurgeMode.KEYS));
            shortcuts.put(new KeyCodeCombination(KeyCode.DIGIT3, KeyCombination.SHORTCUT_DOWN), () -> showMode(PurgeMode.ALL));
            shortcuts.put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), () -> {
                bringForward.run();
                services.searchField().requestFocus();
            });
            shortcuts.put(new KeyCodeCombination(KeyCode.F5), vm.services()::load);
            shortcuts.put(new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                    results::copyPurgeIds);
        }
        scene.getAccelerators().putAll(shortcuts);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, escapeCancels);
    }

    /**
     * Ctrl+Enter sends only what the user can see: pressed on another screen it brings the console forward and
     * sends nothing, so a second press sends what is now on screen.
     */
    private void purgeIfShown() {
        if (showing()) {
            vm.purgeOrCancel();
        } else {
            comeForward();
        }
    }

    /** Ctrl+1/2/3 work from any screen: the console comes forward with the chosen mode. */
    private void showMode(PurgeMode mode) {
        comeForward();
        form.selectMode(mode);
    }

    /** Whether the console is on screen; a tab that is not selected keeps its content in the scene, invisible. */
    private boolean showing() {
        if (root.getScene() == null) {
            return false;
        }
        for (javafx.scene.Node n = root; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private void cancelOnEscape(KeyEvent e) {
        if (e.getCode() == KeyCode.ESCAPE && vm.results().runningProperty().get()) {
            vm.cancel();
            e.consume();
        }
    }

    private void uninstallShortcuts(Scene scene) {
        // Only the entries still ours: the next console may already have put its own under the same keys.
        shortcuts.forEach((key, action) -> scene.getAccelerators().remove(key, action));
        scene.removeEventFilter(KeyEvent.KEY_PRESSED, escapeCancels);
    }

    /** Tells a user who may have looked away that a long job ended. */
    private void announce(JobResult result) {
        Window w = window();
        if (w == null || (result.elapsed().compareTo(NOTIFY_AFTER) < 0 && w.isFocused())) {
            return;
        }
        Notifications n = Notifications.create().owner(w).title(ResultsViewModel.headline(result)).text(result.summary())
                .hideAfter(Duration.seconds(6));
        if (result.count(dev.purgedeck.fastly.ItemOutcome.Status.FAILED) > 0) {
            n.showWarning();
        } else {
            n.showInformation();
        }
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }
}
