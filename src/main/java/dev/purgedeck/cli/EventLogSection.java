package dev.purgedeck.cli;

import dev.purgedeck.fastly.FastlyApiException;
import dev.purgedeck.fastly.FastlyEvent;
import dev.purgedeck.fastly.Validation;
import dev.purgedeck.history.HistoryEntry;
import dev.purgedeck.history.OutsidePurgeAlls;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** {@code history --fastly-events}: the purge-alls of Fastly's event log that PurgeDeck did not make. */
final class EventLogSection {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    private static final long WAIT_SECONDS = 60;

    private EventLogSection() {
    }

    /**
     * Prints the section; false when the log could not be read (the reason is printed to stderr).
     *
     * @param until   the newest time asked for, or null
     * @param service the service asked for by ID or name (as {@code history --service}), or null
     */
    static boolean print(CliContext ctx, String profile, Instant since, Instant until, String service,
                         List<HistoryEntry> local) {
        ConnectionResolver.Resolved connection = ConnectionResolver.resolve(ctx, profile);
        List<FastlyEvent> events;
        Map<String, String> names;
        try (CliClient client = CliClient.open(connection.connection())) {
            names = serviceNames(client);
            String serviceId = null;
            if (service != null) {
                serviceId = idOf(service.strip(), names);
                if (serviceId == null) {
                    ctx.warn("purgedeck: --service " + service.strip() + " is no service this token can see, so "
                            + "Fastly's event log was not read.");
                    return false;
                }
            }
            // Fastly filters: only the asked-for purge-alls cross the network (docs/fastly-api.md §20).
            events = client.client().purgeAllEvents(since, until, serviceId).get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            ctx.warn("purgedeck: " + (OutsidePurgeAlls.denied(e) ? OutsidePurgeAlls.NOT_ALLOWED : "Fastly's event log could not be read: "
                    + FastlyApiException.plainMessage(e, "no answer in time") + "."));
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        List<FastlyEvent> outside = OutsidePurgeAlls.of(events, local);
        ctx.out().println();
        if (outside.isEmpty()) {
            ctx.out().println("No purge-alls from Fastly's event log were made outside PurgeDeck.");
        } else {
            ctx.out().println("Purge-alls from Fastly's event log, made outside PurgeDeck:");
            TextTable t = new TextTable("TIME", "SERVICE", "USER ID", "IP", "TOKEN ID");
            ZoneId zone = ZoneId.systemDefault();
            for (FastlyEvent e : outside) {
                t.add(TIME.format(e.createdAt().atZone(zone)), OutsidePurgeAlls.serviceLabel(e.serviceId(), names),
                        e.admin() ? "Fastly staff" : e.userId(),
                        e.ip(), e.tokenId());
            }
            ctx.out().print(t.render());
        }
        ctx.out().flush();
        return true;
    }

    /** Service ID → name of the services the token sees; empty when it may not list them (IDs are shown then). */
    private static Map<String, String> serviceNames(CliClient client) throws InterruptedException {
        try {
            Map<String, String> names = new HashMap<>();
            client.client().listServices().get(WAIT_SECONDS, TimeUnit.SECONDS)
                    .forEach(s -> names.put(s.id(), s.name()));
            return names;
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            return Map.of();
        }
    }

    /** The ID {@code typed} names (an ID, or a name ignoring case); an ID-shaped word the list lacks is kept. */
    private static String idOf(String typed, Map<String, String> names) {
        if (names.containsKey(typed)) {
            return typed;
        }
        for (Map.Entry<String, String> n : names.entrySet()) {
            if (typed.equalsIgnoreCase(n.getValue())) {
                return n.getKey();
            }
        }
        return Validation.serviceIdProblem(typed).isEmpty() ? typed : null;
    }
}
