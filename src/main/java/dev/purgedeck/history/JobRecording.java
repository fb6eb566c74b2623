package dev.purgedeck.history;

import dev.purgedeck.fastly.ItemOutcome;
import dev.purgedeck.fastly.JobListener;
import dev.purgedeck.fastly.JobRequest;
import dev.purgedeck.fastly.PurgeKind;
import dev.purgedeck.fastly.PurgeOptions;
import dev.purgedeck.fastly.ServiceInfo;
import dev.purgedeck.files.Logs;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Records purge jobs in the history, for the window and the command line alike: it builds each job's context in one
 * place and writes the outcomes on its own writer thread. Whoever reports an outcome (a client thread, or the UI
 * thread that pressed Cancel) only queues it, so nobody waits on the file or on the lock another process may hold.
 */
public final class JobRecording implements AutoCloseable {
    /** How long reported outcomes are gathered before they are appended together. */
    static final int GATHER_MS = 10;
    private static final System.Logger LOG = Logs.of(JobRecording.class);

    private final HistoryStore store;
    /** Where verdicts go once known: after their entries, which are written the moment the outcome is known. */
    private final JobNotes notes;
    private final boolean ownsStore;
    private final String appVersion;
    /** Shared by every job recorded here, so what one job could not write is tried again by the next one's writes. */
    private final Unrecorded unrecorded = new Unrecorded();
    /** Entries reported and not yet handed to the writer, oldest first. */
    private final Queue<Pending> pending = new ConcurrentLinkedQueue<>();
    /** Whether a delayed {@link #drain} is queued on the writer and has not started taking {@link #pending} yet. */
    private final AtomicBoolean drainQueued = new AtomicBoolean();
    /**
     * Made once, here: the request threads that report outcomes would otherwise each make one
     * (docs/performance.md §13).
     */
    private final Runnable drainTask = this::drain;
    // One thread: batches are written in the order they were reported, and a task queued after them waits for them
    // (a job's outcomes are gathered for a moment first: see Recording.onItems).
    private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "purgedeck-history-writer");
        t.setDaemon(true);
        return t;
    });

    /**
     * Records into {@code store}, which the caller keeps open until after {@link #close}.
     *
     * @param appVersion the PurgeDeck version each entry carries
     */
    public JobRecording(HistoryStore store, String appVersion) {
        this(store, false, appVersion);
        try {
            // The window's case: what the command line learns after its purges (a verdict, the impact) reaches the
            // History screen at the store's next look, as its entries do, not at the next load.
            store.followNotes(notes);
        } catch (IOException e) {
            System.getLogger(JobRecording.class.getName()).log(System.Logger.Level.WARNING,
                    "The job notes cannot be followed; other processes' notes show at the next load", e);
        }
    }

    private JobRecording(HistoryStore store, boolean ownsStore, String appVersion) {
        this.store = store;
        this.notes = JobNotes.besideHistory(store.file());
        this.ownsStore = ownsStore;
        this.appVersion = appVersion;
    }

    /** Opens the history of {@code dataDir} for recording; {@link #close} closes it too (the command line's case). */
    public static JobRecording open(Path dataDir, String appVersion) throws IOException {
        return new JobRecording(HistoryStore.open(HistoryStore.fileIn(dataDir)), true, appVersion);
    }

    /**
     * Where a job's requests go, as its history entries say.
     *
     * @param profile      the profile's name
     * @param endpointKind {@code fastly}, {@code sandbox} or {@code custom}
     * @param endpoint     the API base URL
     */
    public record Origin(String profile, String endpointKind, String endpoint) {
    }

    public HistoryStore store() {
        return store;
    }

    /**
     * The job notes beside the history; notes appended through it reach its listeners at once (the History screen),
     * so the window's own notes (verdicts, the impact summary, the team notice) should be appended here.
     */
    public JobNotes notes() {
        return notes;
    }

    /** Appends a note about a job (e.g. {@link JobNote#IMPACT}) on the writer thread, after what is queued before. */
    public CompletableFuture<Boolean> note(JobNote note) {
        try {
            return CompletableFuture.supplyAsync(() -> {
                try {
                    notes.append(List.of(note));
                    return true;
                } catch (IOException | RuntimeException e) {
                    LOG.log(System.Logger.Level.DEBUG, "Could not write a job note", e);
                    return false;
                }
            }, writer);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.completedFuture(false);
        }
    }

    /** The outcomes no write could record yet (a full disk): kept in memory and tried again with the next write. */
    public Unrecorded unrecorded() {
        return unrecorded;
    }

    /**
     * The context every entry of a job shares; it has no place for the token. A URL purge is recorded with no service:
     * it goes to the URL whatever service happened to be selected, and naming that one would mislabel it.
     */
    public JobContext context(String jobId, JobRequest request, Origin origin, String serviceName) {
        return context(jobId, request, origin, serviceName, Map.of());
    }

    /**
     * As above; each URL of a URL purge records the service its host routes to ({@code routes}, from the host map),
     * so a list spread over several services is recorded as it was purged.
     */
    public JobContext context(String jobId, JobRequest request, Origin origin, String serviceName,
                              Map<String, ServiceInfo> routes) {
        PurgeOptions options = request.options();
        boolean url = request.kind() == PurgeKind.URL;
        return new JobContext(jobId, origin.profile(), origin.endpointKind(), origin.endpoint(),
                url ? null : request.serviceId(), url ? null : serviceName, options.soft(),
                options.environment() == PurgeOptions.Environment.STAGING ? "staging" : "production",
                JobContext.currentUser(), appVersion, url ? routes : Map.of(), null);
    }

    /**
     * Starts recording a job; hand the result to the runner as (part of) its listener.
     *
     * @param onFailure told once per job, on the writer thread, when an outcome could not be written; the purge
     *                  goes on regardless
     */
    public Recording begin(JobContext job, Consumer<Exception> onFailure) {
        return new Recording(job, onFailure);
    }

    /** Lets queued outcomes be written, then stops the writer thread (and closes the history if it was opened here). */
    @Override
    public void close() {
        writer.shutdown();
        try {
            if (!writer.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.log(System.Logger.Level.WARNING, "The history writer did not finish within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (ownsStore) {
            store.close();
        }
    }

    /**
     * Queues entries for the writer thread, which appends what the jobs report within {@value #GATHER_MS} ms in one
     * go: one lock and one write for many entries, not one each. A job of 1,000 URLs reports hundreds of outcomes a
     * second, and appending each alone cost more CPU than the requests' bookkeeping (docs/performance.md §11). The
     * last outcome of a job is written at once, as are the entries gathered before a verdict or before
     * {@link Recording#written()}; entries are appended in the order they were reported, across jobs too; the
     * history's sync every 200 ms is unchanged.
     */
    private void gathered(Recording from, boolean now) {
        try {
            if (now) {
                writer.execute(drainTask);
            } else if (drainQueued.compareAndSet(false, true)) { // a drain queued but not started takes these too
                writer.schedule(drainTask, GATHER_MS, TimeUnit.MILLISECONDS);
            }
        } catch (RejectedExecutionException e) {
            from.failed(new IOException("The history is closed.", e));
        }
    }

    /** On the writer thread: appends every entry gathered so far, each job's run of entries in one append. */
    private void drain() {
        drainQueued.set(false); // from here on, a new outcome queues another drain
        List<HistoryEntry> batch = new ArrayList<>();
        Recording to = null;
        for (Pending p = pending.poll(); p != null; p = pending.poll()) {
            if (to != null && p.to() != to) {
                to.listener.onEntries(batch, to.total);
                batch = new ArrayList<>();
            }
            to = p.to();
            batch.add(p.entry());
        }
        if (to != null) {
            to.listener.onEntries(batch, to.total);
        }
    }

    /** An entry gathered for the writer, with the job it belongs to. */
    private record Pending(Recording to, HistoryEntry entry) {
    }

    /** One job being recorded: a listener that queues each batch for the writer thread. */
    public final class Recording implements JobListener {

        private final JobContext job;
        private final AtomicBoolean failed = new AtomicBoolean();
        private final HistoryListener listener;
        private final Consumer<Exception> onFailure;
        /** Item index to the ID of its entry, so a verdict that arrives later names the entry it is about. */
        private final Map<Integer, String> entryIds = new ConcurrentHashMap<>();
        private volatile int total;

        private Recording(JobContext job, Consumer<Exception> onFailure) {
            this.job = job;
            this.onFailure = onFailure;
            this.listener = new HistoryListener(store, job, this::failed, unrecorded);
        }

        public JobContext context() {
            return job;
        }

        @Override
        public void onItem(ItemOutcome outcome, int done, int total) {
            onItems(List.of(outcome), done, total);
        }

        /** Gathers the outcomes' entries for the writer thread (see {@link JobRecording#gathered}). */
        @Override
        public void onItems(List<ItemOutcome> outcomes, int done, int total) {
            this.total = total;
            for (ItemOutcome o : outcomes) {
                HistoryEntry e = job.entry(o);
                entryIds.put(o.index(), e.stableId());
                pending.add(new Pending(this, e));
            }
            gathered(this, done >= total);
        }

        /**
         * Queues the verdict of a look at an item's page after the purge as a {@link JobNote}: the item's entry was
         * written when its outcome was reported through {@link #onItems}, and the note follows it on the same writer
         * thread, so a crash before the verdict loses the verdict only, never the purge. An item never reported
         * (nothing to annotate) is ignored.
         *
         * @param verdict the {@code edge.Freshness} id; null means not looked at, and nothing is written
         */
        public void onVerdict(ItemOutcome outcome, String verdict, String verdictReason, Instant at) {
            String entryId = entryIds.get(outcome.index());
            if (entryId == null || verdict == null) {
                return;
            }
            JobNote note = new JobNote(job.jobId(), entryId, JobNote.VERDICT, at, verdict, verdictReason);
            try {
                writer.execute(() -> {
                    drain(); // the entry first, if it is still being gathered
                    try {
                        notes.append(List.of(note));
                    } catch (IOException | RuntimeException e) {
                        failed(e);
                    }
                });
            } catch (RejectedExecutionException e) {
                failed(new IOException("The history is closed.", e));
            }
        }

        /**
         * Completes on the writer thread once every outcome reported so far is written: ask after the job's result
         * has completed to wait for all of them. True when every write succeeded.
         */
        public CompletableFuture<Boolean> written() {
            try {
                return CompletableFuture.supplyAsync(() -> {
                    drain();
                    return !failed.get();
                }, writer);
            } catch (RejectedExecutionException e) {
                return CompletableFuture.completedFuture(false);
            }
        }

        private void failed(Exception e) {
            if (failed.compareAndSet(false, true)) {
                // The caller tells the user in plain words (the window in the console, the command line in one line);
                // the stack trace is for whoever turns debug logging on, never on a terminal by default.
                LOG.log(System.Logger.Level.DEBUG, "Could not write the purge history", e);
                onFailure.accept(e);
            }
        }
    }
}
