package dev.purgedeck.ui.history;

import dev.purgedeck.fastly.FastlyApiException;
import dev.purgedeck.fastly.FastlyClient;
import dev.purgedeck.fastly.FastlyEvent;
import dev.purgedeck.history.HistoryEntry;
import dev.purgedeck.history.OutsidePurgeAlls;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** History's "from Fastly's event log" part: purge-alls made outside PurgeDeck, read on demand. */
public final class EventLogViewModel {
    /** Fastly keeps a year; a month is what a "who purged everything?" question is about. */
    static final Duration LOOK_BACK = Duration.ofDays(30);

    private final Supplier<FastlyClient> client;
    private final Supplier<List<HistoryEntry>> local;
    private final Executor background;
    private final Executor fx;
    private final Clock clock;
    private final Supplier<Map<String, String>> serviceNames;
    private Map<String, String> names = Map.of();
    private final ObservableList<FastlyEvent> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(
            "Purge-alls made outside PurgeDeck (the Fastly CLI, the web UI, a script) are in Fastly's event log.");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);

    public EventLogViewModel(Supplier<FastlyClient> client, Supplier<List<HistoryEntry>> local, Executor background,
            Executor fx, Clock clock) {
        this(client, local, Map::of, background, fx, clock);
    }

    /**
     * @param local        the whole local history (up to a million entries), read on {@code background} only
     * @param serviceNames service ID → name of the services the window lists (read on the UI thread)
     * @param background   runs the pass over the history, so the window never waits for it
     */
    public EventLogViewModel(Supplier<FastlyClient> client, Supplier<List<HistoryEntry>> local,
            Supplier<Map<String, String>> serviceNames, Executor background, Executor fx, Clock clock) {
        this.serviceNames = serviceNames;
        this.client = client;
        this.local = local;
        this.background = background;
        this.fx = fx;
        this.clock = clock;
    }

    public ObservableList<FastlyEvent> rows() {
        return rows;
    }

    /** "Shop (SU1Z0isxPaozGVKXdv0eY)" for the event's service, or its bare ID when no name is known. */
    public String serviceLabel(FastlyEvent e) {
        return OutsidePurgeAlls.serviceLabel(e.serviceId(), names);
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /**
     * Reads the log without blocking the caller (the client is asynchronous), compares it with the local history in
     * the background; the outcome arrives on {@code fx}.
     */
    public void check() {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        status.set("Reading Fastly's event log…");
        Map<String, String> listed = serviceNames.get();
        client.get().purgeAllEvents(clock.instant().minus(LOOK_BACK))
                .thenApplyAsync(events -> Found.of(events, local.get(), listed), background)
                .whenComplete((found, error) -> fx.execute(() -> show(found, error)));
    }

    private void show(Found found, Throwable error) {
        busy.set(false);
        if (error != null) {
            rows.clear();
            status.set(OutsidePurgeAlls.denied(error) ? OutsidePurgeAlls.NOT_ALLOWED
                    : "Fastly's event log could not be read: "
                    + FastlyApiException.plainMessage(error, "no usable answer") + ".");
            return;
        }
        names = found.names();
        rows.setAll(found.outside());
        int n = found.outside().size();
        status.set(n == 0 ? "No purge-alls were made outside PurgeDeck in the last 30 days."
                : String.format(Locale.ROOT, "%d purge-all%s made outside PurgeDeck in the last 30 days, "
                + "from Fastly's event log.", n, n == 1 ? "" : "s"));
    }

    /** What a pass over the whole history found: the outside purge-alls and the names to show their services by. */
    private record Found(List<FastlyEvent> outside, Map<String, String> names) {
        static Found of(List<FastlyEvent> events, List<HistoryEntry> history, Map<String, String> listed) {
            // The log holds only IDs: name them from the window's service list, else from names the history recorded.
            Map<String, String> known = new HashMap<>(listed);
            history.forEach(e -> {
                if (e.serviceId() != null && e.serviceName() != null) {
                    known.putIfAbsent(e.serviceId(), e.serviceName());
                }
            });
            return new Found(OutsidePurgeAlls.of(events, history), known);
        }
    }
}
