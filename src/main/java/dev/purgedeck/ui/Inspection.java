package dev.purgedeck.ui;

import dev.purgedeck.context.AppContext;
import dev.purgedeck.fastly.PurgeKind;
import dev.purgedeck.fastly.ServiceInfo;
import dev.purgedeck.history.HistoryEntry;
import dev.purgedeck.ui.common.Dialogs;
import dev.purgedeck.ui.history.HistoryView;
import dev.purgedeck.ui.inspect.InspectBar;
import dev.purgedeck.ui.inspect.InspectMenus;
import dev.purgedeck.ui.inspect.InspectorActions;
import dev.purgedeck.ui.inspect.InspectorViewModel;
import dev.purgedeck.ui.inspect.InspectorWindow;
import dev.purgedeck.ui.keysets.KeySetsViewModel;
import dev.purgedeck.ui.purge.PurgeMode;
import dev.purgedeck.ui.purge.PurgeViewModel;
import dev.purgedeck.ui.purge.ResultRow;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.scene.Parent;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.stage.Window;

/**
 * Wires the page inspector into the main window: the console's Inspect field, the Inspect actions on the URL box,
 * results and history rows, and what the inspector's buttons do to the console and the key sets.
 */
final class Inspection implements InspectorActions {
    private final PurgeViewModel purge;
    private final KeySetsViewModel keySets;
    private final Dialogs dialogs;
    private final Supplier<Optional<ServiceInfo>> currentService;
    private final Runnable showConsole;
    private final InspectorViewModel vm;
    private final InspectorWindow window;

    Inspection(AppContext context, Executor fx, Dialogs dialogs, PurgeViewModel purge, KeySetsViewModel keySets,
               Supplier<Optional<ServiceInfo>> currentService, Runnable showConsole, Supplier<Window> owner) {
        this.purge = purge;
        this.keySets = keySets;
        this.dialogs = dialogs;
        this.currentService = currentService;
        this.showConsole = showConsole;
        this.vm = new InspectorViewModel(context.pageFetcher()::inspect, fx, this, Inspection::report);
        this.window = new InspectorWindow(vm, owner);
        // A shield seen in the inspector offers Purge twice for the page's service (docs/fastly-edge.md §2).
        vm.reportProperty().addListener((o, a, report) -> {
            if (report != null) {
                purge.twice().shieldSeen(report);
            }
        });
    }

    InspectorViewModel viewModel() {
        return vm;
    }

    /** Opens the inspector on {@code url}. */
    void inspect(String url) {
        window.inspect(url);
    }

    /** The console with the Inspect field above it, and Inspect on its URL box and result rows. */
    @SuppressWarnings("unchecked")
    Parent around(Parent console) {
        InspectMenus.whenShown(console, "#urlInput", n -> InspectMenus.onUrlBox((TextArea) n, this::inspect));
        InspectMenus.whenShown(console, "#resultsTable", n -> InspectMenus.onRows((TableView<ResultRow>) n,
                "inspectResultRow", r -> r.kind() == PurgeKind.URL ? Optional.of(r.target()) : Optional.empty(),
                this::inspect));
        BorderPane wrapped = new BorderPane(console);
        wrapped.setTop(new InspectBar(this::inspect));
        return wrapped;
    }

    /** Inspect on the history's URL rows. */
    @SuppressWarnings("unchecked")
    HistoryView onHistory(HistoryView view) {
        InspectMenus.whenShown(view.root(), "#historyTable", table -> InspectMenus.onRows(
                (TableView<HistoryEntry>) table, "inspectHistoryRow", e -> e.kind() == PurgeKind.URL
                        ? Optional.of(e.target()) : Optional.empty(), this::inspect));
        return view;
    }

    void close() {
        window.close();
    }

    @Override
    public Optional<String> purgeUrl(String url) {
        if (purge.results().runningProperty().get()) {
            return Optional.of("A purge is running: purge this URL when it has ended.");
        }
        String typed = purge.urls().textProperty().get();
        boolean replace = typed == null || typed.isBlank() || typed.strip().equals(url)
                || dialogs.confirm("Replace the URLs in the console?", "The console's URL box holds other URLs. "
                + "Replace them with " + url + " and purge it?", "Replace and purge");
        if (!replace) {
            return Optional.of("Nothing purged: the console's URLs were kept.");
        }
        showConsole.run();
        purge.modeProperty().set(PurgeMode.URLS);
        purge.urls().textProperty().set(url);
        purge.purgeOrCancel();
        return Optional.empty();
    }

    @Override
    public void addKeys(List<String> keys, String pageUrl) {
        showConsole.run();
        if (pageUrl != null) {
            purge.hosts().selectServiceOf(pageUrl); // the page's keys belong to the page's service
        }
        purge.modeProperty().set(PurgeMode.KEYS);
        purge.keys().addAll(keys);
        purge.checkPages().keysFrom(keys, pageUrl); // a purge of these keys is verified on this page
    }

    @Override
    public void saveKeySet(List<String> keys) {
        dialogs.askText("Save keys as a key set", "A name for these " + InspectorViewModel.count(keys.size()) + ":",
                "", keySets::nameProblem).ifPresent(name -> {
                    Optional<ServiceInfo> s = currentService.get();
                    keySets.saveNew(name, keys, s.map(ServiceInfo::id).orElse(null),
                            s.map(ServiceInfo::name).orElse(null), purge.softProperty().get());
                });
    }

    /** A failure that is not a plain fetch problem is a bug: the app's error reporter logs it and says so. */
    private static void report(Throwable t) {
        Thread.UncaughtExceptionHandler h = Thread.getDefaultUncaughtExceptionHandler();
        if (h != null) {
            h.uncaughtException(Thread.currentThread(), t);
        }
    }
}
