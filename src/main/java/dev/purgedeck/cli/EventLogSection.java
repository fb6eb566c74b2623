package dev.purgedeck.cli;

import dev.purgedeck.fastly.FastlyApiException;
import dev.purgedeck.fastly.FastlyEvent;
import dev.purgedeck.history.HistoryEntry;
import dev.purgedeck.history.OutsidePurgeAlls;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** {@code history --fastly-events}: the purge-alls of Fastly's event log that PurgeDeck did not make. */
final class EventLogSection {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    private static final long WAIT_SECONDS = 60;

    private EventLogSection() {
    }

    /** Prints the section; false when the log could not be read (the reason is printed to stderr). */
    static boolean print(CliContext ctx, String profile, Instant since, List<HistoryEntry> local) {
        ConnectionResolver.Resolved connection = ConnectionResolver.resolve(ctx, profile);
        List<FastlyEvent> events;
        try (CliClient client = CliClient.open(connection.connection())) {
            events = client.client().purgeAllEvents(since).get(WAIT_SECONDS, TimeUnit.SECONDS);
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
                t.add(TIME.format(e.createdAt().atZone(zone)), e.serviceId(), e.admin() ? "Fastly staff" : e.userId(),
                        e.ip(), e.tokenId());
            }
            ctx.out().print(t.render());
        }
        ctx.out().flush();
        return true;
    }
}
