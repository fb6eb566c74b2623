package dev.purgedeck.ui.purge;

import dev.purgedeck.edge.PageVerdict;
import dev.purgedeck.edge.PurgeVerifier;
import dev.purgedeck.edge.VerifiedPurge;
import dev.purgedeck.edge.VerifyPlan;
import dev.purgedeck.fastly.BulkPurgeRunner;
import dev.purgedeck.fastly.ItemOutcome;
import dev.purgedeck.fastly.JobListener;
import dev.purgedeck.fastly.JobRequest;
import dev.purgedeck.fastly.JobResult;
import dev.purgedeck.fastly.PurgeCommands;
import dev.purgedeck.fastly.PurgeJob;
import dev.purgedeck.fastly.PurgeKind;
import dev.purgedeck.fastly.RateLimitWait;
import dev.purgedeck.fastly.RetryScheduler;
import dev.purgedeck.fastly.RunningPurge;
import dev.purgedeck.history.JobRecording;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Runs a purge job and shows it: one row per item, progress, a summary, retry of the failed items. Outcomes arrive
 * on the client's threads and cross to the UI thread in one place, {@link #drain}, in batches, so a 10,000-key job
 * does not flood the UI thread with one task per key.
 */
public final class ResultsViewModel {
    private final BulkPurgeRunner runner;
    private final Executor fx;
    private final ObservableList<ResultRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper progressDetail = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper hasFailures = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper hasUnsent = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper hasOldCopy = new ReadOnlyBooleanWrapper();
    private final ConcurrentLinkedQueue<ItemOutcome> arrived = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<PageVerdict> verdicts = new ConcurrentLinkedQueue<>();
    private final BooleanProperty verify = new SimpleBooleanProperty(true);
    private PurgeVerifier verifier;
    private Function<JobRequest, VerifyPlan> planner = r -> VerifyPlan.verify(List.of());
    private PageCheckCountdown countdown = PageCheckCountdown.NONE;
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final List<Consumer<JobResult>> finishedListeners = new ArrayList<>();
    private JobRecorder recorder = JobRecorder.NONE;
    private RunningPurge job;
    private JobRequest lastRequest;
    private List<ResultRow> jobRows = List.of();
    private int done;
    private int failedSoFar;
    private final JobPace pace;
    private final Clock clock;
    private String jobId;
    /** The pause before a job's second purge, when its service is purged twice; none by default. */
    private Function<JobRequest, Optional<Duration>> twice = r -> Optional.empty();
    private RetryScheduler scheduler = RetryScheduler.REAL;
    private final List<Consumer<PageVerdict>> verdictWatchers = new ArrayList<>();

    public ResultsViewModel(BulkPurgeRunner runner, Executor fx) {
        this(runner, fx, Clock.systemDefaultZone());
    }

    /** @param clock the time a running job's pace is measured by, and the zone its wait is shown in */
    public ResultsViewModel(BulkPurgeRunner runner, Executor fx, Clock clock) {
        this.runner = runner;
        this.fx = fx;
        this.pace = new JobPace(clock);
        this.clock = clock;
    }

    // ---- Properties

    public ObservableList<ResultRow> rows() {
        return rows;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** "312 / 1,000" while running. */
    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /**
     * While a job runs: a 429 pause and when it ends ("Fastly asked us to wait 8 s — resuming at 20:11:26"), and on
     * long jobs the rate, failures so far and time left; empty otherwise.
     */
    public ReadOnlyStringProperty progressDetailProperty() {
        return progressDetail.getReadOnlyProperty();
    }

    /** "998 purged, 2 failed" (hard) or "2 marked stale (soft), 0 failed" once a job has ended. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasFailuresProperty() {
        return hasFailures.getReadOnlyProperty();
    }

    /**
     * Adds the team notice's failure to the summary line of job {@code id}; ignored once another job has started,
     * whose summary it would not be true of. Call on the UI thread.
     */
    public void showNotice(String id, String problem) {
        if (id.equals(jobId) && !running.get() && !summary.get().isEmpty()) {
            summary.set(summary.get() + " · " + problem);
        }
    }

    /** Called on the UI thread when a job ends. */
    public void onFinished(Consumer<JobResult> listener) {
        finishedListeners.add(listener);
    }

    /** Who hears every job's outcomes first, on the client's threads (the history). */
    public void setRecorder(JobRecorder recorder) {
        this.recorder = recorder;
    }

    /** Writes purges as shell commands for this client's endpoint (Copy as curl / Fastly CLI). */
    public PurgeCommands commands() {
        return PurgeCommands.of(runner.client().config());
    }

    /** What the last job sent for {@code selected} rows (all rows when none is selected), to copy as commands. */
    public List<JobRequest> requestsFor(List<ResultRow> selected) {
        List<ResultRow> which = selected.isEmpty() ? rows : selected;
        if (lastRequest == null || which.isEmpty()) {
            return List.of();
        }
        return List.of(new JobRequest(lastRequest.serviceId(), lastRequest.kind(),
                which.stream().map(ResultRow::target).toList(), lastRequest.options(), 1));
    }

    /** The Verify switch: on, URL purges are checked on the page after they are done (when a verifier is set). */
    public BooleanProperty verifyProperty() {
        return verify;
    }

    /** Who looks at the pages after a purge; null (the default) verifies nothing. */
    public void setVerifier(PurgeVerifier verifier) {
        this.verifier = verifier;
    }

    /** Which jobs are purged twice, and how far apart (the console's Purge twice setting per service). */
    public void setPurgeTwice(Function<JobRequest, Optional<Duration>> delayFor) {
        this.twice = delayFor;
    }

    /**
     * What runs the pause between two purges: real time in the app; a test's own scheduler (with this view model's
     * clock) so the countdown and Cancel during it are tested without waiting.
     */
    public void setScheduler(RetryScheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** Hears each verdict on the UI thread as it is shown (the console watches for shielded services). */
    public void onVerdict(Consumer<PageVerdict> watcher) {
        verdictWatchers.add(watcher);
    }

    /** Which pages a job is verified on (keys and purge-all need pages given to them); none by default. */
    public void setPlanner(Function<JobRequest, VerifyPlan> planner) {
        this.planner = planner;
    }

    // ---- Commands

    /**
     * Refreshes the progress line; the view calls it a few times a second while a job runs, so the countdown to a
     * second purge ticks.
     */
    public void tick() {
        if (running.get()) {
            progressDetail.set(detail());
        }
    }

    /** Starts a job; its rows replace the previous results. */
    public void start(JobRequest request) {
        start(request, null);
    }

    /** Starts a job that stops sending after {@code deadline} (null: none); its rows replace the previous results. */
    public void start(JobRequest request, Duration deadline) {
        if (running.get()) {
            throw new IllegalStateException("A purge is already running.");
        }
        lastRequest = request;
        boolean soft = request.options().soft();
        rows.setAll(request.targets().stream().map(t -> new ResultRow(t, request.kind(), soft)).toList());
        run(request, deadline, List.copyOf(rows), null);
    }

    /**
     * Sends the failed items of the last job again, on the same service with the same options. Their rows stay where
     * they are and take their new outcome, so the items that worked the first time remain in view. False when
     * there is nothing to retry or a job is running.
     */
    public boolean retryFailed(Duration deadline) {
        return resend(r -> r.state() == ResultRow.State.FAILED, deadline, jobId);
    }

    /**
     * Purges again the rows whose page still served the old copy (the shielding race), into their own rows as
     * {@link #retryFailed} does; they are looked at again when Verify is on.
     */
    public boolean purgeAgain(Duration deadline) {
        return resend(ResultRow::oldCopyServed, deadline, jobId);
    }

    /** True when a row's page still served the old copy and no job runs: "Purge again" is worth offering. */
    public ReadOnlyBooleanProperty hasOldCopyProperty() {
        return hasOldCopy.getReadOnlyProperty();
    }

    /** Sends the items a cancel stopped before they were sent, into their own rows as {@link #retryFailed} does. */
    public boolean sendUnsent(Duration deadline) {
        return resend(ResultRow::notSent, deadline, null);
    }

    /** "Purge cancelled" when the user (or the deadline) stopped the job, else "Purge finished". */
    public static String headline(JobResult result) {
        return result.count(ItemOutcome.Status.CANCELLED) > 0 ? "Purge cancelled" : "Purge finished";
    }

    /** @param retryOf the job the history links this one to as its retry, or null */
    private boolean resend(Predicate<ResultRow> which, Duration deadline, String retryOf) {
        List<ResultRow> again = rows.stream().filter(which).toList();
        if (running.get() || again.isEmpty() || lastRequest == null) {
            return false;
        }
        JobRequest request = new JobRequest(lastRequest.serviceId(), lastRequest.kind(),
                again.stream().map(ResultRow::target).toList(), lastRequest.options(), lastRequest.concurrency());
        again.forEach(r -> {
            r.outcomeProperty().set(null);
            r.verdictProperty().set(null);
        });
        run(request, deadline, again, retryOf);
        return true;
    }

    /** Runs {@code request} whose item {@code i} is shown in {@code jobRows.get(i)}. */
    private void run(JobRequest request, Duration deadline, List<ResultRow> jobRows, String retryOf) {
        this.jobRows = jobRows;
        done = 0;
        failedSoFar = 0;
        arrived.clear();
        running.set(true);
        hasFailures.set(rows.stream().anyMatch(r -> r.state() == ResultRow.State.FAILED));
        hasUnsent.set(false);
        hasOldCopy.set(false);
        summary.set("");
        pace.start();
        updateProgress();
        String id = BulkPurgeRunner.newJobId();
        jobId = id;
        JobListener record = recorder.begin(id, request, retryOf);
        // Keys and purge-all are verified too: on their pages, or each says it had no page to check.
        boolean verifying = verify.get() && verifier != null;
        Optional<Duration> twiceDelay = twice.apply(request);
        JobListener outcomes = new JobListener() {
            @Override
            public void onItem(ItemOutcome outcome, int n, int total) {
                onItems(List.of(outcome), n, total);
            }

            @Override
            public void onItems(List<ItemOutcome> outcomes, int n, int total) {
                record.onItems(outcomes, n, total); // a verdict that follows is written as a note on the entry
                arrived.addAll(outcomes);
                scheduleDrain();
            }

            @Override
            public void onRateLimitWait(RateLimitWait wait) {
                fx.execute(() -> {
                    if (id.equals(jobId) && running.get()) {
                        pace.waiting(wait);
                        updateProgress();
                    }
                });
            }
        };
        CompletableFuture<JobResult> ended;
        if (verifying || twiceDelay.isPresent()) {
            jobRows.forEach(r -> r.verdictProperty().set(null));
            VerifyPlan plan = verifying ? planner.apply(request) : VerifyPlan.NONE;
            VerifiedPurge verified = VerifiedPurge.start(runner, id, request, twiceDelay.map(plan::twice).orElse(plan),
                    verifier, scheduler, clock, ForkJoinPool.commonPool(), outcomes, this::verdictArrived,
                    verifying ? verifiedRecorder(record) : VerifiedPurge.Recorder.NONE);
            job = verified;
            ended = verified.result();
            if (verifying && request.kind() == PurgeKind.ALL && !plan.samplePages().isEmpty()) {
                // Purge-all takes 10-20 s to reach every POP: the job stays open (and cancellable) until its pages
                // were looked at, the wait counted down in the progress.
                countdown = PageCheckCountdown.start(verifier, fx, text -> {
                    if (id.equals(jobId)) {
                        progressDetail.set(text);
                    }
                });
                ended = verified.result().thenCompose(r -> verified.recorded().thenApply(x -> r));
            }
            if (deadline != null) {
                // A verified job has no deadline of its own: the deadline cancels it, as the command line does.
                CompletableFuture.delayedExecutor(deadline.toMillis(), TimeUnit.MILLISECONDS).execute(verified::cancel);
            }
        } else {
            PurgeJob plain = runner.start(id, request, outcomes);
            plain.deadline(deadline);
            job = plain;
            ended = plain.result();
        }
        ended.thenAccept(result -> fx.execute(() -> finished(result)));
    }

    /** The history has each item's entry already; a final verdict is added to it as a note. */
    private static VerifiedPurge.Recorder verifiedRecorder(JobListener record) {
        if (record instanceof JobRecording.Recording recording) {
            return (o, v, total) -> {
                if (v != null) {
                    recording.onVerdict(o, v.freshness().id(), v.reason(), v.at());
                }
            };
        }
        return VerifiedPurge.Recorder.NONE;
    }

    /** Stops the running job; unfinished items end as cancelled. */
    public void cancel() {
        if (job != null) {
            job.cancel();
        }
    }

    /** A request for the failed items shown, on the same service and with the same options as the last job. */
    public Optional<JobRequest> failedRequest() {
        List<String> failed = rows.stream().filter(r -> r.state() == ResultRow.State.FAILED).map(ResultRow::target).toList();
        if (failed.isEmpty() || lastRequest == null) {
            return Optional.empty();
        }
        return Optional.of(new JobRequest(lastRequest.serviceId(), lastRequest.kind(), failed, lastRequest.options(),
                lastRequest.concurrency()));
    }

    /** True once a job has ended with items a cancel kept from being sent. */
    public ReadOnlyBooleanProperty hasUnsentProperty() {
        return hasUnsent.getReadOnlyProperty();
    }

    /** The purge IDs of the given rows (all rows when empty), one per line, skipping rows without one. */
    public String purgeIds(List<ResultRow> selection) {
        List<ResultRow> from = selection.isEmpty() ? rows : selection;
        return from.stream().map(ResultRow::purgeId).filter(id -> !id.isEmpty()).collect(Collectors.joining("\n"));
    }

    /** Takes a verdict on the verifier's thread; the row shows it after the next hop onto the UI thread. */
    void verdictArrived(PageVerdict verdict) {
        verdicts.add(verdict);
        scheduleDrain();
    }

    /** Verdicts and outcomes share one hop onto the UI thread, so a big job costs few UI tasks. */
    private void scheduleDrain() {
        if (drainScheduled.compareAndSet(false, true)) {
            fx.execute(this::drain);
        }
    }

    private void drain() {
        drainScheduled.set(false);
        List<ResultRow> shown = jobRows;
        PageVerdict v;
        while ((v = verdicts.poll()) != null) {
            if (v.index() < shown.size()) {
                shown.get(v.index()).verdictProperty().set(v);
            }
            for (Consumer<PageVerdict> w : verdictWatchers) {
                w.accept(v);
            }
        }
        hasOldCopy.set(!running.get() && rows.stream().anyMatch(ResultRow::oldCopyServed));
        ItemOutcome o;
        while ((o = arrived.poll()) != null) {
            if (o.index() < jobRows.size() && jobRows.get(o.index()).outcome() == null) {
                jobRows.get(o.index()).outcomeProperty().set(o);
                done++;
                if (o.status() == ItemOutcome.Status.FAILED) {
                    failedSoFar++;
                    hasFailures.set(true);
                }
            }
        }
        updateProgress();
    }

    private void finished(JobResult result) {
        countdown.stop();
        countdown = PageCheckCountdown.NONE;
        drain();
        running.set(false);
        progressText.set("");
        progressDetail.set("");
        summary.set(summarize());
        hasUnsent.set(rows.stream().anyMatch(ResultRow::notSent));
        hasOldCopy.set(rows.stream().anyMatch(ResultRow::oldCopyServed));
        for (Consumer<JobResult> l : finishedListeners) {
            l.accept(result);
        }
    }

    /**
     * Counts the rows, not the last job, so the summary stays true for all of them. A hard purge keeps the words
     * "purged" that scripts and users know; only a soft one, which leaves the objects in the cache, says so.
     */
    private String summarize() {
        long ok = count(ResultRow.State.OK);
        long cancelled = count(ResultRow.State.CANCELLED);
        boolean soft = !rows.isEmpty() && rows.get(0).soft();
        String s = String.format(soft ? "%,d marked stale (soft), %,d failed" : "%,d purged, %,d failed", ok,
                count(ResultRow.State.FAILED));
        s = cancelled > 0 ? s + String.format(", %,d cancelled", cancelled) : s;
        // Purged once and still counted as purged, but a shielded service may serve the old copy: say so.
        long once = rows.stream().filter(r -> r.outcome() != null && r.outcome().secondCancelled()).count();
        return once == 0 ? s : s + (once == ok ? " · second purge cancelled"
                : String.format(" · second purge cancelled for %,d", once));
    }

    private long count(ResultRow.State state) {
        return rows.stream().filter(r -> r.state() == state).count();
    }

    private void updateProgress() {
        int total = jobRows.size();
        progress.set(total == 0 ? 0 : (double) done / total);
        progressText.set(String.format("%,d / %,d", done, total));
        progressDetail.set(running.get() ? detail() : "");
    }

    /**
     * The countdown to the second purge of a job purged twice while it waits (docs/fastly-edge.md §2), else the pace.
     * The rows stay pending until their second purge: each row's one outcome carries both purge IDs.
     */
    private String detail() {
        Optional<java.time.Instant> at = job instanceof VerifiedPurge v ? v.secondPurgeAt() : Optional.empty();
        if (at.isPresent()) {
            long ms = Duration.between(clock.instant(), at.get()).toMillis();
            return ms > 0 ? "Purging again in " + ((ms + 999) / 1000) + " s\u2026"
                    : "Purging again\u2026";
        }
        if (job instanceof VerifiedPurge v && v.purgingTwice() && done < jobRows.size()) {
            return "First of two purges\u2026";
        }
        String waiting = countdown.text(); // the wait before a purge-all's pages are looked at
        return waiting.isEmpty() ? pace.describe(done, jobRows.size(), failedSoFar) : waiting;
    }
}
