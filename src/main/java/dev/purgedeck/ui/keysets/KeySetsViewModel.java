package dev.purgedeck.ui.keysets;

import dev.purgedeck.fastly.InvalidInputException;
import dev.purgedeck.fastly.JobRequest;
import dev.purgedeck.fastly.PurgeOptions;
import dev.purgedeck.fastly.ServiceInfo;
import dev.purgedeck.keysets.Conflict;
import dev.purgedeck.keysets.ImportProblem;
import dev.purgedeck.keysets.ImportResult;
import dev.purgedeck.keysets.ImportSummary;
import dev.purgedeck.keysets.KeySet;
import dev.purgedeck.keysets.KeySetFiles;
import dev.purgedeck.keysets.KeySetImporter;
import dev.purgedeck.keysets.KeySetStore;
import dev.purgedeck.team.SharedKeySet;
import dev.purgedeck.team.SharedKeySets;
import dev.purgedeck.ui.common.Dialogs;
import dev.purgedeck.ui.controls.KeyTagViewModel;
import dev.purgedeck.ui.controls.PageListViewModel;
import dev.purgedeck.ui.controls.UiTasks;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Named key sets: the searchable list, the set being edited (name, description, service, soft, keys), and the
 * commands to save, duplicate, delete (with undo), import, export and purge. Commands are called on the UI thread;
 * whatever writes the store runs on the background executor, and its outcome comes back through {@link #inBackground}.
 */
public final class KeySetsViewModel {
    private final KeySetStore store;
    private final BiFunction<JobRequest, KeySet, Optional<String>> purger;
    private final Dialogs dialogs;
    private final ObservableList<KeySet> sets = FXCollections.observableArrayList();
    private final StringProperty search = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<KeySet> editing = new ReadOnlyObjectWrapper<>();
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty description = new SimpleStringProperty("");
    private final StringProperty serviceId = new SimpleStringProperty("");
    private final StringProperty serviceName = new SimpleStringProperty("");
    private final BooleanProperty soft = new SimpleBooleanProperty();
    private final KeyTagViewModel keys = new KeyTagViewModel();
    private final PageListViewModel samplePages = new PageListViewModel();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<KeySet> lastDeleted = new ReadOnlyObjectWrapper<>();
    /** The team's version of {@link #lastDeleted} when that was a shared set, else null. */
    private SharedKeySet lastDeletedFromTeam;
    private final Runnable onStoreChange;
    private final UiTasks tasks;
    private final SharedSetsViewModel shared;
    private final ReadOnlyObjectWrapper<SharedKeySet> editingShared = new ReadOnlyObjectWrapper<>();

    /**
     * @param dialogs    asks before a set is purged, which file to import and what to do with a name that exists
     * @param purger     starts a purge of a set in the console, answering why not when it cannot
     * @param background runs the store's writes (never the UI thread)
     * @param fx         runs the outcome on the UI thread
     */
    public KeySetsViewModel(KeySetStore store, Dialogs dialogs, BiFunction<JobRequest, KeySet, Optional<String>> purger,
                            Executor background, Executor fx) {
        this(store, null, dialogs, purger, background, fx);
    }

    /** @param team the team's shared key sets, shown beside the personal ones; null without a team database */
    public KeySetsViewModel(KeySetStore store, SharedKeySets team, Dialogs dialogs,
                            BiFunction<JobRequest, KeySet, Optional<String>> purger, Executor background, Executor fx) {
        this.store = store;
        this.dialogs = dialogs;
        this.purger = purger;
        this.tasks = new UiTasks(background, fx);
        ZoneId zone = ZoneId.systemDefault();
        this.shared = new SharedSetsViewModel(team, tasks, zone, message::set, q -> dialogs.choose(
                "\u201c" + q.conflict().theirs().map(SharedKeySet::name).orElse(name.get()) + "\u201d changed meanwhile",
                q.text(zone), List.of(ConflictQuestion.Answer.values()), a -> SharedConflictDialog.label(a, q))
                .orElse(ConflictQuestion.Answer.CANCEL));
        // The store tells its listeners on the thread that changed it, the background one: the list is the UI's.
        this.onStoreChange = () -> fx.execute(this::refresh);
        store.addListener(onStoreChange);
        search.addListener((o, a, b) -> refresh());
        store.problem().ifPresent(message::set);
        refresh();
        shared.refresh();
    }

    /**
     * Runs {@code call} on the background executor and hands its result to {@code done} on the UI thread, or shows
     * why it failed: the one place this view model crosses back to the UI.
     */
    private <T> CompletableFuture<Optional<T>> inBackground(UiTasks.Call<T> call, Consumer<T> done,
                                                            Function<Exception, String> failure) {
        return tasks.run(call, done, e -> message.set(failure.apply(e)));
    }

    /** Stops listening to the store (the window is going away). */
    public void dispose() {
        store.removeListener(onStoreChange);
    }

    // ---- Properties

    /** The sets matching the search, by name. */
    public ObservableList<KeySet> sets() {
        return sets;
    }

    public StringProperty searchProperty() {
        return search;
    }

    /** The saved set being edited, or null for a new one not yet saved. */
    public ReadOnlyObjectProperty<KeySet> editingProperty() {
        return editing.getReadOnlyProperty();
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty descriptionProperty() {
        return description;
    }

    public StringProperty serviceIdProperty() {
        return serviceId;
    }

    public StringProperty serviceNameProperty() {
        return serviceName;
    }

    public BooleanProperty softProperty() {
        return soft;
    }

    public KeyTagViewModel keys() {
        return keys;
    }

    /** The set's sample URLs: pages looked at after a purge of it, to say whether it worked. */
    public PageListViewModel samplePages() {
        return samplePages;
    }

    /** What happened last, or what is wrong, in plain words. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The set deleted last, which {@link #undoDelete} brings back. */
    public ReadOnlyObjectProperty<KeySet> lastDeletedProperty() {
        return lastDeleted.getReadOnlyProperty();
    }

    public List<KeySet> all() {
        return store.all();
    }

    // ---- Commands

    /** The team's shared sets (empty, and {@link SharedSetsViewModel#available()} false, without a team). */
    public SharedSetsViewModel shared() {
        return shared;
    }

    /** The shared set being edited (then saving checks its version), or null for a personal or new set. */
    public ReadOnlyObjectProperty<SharedKeySet> editingSharedProperty() {
        return editingShared.getReadOnlyProperty();
    }

    /** Shows a shared set in the editor: Save then writes it for the team, checked against this version. */
    public void editShared(SharedKeySet set) {
        editingShared.set(set);
        show(set.set());
    }

    /** Shows a saved set in the editor. */
    public void edit(KeySet set) {
        editingShared.set(null);
        show(set);
    }

    private void show(KeySet set) {
        editing.set(set);
        if (set == null) {
            return;
        }
        name.set(set.name());
        description.set(set.description() == null ? "" : set.description());
        serviceId.set(set.serviceId() == null ? "" : set.serviceId());
        serviceName.set(set.serviceName() == null ? "" : set.serviceName());
        soft.set(set.soft());
        keys.setAll(set.keys());
        samplePages.setAll(set.sampleUrls());
    }

    /** Starts a new, empty set in the editor. */
    public void newSet() {
        editingShared.set(null);
        editing.set(null);
        name.set(unusedName("New key set"));
        description.set("");
        serviceId.set("");
        serviceName.set("");
        soft.set(false);
        keys.clear();
        samplePages.setAll(List.of());
        message.set("");
    }

    /** Saves the editor: creates the set, or updates (and renames) the one being edited. */
    public CompletableFuture<Optional<KeySet>> save() {
        Optional<KeySet> checked = draft();
        if (checked.isEmpty()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        KeySet draft = checked.get();
        SharedKeySet team = editingShared.get();
        if (team != null) {
            return shared.save(team, draft, this::editShared).thenApply(o -> o.map(SharedKeySet::set));
        }
        KeySet was = editing.get();
        return inBackground(() -> was == null ? store.create(draft) : store.update(was.name(), draft), saved -> {
            editing.set(saved);
            message.set(savedMessage(saved));
        }, Exception::getMessage);
    }

    /**
     * Shares the editor's set with the team: a personal set moves there (removed here once the team has it), a new
     * one is created there. Refused, with the reason, while the team database cannot be reached.
     */
    public CompletableFuture<Optional<SharedKeySet>> shareWithTeam() {
        Optional<KeySet> draft = draft();
        if (draft.isEmpty() || !shared.available() || editingShared.get() != null) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return shared.share(draft.get(), editing.get(), store, this::editShared);
    }

    /** The editor's set as it would be saved, or empty with the reason in the message. */
    private Optional<KeySet> draft() {
        if (keys.getInvalidCount() > 0) {
            message.set("Remove the invalid keys (marked red) before saving.");
            return Optional.empty();
        }
        try {
            return Optional.of(new KeySet(name.get(), description.get(), blankToNull(serviceId.get()),
                    blankToNull(serviceName.get()), keys.validKeys(), soft.get(), null, null, samplePages.pages()));
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Saves keys from the console as a new set and shows it in the editor, so the Key sets screen opens on it; but
     * when the editor holds unsaved edits of another set they stay, and the new set is only added to the list.
     */
    public CompletableFuture<Optional<KeySet>> saveNew(String setName, List<String> setKeys, String service,
                                                       String serviceLabel, boolean setSoft) {
        return inBackground(() -> store.create(new KeySet(setName, "", blankToNull(service), blankToNull(serviceLabel),
                setKeys, setSoft, null, null)), saved -> {
                    if (hasUnsavedEdits()) {
                        message.set(savedMessage(saved) + " Your unsaved changes to \u201c" + name.get()
                                + "\u201d are kept in the editor.");
                    } else {
                        edit(saved);
                        message.set(savedMessage(saved));
                    }
                }, Exception::getMessage);
    }

    /** Whether the editor holds changes not saved yet. */
    public boolean hasUnsavedEdits() {
        return EditorChanges.unsaved(editing.get(), name.get(), description.get(), serviceId.get(), soft.get(), keys)
                || EditorChanges.unsavedPages(editing.get(), samplePages.pages());
    }

    private static String savedMessage(KeySet saved) {
        return "Saved \u201c" + saved.name() + "\u201d with " + count(saved.keys().size()) + ".";
    }

    /** Why {@code candidate} cannot name a new set, or empty when it can. */
    public Optional<String> nameProblem(String candidate) {
        Optional<String> p = KeySet.nameProblem(candidate);
        if (p.isPresent()) {
            return p;
        }
        return store.find(candidate.strip()).isPresent()
                ? Optional.of("A key set called \u201c" + candidate.strip() + "\u201d already exists.") : Optional.empty();
    }

    public void duplicate() {
        if (editing.get() == null || editingShared.get() != null) {
            return;
        }
        String original = editing.get().name();
        inBackground(() -> store.duplicate(original), copy -> {
            edit(copy);
            message.set("Duplicated as \u201c" + copy.name() + "\u201d.");
        }, Exception::getMessage);
    }

    /** Deletes the set being edited; {@link #undoDelete} brings it back. */
    public void delete() {
        KeySet set = editing.get();
        if (set == null) {
            return;
        }
        SharedKeySet team = editingShared.get();
        if (team != null) {
            shared.delete(team, this::editShared).thenAccept(deleted -> deleted.ifPresent(d -> {
                String said = message.get();
                newSet();
                lastDeleted.set(d.set());
                lastDeletedFromTeam = d;
                message.set(said);
            }));
            return;
        }
        inBackground(() -> {
            store.delete(set.name());
            return set;
        }, deleted -> {
            lastDeleted.set(deleted);
            lastDeletedFromTeam = null;
            newSet();
            message.set("Deleted \u201c" + deleted.name() + "\u201d.");
        }, Exception::getMessage);
    }

    /** Brings back the set deleted last: a personal one here, a shared one for the team (as its next version). */
    public void undoDelete() {
        KeySet set = lastDeleted.get();
        if (set == null) {
            return;
        }
        SharedKeySet team = lastDeletedFromTeam;
        if (team != null) {
            shared.restore(team, this::editShared).thenAccept(restored -> restored.ifPresent(r -> {
                lastDeleted.set(null);
                lastDeletedFromTeam = null;
            }));
            return;
        }
        inBackground(() -> store.restore(set), restored -> {
            edit(restored);
            lastDeleted.set(null);
            message.set("Restored \u201c" + set.name() + "\u201d.");
        }, Exception::getMessage);
    }

    /**
     * Asks for a file and imports it in the background, asking for each name that exists whether to replace it, keep
     * both or skip (skip when the question is dismissed). Empty when cancelled or the file could not be read.
     */
    public CompletableFuture<Optional<ImportSummary>> importChosenFile() {
        return dialogs.openFile("Import key sets", "Key sets (JSON) or keys files (text)", "json", "txt", "keys")
                .map(file -> importFile(file, existing -> dialogs.choose("\u201c" + existing + "\u201d already exists",
                        "A key set with this name already exists. What should the import do?",
                        List.of(Conflict.REPLACE, Conflict.RENAME, Conflict.SKIP), KeySetPurge::label)
                        .orElse(Conflict.SKIP)))
                .orElseGet(() -> CompletableFuture.completedFuture(Optional.empty()));
    }

    /**
     * Imports JSON or text (by extension) in the background; names that exist are resolved by {@code resolve}, which
     * is asked on the UI thread (it may open a dialog) while the import waits for the answer.
     */
    public CompletableFuture<Optional<ImportSummary>> importFile(Path file, Function<String, Conflict> resolve) {
        Function<String, Conflict> onUi = existing ->
                CompletableFuture.supplyAsync(() -> resolve.apply(existing), tasks.fx()).join();
        ImportResult[] read = new ImportResult[1];
        return inBackground(() -> {
            try (InputStream in = Files.newInputStream(file)) {
                String fileName = file.getFileName().toString();
                read[0] = fileName.toLowerCase(java.util.Locale.ROOT).endsWith(".json")
                        ? KeySetFiles.readJson(in) : KeySetFiles.readText(stripExtension(fileName), in);
            }
            return KeySetImporter.apply(store, read[0], onUi);
        }, summary -> message.set(describe(summary, read[0].problems())),
                e -> "Could not import " + file.getFileName() + ": " + e.getMessage());
    }

    /** Names in {@code file} that already exist, so the view can ask before importing. */
    public List<String> conflicts(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            String fileName = file.getFileName().toString();
            ImportResult result = fileName.toLowerCase(java.util.Locale.ROOT).endsWith(".json")
                    ? KeySetFiles.readJson(in) : KeySetFiles.readText(stripExtension(fileName), in);
            return KeySetImporter.conflicts(store, result);
        } catch (IOException | IllegalArgumentException e) {
            return List.of();
        }
    }

    /** Writes the given sets as JSON, or one set as a Fastly-CLI keys file (one key per line), in the background. */
    public CompletableFuture<Optional<Path>> export(Path file, List<KeySet> which, boolean json) {
        List<KeySet> sets = List.copyOf(which);
        return inBackground(() -> {
            try (OutputStream out = Files.newOutputStream(file)) {
                if (json) {
                    KeySetFiles.writeJson(sets, out);
                } else {
                    KeySetFiles.writeText(sets.get(0), out);
                }
            }
            return file;
        }, written -> message.set("Exported " + (json ? sets.size() + (sets.size() == 1 ? " set" : " sets")
                : count(sets.get(0).keys().size())) + " to " + written + "."),
                e -> "Could not export to " + file.getFileName() + ": " + e.getMessage());
    }

    /**
     * Purges a set after a confirmation naming the set, the service and the key count.
     *
     * @param current the console's chosen service, used when the set has none
     */
    public boolean confirmAndPurge(KeySet set, Optional<ServiceInfo> current) {
        if (set == null || !dialogs.confirm("Purge \u201c" + set.name() + "\u201d?", KeySetPurge.question(set, current),
                "Purge " + count(set.keys().size()))) {
            return false;
        }
        return purge(set, current.map(ServiceInfo::id).orElse(null));
    }

    /** Purges a set on its own service (or {@code fallbackService}), soft or hard as the set says. */
    public boolean purge(KeySet set, String fallbackService) {
        String service = set.serviceId().isBlank() ? fallbackService : set.serviceId();
        try {
            JobRequest request = JobRequest.keys(service, set.keys(), new PurgeOptions(set.soft(),
                    PurgeOptions.Environment.PRODUCTION), JobRequest.DEFAULT_CONCURRENCY);
            Optional<String> refused = purger.apply(request, set);
            refused.ifPresent(message::set);
            return refused.isEmpty();
        } catch (InvalidInputException e) {
            message.set("Cannot purge \u201c" + set.name() + "\u201d: " + e.getMessage());
            return false;
        }
    }

    private void refresh() {
        String text = search.get() == null ? "" : search.get().strip();
        sets.setAll(text.isEmpty() ? store.all() : store.search(text));
        shared.filter(text);
    }

    private String unusedName(String base) {
        String candidate = base;
        for (int i = 2; store.find(candidate).isPresent(); i++) {
            candidate = base + " " + i;
        }
        return candidate;
    }

    private static String describe(ImportSummary s, List<ImportProblem> problems) {
        String text = String.format("Imported: %d added, %d replaced, %d renamed, %d skipped.", s.added(), s.replaced(),
                s.renamed(), s.skipped());
        if (problems.isEmpty()) {
            return text;
        }
        String listed = problems.stream().limit(5).map(p -> "line " + p.line() + ": '" + p.item() + "' " + p.reason())
                .collect(Collectors.joining("; "));
        return text + " " + problems.size() + (problems.size() == 1 ? " invalid key was" : " invalid keys were")
                + " left out (" + listed + (problems.size() > 5 ? "; …" : "") + ").";
    }

    static String count(int n) {
        return n == 1 ? "1 key" : String.format("%,d keys", n);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String stripExtension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }
}
