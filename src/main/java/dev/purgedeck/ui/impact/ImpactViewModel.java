package dev.purgedeck.ui.impact;

import dev.purgedeck.stats.ImpactSummary;
import dev.purgedeck.stats.RealtimePoller;
import dev.purgedeck.stats.StatsSecond;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Impact panel's state: per-second stats of one service (2 minutes before, then live), the purges marked on
 * them and the one-line summary. Results cross to the UI thread in {@link #onUi} only.
 */
public final class ImpactViewModel {
    /** Ten minutes of seconds: enough for a purge and its recovery, few enough to redraw at once. */
    public static final int MAX_POINTS = 600;

    /** A purge drawn on the chart: its second, its label, and the job it was (null when not known). */
    public record Marker(long second, String label, String jobId) {
        public Marker(long second, String label) {
            this(second, label, null);
        }
    }

    /** Takes a job's settled summary for the history; called on the UI thread, so it must hand the write off. */
    @FunctionalInterface
    public interface SummaryRecorder {
        SummaryRecorder NONE = (jobId, text) -> { };

        void record(String jobId, String summary);
    }

    /** Starts following a service's stats; closing what it returns stops the requests. */
    public interface Source {
        AutoCloseable follow(String serviceId, RealtimePoller.Listener listener);
    }

    private final Source source;
    private final Executor fx;
    private final SummaryRecorder recorder;
    /** The jobs whose summary was recorded: each once, when it first settles. */
    private final Set<String> recorded = new HashSet<>();
    private final ObservableList<StatsSecond> seconds = FXCollections.observableArrayList();
    private final ObservableList<Marker> markers = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper watching = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper polling = new ReadOnlyBooleanWrapper();
    /** Pollers started and not yet reported ended (a replaced one may end after its successor started). */
    private int live;
    private String serviceId;
    private AutoCloseable poller;
    /** Answers of a poller already replaced arrive late; they carry an older generation and are dropped. */
    private long generation;

    public ImpactViewModel(Source source, Executor fx) {
        this(source, fx, SummaryRecorder.NONE);
    }

    /** @param recorder records the summary with the job it is about once it settles (a job note) */
    public ImpactViewModel(Source source, Executor fx, SummaryRecorder recorder) {
        this.source = source;
        this.fx = fx;
        this.recorder = recorder;
    }

    // Properties

    public ObservableList<StatsSecond> seconds() {
        return seconds;
    }

    public ObservableList<Marker> markers() {
        return markers;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty watchingProperty() {
        return watching.getReadOnlyProperty();
    }

    /** True from a poller's start until every poller this panel started has said it ended (no request follows). */
    public ReadOnlyBooleanProperty pollingProperty() {
        return polling.getReadOnlyProperty();
    }

    // Commands

    /** Shows a service from its last 2 minutes on, live; a null service shows a hint instead. */
    public void watch(String id) {
        stop();
        seconds.clear();
        markers.clear();
        summary.set("");
        serviceId = id;
        if (id == null || id.isBlank()) {
            message.set("Choose a service to see its traffic.");
            return;
        }
        message.set("Loading the last 2 minutes of traffic…");
        watching.set(true);
        long mine = ++generation;
        live++;
        polling.set(true);
        poller = source.follow(id, new RealtimePoller.Listener() {
            @Override
            public void history(List<StatsSecond> s) {
                onUi(mine, () -> {
                    message.set(s.isEmpty() ? "No traffic on this service in the last 2 minutes: nothing to chart"
                            + " yet. The chart fills in when requests arrive." : "");
                    add(s);
                });
            }

            @Override
            public void seconds(List<StatsSecond> s) {
                onUi(mine, () -> {
                    message.set("");
                    add(s);
                });
            }

            @Override
            public void problem(String text, boolean stopped) {
                onUi(mine, () -> {
                    message.set(text);
                    if (stopped) {
                        watching.set(false);
                    }
                });
            }

            @Override
            public void ended() {
                fx.execute(() -> polling.set(--live > 0)); // whatever the generation: each poller ends once
            }
        });
    }

    /** Marks a purge of a service; a purge of another service switches the panel to it. */
    public void markPurge(String id, Instant at, String label) {
        markPurge(id, at, label, null);
    }

    /** As above, for the job {@code jobId}: its summary is recorded with it once it settles. */
    public void markPurge(String id, Instant at, String label, String jobId) {
        if (!Objects.equals(id, serviceId) || !watching.get()) {
            watch(id);
        }
        markers.add(new Marker(at.getEpochSecond(), label, jobId));
        summarise();
    }

    /** Stops polling: the panel was closed or the profile changed. */
    public void stop() {
        generation++;
        if (poller != null) {
            try {
                poller.close();
            } catch (Exception e) {
                // Closing a poller only flips a flag and cancels a request; nothing to report.
            }
            poller = null;
        }
        // Only after the poller closed: not watching means no request of this panel starts any more.
        watching.set(false);
    }

    private void onUi(long mine, Runnable r) {
        fx.execute(() -> {
            if (mine == generation) {
                r.run();
            }
        });
    }

    private void add(List<StatsSecond> s) {
        seconds.addAll(s);
        if (seconds.size() > MAX_POINTS) {
            seconds.remove(0, seconds.size() - MAX_POINTS);
        }
        summarise();
    }

    /**
     * Summarises from the last purge marked: a purge after another one measures against what the first left. Once
     * that summary settles it is recorded with the last purge's job (the rule for which job an impact belongs to).
     */
    private void summarise() {
        if (markers.isEmpty()) {
            summary.set("");
            return;
        }
        Marker last = markers.get(markers.size() - 1);
        Optional<ImpactSummary> now = ImpactSummary.of(seconds, last.second());
        summary.set(now.map(s -> s.settled() ? s.text() : "So far: " + s.text()).orElse(""));
        if (now.isPresent() && now.get().settled() && last.jobId() != null && recorded.add(last.jobId())) {
            recorder.record(last.jobId(), now.get().text());
        }
    }
}
