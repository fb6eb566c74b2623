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

    /** What to tell a user whose token may not read the log. */
    public static final String NOT_ALLOWED = "This token may not read Fastly's event log (only a superuser's token "
            + "with the global or global:read scope may), so purge-alls made outside PurgeDeck are not shown.";

    private OutsidePurgeAlls() {
    }

    /** Fastly answers a token that may not read the log with 401, 403 or 404 (docs/fastly-api.md §20). */
    public static boolean denied(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof java.util.concurrent.ExecutionException
                || cause instanceof java.util.concurrent.CompletionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause instanceof dev.purgedeck.fastly.FastlyApiException f
                && (f.status() == 401 || f.status() == 403 || f.status() == 404);
    }

    /** "Shop (SU1Z0isxPaozGVKXdv0eY)" when the service's name is known, else the bare ID (the log holds only IDs). */
    public static String serviceLabel(String serviceId, java.util.Map<String, String> names) {
        String name = serviceId == null ? null : names.get(serviceId);
        return name == null || name.isBlank() ? serviceId : name + " (" + serviceId + ")";
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
