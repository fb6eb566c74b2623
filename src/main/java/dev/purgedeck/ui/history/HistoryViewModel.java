package dev.purgedeck.ui.history;

import dev.purgedeck.fastly.FastlyApiException;
import dev.purgedeck.fastly.InvalidInputException;
import dev.purgedeck.fastly.JobRequest;
import dev.purgedeck.fastly.PurgeKind;
import dev.purgedeck.fastly.PurgeOptions;
import dev.purgedeck.history.HistoryEntry;
import dev.purgedeck.history.HistoryExport;
import dev.purgedeck.history.HistoryQuery;
import dev.purgedeck.history.HistoryStore;
import dev.purgedeck.history.JobNote;
import dev.purgedeck.history.JobNotes;
import dev.purgedeck.history.JobRecording;
import dev.purgedeck.history.LoadPart;
import dev.purgedeck.ui.common.Dialogs;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The purge history as the History screen shows it. Entries are loaded, filtered and sorted on a background
 * executor (there may be a million); results cross to the UI thread in one place, {@link #show}. New purges, from
 * this window or another PurgeDeck, arrive through the store's listener and appear without a restart.
 */
public final class HistoryViewModel {
    /** How re-run purges are sent: as recorded, or all soft, or all hard. */
    public enum RerunMode { AS_RECORDED, SOFT, HARD }

    private final HistoryStore store;
    private final Executor fx;
    private final Executor background;
    private final Rerunner rerunner;
    private final Dialogs dialogs;
    private final Supplier<JobRecording.Origin> currentOrigin;
    private final ZoneId zone;
    private final HistoryFilter filter = new HistoryFilter();
    private final ObservableList<HistoryEntry> rows = new TopInsertList<>();
    private final ObservableList<HistoryFilter.ServiceChoice> services = FXCollections.observableArrayList(HistoryFilter.ServiceChoice.ANY);
    private final ObservableList<HistoryFilter.ProfileChoice> profiles =
            FXCollections.observableArrayList(HistoryFilter.ProfileChoice.ANY);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Loading history…");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(true);
    private final AtomicLong generation = new AtomicLong();
    /** Everything known, on the UI thread; filters read snapshots of it in the background. */
    private HistoryIndex index = HistoryIndex.empty();
    /** Entries heard before the newest part of the history arrived; they come after everything loaded. */
    private final List<HistoryEntry> heardWhileLoading = new ArrayList<>();
    /** Which load the parts arriving belong to: a clear during a load makes the rest of it stale. */
    private long loadId;
    /** Whether the newest part of the current load is in the index (entries heard then go straight in). */
    private boolean started;
    private LoadPart lastPart;
    /** What the rows show, read by the loading threads to filter each older part before it crosses over. */
    private volatile Shown shown;
    private Comparator<HistoryEntry> order;
    /** The filter the rows show and the refresh they came from: new entries are put in by the same rules. */
    private HistoryQuery shownQuery = HistoryQuery.all();
    private Comparator<HistoryEntry> shownOrder;
    private long shownGeneration;

    /** A filter and order the rows were shown with. */
    private record Shown(HistoryQuery query, Comparator<HistoryEntry> order) {
    }
    private final java.util.function.Consumer<List<HistoryEntry>> storeListener = added -> fxLater(added);
    /** Facts learned after entries were written (verdicts, impact, notice); merged in on load and as they come. */
    private final JobNotes notes;
    private JobNotes.Index noteIndex = new JobNotes.Index(List.of());
    /** The notes a load read before its first part; volatile as the loading thread writes it. */
    private volatile JobNotes.Index notesRead = new JobNotes.Index(List.of());
    private final List<JobNote> notesHeardWhileLoading = new ArrayList<>();
    /** Rows a note changed while a filter ran on an older snapshot of the index: {old, updated}, applied on show. */
    private final List<HistoryEntry[]> replacedWhileFiltering = new ArrayList<>();
    private final java.util.function.Consumer<List<JobNote>> notesListener = this::notedLater;
    /** Counts the notes that arrived since the load, so the details can show a job's note the moment it is known. */
    private final ReadOnlyIntegerWrapper notesArrived = new ReadOnlyIntegerWrapper();
    /** Set once the window is gone: a load still in flight then takes its listener off again. */
    private volatile boolean disposed;

    /** Starts a re-run in the console; answers why not when it cannot (e.g. a purge is running). */
    @FunctionalInterface
    public interface Rerunner {
        Optional<String> run(JobRequest request, String serviceName);
    }

    /** A view model whose re-runs name no current profile (tests that do not look at it). */
    public HistoryViewModel(HistoryStore store, Executor fx, Executor background, Rerunner rerunner, Dialogs dialogs,
                            ZoneId zone) {
        this(store, fx, background, rerunner, dialogs, () -> null, zone);
    }

    /**
     * @param dialogs       asks before the history is cleared and before anything is re-run
     * @param currentOrigin the profile and endpoint a re-run goes to, named in its question
     */
    public HistoryViewModel(HistoryStore store, Executor fx, Executor background, Rerunner rerunner, Dialogs dialogs,
                            Supplier<JobRecording.Origin> currentOrigin, ZoneId zone) {
        this(store, JobNotes.besideHistory(store.file()), fx, background, rerunner, dialogs, currentOrigin, zone);
    }

    /**
     * As above, with the job notes the window appends to ({@link JobRecording#notes()}): those it hears of show at
     * once.
     */
    public HistoryViewModel(HistoryStore store, JobNotes notes, Executor fx, Executor background, Rerunner rerunner,
                            Dialogs dialogs, Supplier<JobRecording.Origin> currentOrigin, ZoneId zone) {
        this.store = store;
        this.notes = notes;
        this.dialogs = dialogs;
        this.currentOrigin = currentOrigin;
        this.fx = fx;
        this.background = background;
        this.rerunner = rerunner;
        this.zone = zone;
    }

    private void fxLater(List<HistoryEntry> added) {
        fx.execute(() -> appended(added));
    }

    private void notedLater(List<JobNote> added) {
        fx.execute(() -> noted(added));
    }

    /** Stops listening to the store (the window is going away). */
    public void dispose() {
        disposed = true;
        store.removeListener(storeListener);
        notes.removeListener(notesListener);
    }

    // ---- Properties

    public HistoryFilter filter() {
        return filter;
    }

    /** The entries that pass the filter, in the chosen order (newest first by default). */
    public ObservableList<HistoryEntry> rows() {
        return rows;
    }

    /** Every service seen in the history, for the service filter. */
    public ObservableList<HistoryFilter.ServiceChoice> services() {
        return services;
    }

    /** Every profile seen in the history, with its endpoint, for the profile filter. */
    public ObservableList<HistoryFilter.ProfileChoice> profiles() {
        return profiles;
    }

    /** "Showing 1,234 of 1,000,000 items" (every recorded item, whatever its outcome). */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Something the user should know once, e.g. damaged lines skipped, or why an action did nothing. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Changes each time a job note arrives after the load (a verdict, an impact summary, a team notice). */
    public ReadOnlyIntegerProperty notesArrivedProperty() {
        return notesArrived.getReadOnlyProperty();
    }

    /** The note of {@code kind} ({@link JobNote#IMPACT}, {@link JobNote#NOTICE}) about a job, if one was written. */
    public Optional<JobNote> jobNote(String jobId, String kind) {
        return noteIndex.ofJob(jobId, kind);
    }

    // ---- Commands

    /**
     * Reads the history file in the background, newest first: the newest megabyte is shown at once, filters work on
     * what has arrived, and older parts join the rows where the filter and order put them, with the progress in the
     * status line.
     */
    public void load() {
        loading.set(true);
        // Before the notes file is read: a note written meanwhile is heard, or read, or both (adding it twice is harmless).
        notes.removeListener(notesListener); // a second load must not hear each note twice
        notes.addListener(notesListener);
        long id = ++loadId;
        started = false;
        CompletableFuture.supplyAsync(() -> {
            try {
                // The listener is added at the moment the file is measured: it hears exactly what the parts lack.
                // The notes first, so each part arrives with its verdicts in (and a verdict filter sees them).
                JobNotes.Index noted = readNotes();
                notesRead = noted; // taken on the UI thread with the first part (its hand-over publishes it)
                int skipped = store.loadNewestFirst(storeListener, part -> partLoaded(id, withNotes(part, noted)));
                if (disposed) {
                    store.removeListener(storeListener); // disposed while loading: dispose could not remove it yet
                    notes.removeListener(notesListener);
                }
                return skipped;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, background).whenComplete((skipped, error) -> fx.execute(() -> loaded(id, skipped, error)));
    }

    private static LoadPart withNotes(LoadPart part, JobNotes.Index noted) {
        return noted.isEmpty() ? part : new LoadPart(noted.applyAll(part.entries()), part.skippedLines(),
                part.bytesRead(), part.bytesTotal());
    }

    /** On a loading thread: filters an older part as the rows are filtered now, then hands both to the UI thread. */
    private void partLoaded(long id, LoadPart part) {
        Shown now = shown;
        List<HistoryEntry> hits = now != null && newestFirst(now.order()) ? now.query().run(part.entries(), now.order())
                : null;
        fx.execute(() -> partArrived(id, part, now, hits));
    }

    private void partArrived(long id, LoadPart part, Shown filteredBy, List<HistoryEntry> hits) {
        if (id != loadId) {
            return; // cleared meanwhile
        }
        lastPart = part;
        if (!started) {
            started = true;
            long rest = part.bytesTotal() - part.bytesRead();
            int older = part.bytesRead() == 0 ? 0
                    : (int) Math.min(Integer.MAX_VALUE / 2, part.entries().size() * rest / part.bytesRead());
            noteIndex = notesRead;
            index = HistoryIndex.newest(part.entries(), older);
            index.add(noteIndex.applyAll(heardWhileLoading));
            heardWhileLoading.clear();
            showServices();
            showProfiles();
            refresh();
            showStatus();
            return;
        }
        if (!index.prepend(part.entries()).isEmpty()) {
            showServices();
        }
        if (index.profiles().size() != profiles.size() - 1) {
            showProfiles();
        }
        if (shownGeneration == generation.get()) { // else the refresh on its way takes the part in (see show)
            if (hits != null && filteredBy == shown) {
                SortedInsert.older(rows, hits);
            } else {
                refresh(); // another order: sorting the part into the rows could move every row many times
            }
        }
        showStatus();
    }

    private static boolean newestFirst(Comparator<HistoryEntry> order) {
        return order == null || order == HistoryQuery.NEWEST_FIRST;
    }

    /** Every loaded entry, unfiltered; an unchanging snapshot that may be read on any thread. */
    public List<HistoryEntry> allEntries() {
        return index.snapshot(0);
    }

    /** Applies the filter and order again, in the background. */
    public void refresh() {
        long gen = generation.incrementAndGet();
        HistoryIndex of = index;
        long from = of.startPosition();
        long to = of.endPosition();
        List<HistoryEntry> snapshot = of.snapshot(0);
        HistoryQuery query = filter.query(zone);
        Comparator<HistoryEntry> sort = order;
        CompletableFuture.supplyAsync(() -> query.run(snapshot, sort), background).whenComplete((result, error) ->
                fx.execute(() -> show(gen, of, from, to, query, sort, result, error)));
    }

    /** Sorts by the table's columns; null means newest first. */
    public void sortBy(Comparator<HistoryEntry> comparator) {
        order = comparator;
        refresh();
    }

    /** Every item of the job {@code entry} belongs to, in the order they were recorded: a look-up, not a scan. */
    public List<HistoryEntry> job(HistoryEntry entry) {
        return index.job(entry.jobId());
    }

    /** The items of the job with this ID; empty when the history does not hold it (any more). */
    public List<HistoryEntry> job(String jobId) {
        return index.job(jobId);
    }

    /** The successful purge of the same thing after {@code entry} failed, if any. */
    public java.util.Optional<HistoryEntry> purgedLaterBy(HistoryEntry entry) {
        return index.purgedLaterBy(entry);
    }

    /** The jobs that retried the failed items of {@code entry}'s job, oldest first. */
    public List<String> retriedBy(HistoryEntry entry) {
        return index.retriedBy(entry.jobId());
    }

    /** Whether {@code entry} failed and was purged successfully later (shown beside its outcome). */
    public boolean laterPurged(HistoryEntry entry) {
        return index.laterPurged(entry);
    }

    /** The purge IDs of the given entries, one per line. */
    public String purgeIds(List<HistoryEntry> entries) {
        return entries.stream().map(HistoryEntry::purgeId).filter(id -> id != null && !id.isEmpty())
                .collect(Collectors.joining("\n"));
    }

    /**
     * Purges the given entries again on their service, after the user agreed to a question naming profile, endpoint,
     * service and count; {@code onlyFailed} keeps the failed ones only.
     */
    public boolean rerun(List<HistoryEntry> entries, RerunMode mode, boolean onlyFailed) {
        List<HistoryEntry> failed = onlyFailed
                ? entries.stream().filter(e -> e.outcome() == HistoryEntry.Outcome.FAILED).toList() : entries;
        // A failed item purged successfully since (e.g. by a retry) needs no second purge.
        List<HistoryEntry> chosen = onlyFailed ? failed.stream().filter(e -> !index.laterPurged(e)).toList() : failed;
        if (chosen.isEmpty()) {
            notice.set(!onlyFailed ? "Select the items to re-run first." : failed.isEmpty()
                    ? "Nothing to re-run: none of these items failed."
                    : "Nothing to re-run: every failed item was purged successfully later.");
            return false;
        }
        Map<String, List<HistoryEntry>> groups = chosen.stream()
                .collect(Collectors.groupingBy(e -> e.serviceId() + "|" + e.kind(), LinkedHashMap::new, Collectors.toList()));
        if (groups.size() > 1) {
            notice.set("Re-run works on one service and one kind (URLs, keys or everything) at a time. Select fewer items.");
            return false;
        }
        HistoryEntry first = chosen.get(0);
        boolean soft = switch (mode) {
            case AS_RECORDED -> chosen.stream().anyMatch(HistoryEntry::soft);
            case SOFT -> true;
            case HARD -> false;
        } && first.kind() != PurgeKind.ALL;
        PurgeOptions options = new PurgeOptions(soft, "staging".equals(first.environment())
                ? PurgeOptions.Environment.STAGING : PurgeOptions.Environment.PRODUCTION);
        List<String> targets = chosen.stream().map(HistoryEntry::target).distinct().toList();
        RerunQuestion ask = RerunQuestion.of(chosen, soft, currentOrigin.get(), failed.size() - chosen.size());
        if (!dialogs.confirm(ask.title(), ask.question(), ask.action())) {
            notice.set("");
            return false;
        }
        try {
            JobRequest request = switch (first.kind()) {
                case URL -> JobRequest.urls(first.serviceId(), targets, options, JobRequest.DEFAULT_CONCURRENCY);
                case KEY -> JobRequest.keys(first.serviceId(), targets, options, JobRequest.DEFAULT_CONCURRENCY);
                case ALL -> JobRequest.all(first.serviceId(), options);
            };
            Optional<String> refused = rerunner.run(request, first.serviceName());
            notice.set(refused.orElse(""));
            return refused.isEmpty();
        } catch (InvalidInputException e) {
            notice.set("Cannot re-run: " + e.getMessage());
            return false;
        }
    }

    /** Asks where to save, then writes the rows shown as CSV or JSON. */
    public void exportShown(boolean csv) {
        String ext = csv ? "csv" : "json";
        dialogs.saveFile("Export the purges shown", "purgedeck-history-" + LocalDate.now(zone) + "." + ext,
                csv ? "CSV files" : "JSON files", ext).ifPresent(path -> export(List.copyOf(rows), path, csv));
    }

    /** Writes {@code entries} to {@code file} as CSV or JSON, in the background; the future completes on the UI thread. */
    public CompletableFuture<Path> export(List<HistoryEntry> entries, Path file, boolean csv) {
        List<HistoryEntry> copy = List.copyOf(entries);
        JobNotes.Index jobNotes = noteIndex;
        CompletableFuture<Path> done = new CompletableFuture<>();
        CompletableFuture.runAsync(() -> {
            try (OutputStream out = Files.newOutputStream(file)) {
                if (csv) {
                    HistoryExport.csv(copy, out);
                } else {
                    HistoryExport.json(copy, out, jobNotes);
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, background).whenComplete((v, error) -> fx.execute(() -> {
            if (error != null) {
                notice.set("Could not export to " + file.getFileName() + ": " + rootMessage(error));
                done.completeExceptionally(error);
            } else {
                notice.set(String.format("Exported %,d items to %s.", copy.size(), file));
                done.complete(file);
            }
        }));
        return done;
    }

    /** After the user agreed, moves the history file aside as a dated backup and starts an empty one. */
    public void clear() {
        if (!dialogs.confirm("Clear the purge history?", "Every recorded purge disappears from this list. The old "
                + "history file is kept beside the new one as a dated backup, so nothing is lost.", "Clear history")) {
            return;
        }
        // It forces and moves the file under the cross-process lock: never on the UI thread.
        CompletableFuture.supplyAsync(() -> {
            try {
                return store.clear();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, background).whenComplete((backup, error) -> fx.execute(() -> cleared(backup, error)));
    }

    private void cleared(Path backup, Throwable error) {
        if (error != null) {
            Throwable cause = error.getCause() instanceof java.io.UncheckedIOException u ? u.getCause() : error;
            notice.set("Could not clear the history: " + cause.getMessage());
            return;
        }
        index = HistoryIndex.empty();
        if (loading.get()) { // what is still to come of the old file is no longer there
            loadId++;
            started = true;
            loading.set(false);
        }
        services.setAll(HistoryFilter.ServiceChoice.ANY);
        showProfiles();
        notice.set("History cleared. The old history was kept as " + backup.getFileName() + ".");
        refresh();
    }

    /** The folder holding the history file. */
    public Path dataFolder() {
        return store.file().toAbsolutePath().getParent();
    }

    public void setNotice(String text) {
        notice.set(text);
    }

    /** The notes file read whole; one that cannot be read leaves the entries as they are (said once in the notice). */
    private JobNotes.Index readNotes() {
        try {
            return notes.index();
        } catch (IOException | RuntimeException e) {
            fx.execute(() -> notice.set("Verdicts and impact summaries found after purges could not be read ("
                    + e.getMessage() + "); the purges themselves are all shown."));
            return new JobNotes.Index(List.of());
        }
    }

    /** Notes that arrived: each verdict goes into its entry, in the index and in the row that shows it. */
    private void noted(List<JobNote> added) {
        if (loading.get()) {
            notesHeardWhileLoading.addAll(added);
            return;
        }
        for (JobNote n : added) {
            noteIndex.add(n);
            if (n.entryId() == null) {
                continue;
            }
            for (HistoryEntry e : index.job(n.jobId())) {
                if (n.entryId().equals(e.stableId())) {
                    HistoryEntry updated = noteIndex.apply(e);
                    if (updated != e) {
                        index.replace(e, updated);
                        showReplaced(e, updated);
                    }
                    break;
                }
            }
        }
        notesArrived.set(notesArrived.get() + 1);
    }

    /** The row of {@code old} shows {@code updated}, or leaves or joins the rows as the filter now says. */
    private void showReplaced(HistoryEntry old, HistoryEntry updated) {
        if (shownGeneration != generation.get()) {
            // The filter on its way may have read the index before this: its rows get the change when they come.
            replacedWhileFiltering.add(new HistoryEntry[] {old, updated});
            return;
        }
        int at = -1;
        for (int i = 0; i < rows.size(); i++) { // newest first: a live verdict's row is near the top
            if (rows.get(i) == updated) {
                return; // the filter ran after the change and shows it already
            }
            if (rows.get(i) == old) {
                at = i;
                break;
            }
        }
        boolean shown = !shownQuery.run(List.of(updated), shownOrder).isEmpty();
        if (at >= 0 && shown) {
            rows.set(at, updated);
        } else if (at >= 0) {
            rows.remove(at);
        } else if (shown) {
            SortedInsert.into(rows, List.of(updated), shownOrder);
        }
        showStatus();
    }

    private void loaded(long id, Integer skipped, Throwable error) {
        if (id != loadId) {
            return;
        }
        loading.set(false);
        if (error != null) {
            notice.set("The history could not be read: " + rootMessage(error));
            return;
        }
        if (skipped > 0) {
            notice.set(String.format("%,d damaged line%s in the history file could not be read and %s skipped. "
                    + "The file was not changed.", skipped, skipped == 1 ? "" : "s", skipped == 1 ? "was" : "were"));
        }
        noteIndex = notesRead; // an empty file has no first part
        List<JobNote> heard = List.copyOf(notesHeardWhileLoading); // verdicts noted while the file was read
        notesHeardWhileLoading.clear();
        if (!heard.isEmpty()) {
            noted(heard);
        }
        showStatus();
    }

    private void showServices() {
        List<HistoryFilter.ServiceChoice> choices = new ArrayList<>();
        choices.add(HistoryFilter.ServiceChoice.ANY);
        index.services().forEach((id, name) -> choices.add(new HistoryFilter.ServiceChoice(id, name)));
        services.setAll(choices);
    }

    /** New entries: into the index, and into the rows where the filter and order put them, without a refresh. */
    private void appended(List<HistoryEntry> heard) {
        if (!started) {
            heardWhileLoading.addAll(heard);
            return;
        }
        List<HistoryEntry> added = noteIndex.applyAll(heard);
        for (String id : index.add(added)) {
            services.add(new HistoryFilter.ServiceChoice(id, index.services().get(id)));
        }
        if (index.profiles().size() != profiles.size() - 1) {
            showProfiles();
        }
        if (shownGeneration == generation.get()) { // else the refresh on its way shows them (see show)
            SortedInsert.into(rows, shownQuery.run(added, shownOrder), shownOrder);
            showStatus();
        }
    }

    /** The profile choices from the index; the one selected stays selected (a new endpoint shows on the next load). */
    private void showProfiles() {
        List<HistoryFilter.ProfileChoice> choices = new ArrayList<>();
        choices.add(HistoryFilter.ProfileChoice.ANY);
        index.profiles().forEach((name, where) -> choices.add(new HistoryFilter.ProfileChoice(name, where)));
        HistoryFilter.ProfileChoice chosen = filter.profileProperty().get();
        profiles.setAll(choices);
        if (chosen != null && chosen.name() != null) {
            choices.stream().filter(c -> chosen.name().equals(c.name())).findFirst()
                    .ifPresent(filter.profileProperty()::set);
        }
    }

    private void show(long gen, HistoryIndex of, long from, long to, HistoryQuery query, Comparator<HistoryEntry> sort,
                      List<HistoryEntry> result, Throwable error) {
        if (gen != generation.get()) {
            return; // a newer filter is on its way
        }
        if (error != null) {
            notice.set("Filtering failed: " + rootMessage(error));
            return;
        }
        if (of != index) {
            refresh(); // the history was cleared while the filter ran
            return;
        }
        rows.setAll(result);
        shownQuery = query;
        shownOrder = sort;
        shownGeneration = gen;
        shown = new Shown(query, sort);
        List<HistoryEntry[]> replaced = List.copyOf(replacedWhileFiltering);
        replacedWhileFiltering.clear();
        for (HistoryEntry[] r : replaced) {
            showReplaced(r[0], r[1]);
        }
        if (index.endPosition() > to) { // arrived while the filter ran
            SortedInsert.into(rows, query.run(index.since(to), sort), sort);
        }
        if (index.startPosition() < from) { // older parts loaded while the filter ran: take them in too
            refresh();
        }
        showStatus();
    }

    private void showStatus() {
        int total = index.size();
        if (loading.get() && lastPart != null && lastPart.bytesRead() < lastPart.bytesTotal()) {
            long about = lastPart.bytesRead() == 0 ? total : total * lastPart.bytesTotal() / lastPart.bytesRead();
            status.set(String.format("Showing %,d of %,d items loaded so far; loading about %,d (%d %%)", rows.size(),
                    total, about, lastPart.bytesRead() * 100 / lastPart.bytesTotal()));
            return;
        }
        status.set(total == 0 ? "No purges recorded yet."
                // "items", not "purged items": failed and cancelled items are counted too.
                : String.format("Showing %,d of %,d item%s", rows.size(), total, total == 1 ? "" : "s"));
    }

    private static String rootMessage(Throwable error) {
        Throwable t = error;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return FastlyApiException.plainMessage(t, t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage());
    }

}
