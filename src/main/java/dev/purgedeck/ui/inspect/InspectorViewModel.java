package dev.purgedeck.ui.inspect;

import dev.purgedeck.edge.PageFetchException;
import dev.purgedeck.edge.PageReport;
import dev.purgedeck.files.Logs;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The page inspector: the URL, the report of its last inspection (or why there is none), its surrogate keys with the
 * ones the user picked, and the purge, add and save commands. Holds no nodes; fetches never run on the UI thread.
 */
public final class InspectorViewModel {
    private static final System.Logger LOG = Logs.of(InspectorViewModel.class);

    private final Function<String, CompletableFuture<PageReport>> fetch;
    private final Executor fx;
    private final InspectorActions actions;
    private final Consumer<Throwable> unexpected;
    private final StringProperty url = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<PageReport> report = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ObservableList<String> keys = FXCollections.observableArrayList();
    private final ObservableList<String> selectedKeys = FXCollections.observableArrayList();
    /** Only the answer to the latest request is shown; an older one arriving late is dropped. */
    private long generation;

    /**
     * @param fetch      the page fetcher's {@code inspect} (it never blocks)
     * @param fx         runs on the UI thread ({@code Runnable::run} in tests)
     * @param unexpected where a failure that is not a plain fetch problem is reported (the app's ErrorReporter)
     */
    public InspectorViewModel(Function<String, CompletableFuture<PageReport>> fetch, Executor fx,
                              InspectorActions actions, Consumer<Throwable> unexpected) {
        this.fetch = fetch;
        this.fx = fx;
        this.actions = actions;
        this.unexpected = unexpected;
    }

    // ---- Properties

    public StringProperty urlProperty() {
        return url;
    }

    public ReadOnlyObjectProperty<PageReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Why the last inspection has no report, in plain words; empty otherwise. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** What the last action did or why it could not ("Added 3 keys to the key editor."). */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** The page's surrogate keys, as sent. */
    public ObservableList<String> keys() {
        return keys;
    }

    /** The keys the user picked; none picked means the actions take all keys. */
    public ObservableList<String> selectedKeys() {
        return selectedKeys;
    }

    // ---- Commands

    /** Inspects {@code page}: the inspect field, a URL box line, a results or history row. */
    public void inspect(String page) {
        url.set(page == null ? "" : page.strip());
        inspect();
    }

    /** Inspects the URL in {@link #urlProperty()}; the report arrives later on the UI thread. */
    public void inspect() {
        long mine = ++generation;
        String page = url.get();
        busy.set(true);
        error.set("");
        notice.set("");
        CompletableFuture<PageReport> f;
        try {
            f = fetch.apply(page);
        } catch (RuntimeException e) {
            f = CompletableFuture.failedFuture(e);
        }
        f.whenComplete((r, e) -> fx.execute(() -> arrived(mine, page, r, e)));
    }

    /** The one place results cross onto the UI thread. */
    private void arrived(long mine, String page, PageReport r, Throwable e) {
        if (mine != generation) {
            return;
        }
        busy.set(false);
        selectedKeys.clear();
        if (e == null) {
            report.set(r);
            keys.setAll(r.surrogateKeys());
            return;
        }
        report.set(null);
        keys.clear();
        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof PageFetchException) {
            error.set(cause.getMessage());
            LOG.log(System.Logger.Level.INFO, "Could not inspect " + page + ": " + cause.getMessage());
        } else {
            error.set("PurgeDeck could not inspect this page: " + cause);
            unexpected.accept(cause);
        }
    }

    /** Picks or unpicks one key for the add and save actions. */
    public void toggle(String key) {
        if (!selectedKeys.remove(key) && keys.contains(key)) {
            selectedKeys.add(key);
        }
    }

    /** The keys the actions work on: the picked ones in the page's order, else all. */
    public List<String> chosenKeys() {
        return selectedKeys.isEmpty() ? List.copyOf(keys) : keys.stream().filter(selectedKeys::contains).toList();
    }

    /** Purges the inspected URL through the console. */
    public void purgeUrl() {
        Optional<PageReport> r = Optional.ofNullable(report.get());
        String page = r.map(p -> p.url().toString()).orElse(url.get());
        if (page.isBlank()) {
            notice.set("Inspect a page first.");
            return;
        }
        notice.set(actions.purgeUrl(page).orElse("Purging " + page + " from the console."));
    }

    /** Adds the chosen keys to the console's key editor. */
    public void addKeys() {
        List<String> chosen = chosenKeys();
        if (chosen.isEmpty()) {
            notice.set("This page shows no surrogate keys to add.");
            return;
        }
        actions.addKeys(chosen, report.get() == null ? url.get() : report.get().url().toString());
        notice.set("Added " + count(chosen.size()) + " to the key editor.");
    }

    /** Saves the chosen keys as a key set (the set's name is asked for). */
    public void saveKeys() {
        List<String> chosen = chosenKeys();
        if (chosen.isEmpty()) {
            notice.set("This page shows no surrogate keys to save.");
            return;
        }
        actions.saveKeySet(chosen);
    }

    /** The label of the add and save buttons' subject: "all 3 keys" or "2 selected keys". */
    public static String count(int n) {
        return n == 1 ? "1 key" : n + " keys";
    }
}
