package dev.purgedeck.history;

import dev.purgedeck.fastly.FastlyEvent;
import dev.purgedeck.fastly.PurgeKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Picks the purge-alls of Fastly's event log that PurgeDeck did not make itself, so History shows each purge once.
 *
 * <p>Fastly's purge-all answer carries no purge ID (docs/fastly-api.md §20), so an event is matched to a local
 * purge-all of the same service whose answer arrived within {@link #WINDOW} of the event's time; each local entry
 * explains at most one event, so two quick purge-alls of which one came from elsewhere still show that one.
 */
public final class OutsidePurgeAlls {
    /** Generous for a slow or retried request, yet far below the time between deliberate purge-alls. */
    public static final Duration WINDOW = Duration.ofSeconds(60);

    private OutsidePurgeAlls() {
    }

    public static List<FastlyEvent> of(List<FastlyEvent> events, List<HistoryEntry> local) {
        List<HistoryEntry> unused = new ArrayList<>();
        for (HistoryEntry e : local) {
            if (e.kind() == PurgeKind.ALL && e.outcome() == HistoryEntry.Outcome.OK) {
                unused.add(e);
            }
        }
        List<FastlyEvent> outside = new ArrayList<>();
        for (FastlyEvent ev : events) {
            HistoryEntry match = null;
            for (HistoryEntry e : unused) {
                if (ev.serviceId().equals(e.serviceId())
                        && Duration.between(ev.createdAt(), e.time()).abs().compareTo(WINDOW) <= 0) {
                    match = e;
                    break;
                }
            }
            if (match == null) {
                outside.add(ev);
            } else {
                unused.remove(match);
            }
        }
        return outside;
    }
}
