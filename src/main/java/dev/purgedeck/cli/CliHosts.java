package dev.purgedeck.cli;

import dev.purgedeck.fastly.FastlyApiException;
import dev.purgedeck.fastly.HostMap;
import dev.purgedeck.fastly.HostMapLoader;
import dev.purgedeck.files.Logs;
import dev.purgedeck.history.JobRecording;
import dev.purgedeck.settings.HostMapStore;
import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The host → service map for {@code purge --url…}: the one the window (or {@code --check-hosts}) kept in the data
 * folder, so a purge sends nothing it did not send before; with {@code --check-hosts} asked afresh first (one GET per
 * service, at most {@value #WAIT_SECONDS} s) and kept. A URL whose host no visible service serves is warned about
 * on stderr before anything is sent; the purge goes on, as scripts expect.
 */
final class CliHosts {
    static final int WAIT_SECONDS = 15;
    private static final System.Logger LOG = Logs.of(CliHosts.class);

    private CliHosts() {
    }

    /** The map for this connection; {@link HostMap#UNKNOWN} when none was kept (or asked for, and it failed). */
    static HostMap load(CliContext ctx, CliClient client, JobRecording.Origin origin, boolean refresh) {
        HostMapStore store = new HostMapStore(ctx.dataDir());
        HostMap kept = store.load(origin.profile(), origin.endpoint());
        if (!refresh) {
            return kept;
        }
        try {
            HostMap fresh = new HostMapLoader(client.quick(), Clock.systemUTC()).load()
                    .get(WAIT_SECONDS, TimeUnit.SECONDS);
            store.save(origin.profile(), origin.endpoint(), fresh);
            return fresh;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return kept;
        } catch (ExecutionException | TimeoutException | IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "The host map could not be refreshed", e);
            ctx.warn("purgedeck: the hosts could not be checked (" + FastlyApiException.plainMessage(e, "no answer in time") + ")");
            return kept;
        }
    }

    /** Says on stderr which URLs would purge nothing, or that hosts could not be checked. */
    static void warn(CliContext ctx, HostMap map, HostMap.Routing r) {
        if (map.state() == HostMap.State.NO_ACCESS) {
            ctx.warn("purgedeck: hosts cannot be checked with this token (it may not read services); "
                    + "the URLs are purged all the same");
            return;
        }
        for (String host : r.unknownHosts()) {
            long n = r.unknown().stream().filter(u -> HostMap.hostOf(u).equals(host)).count();
            ctx.warn("purgedeck: no service you can see serves " + host + ": Fastly would purge nothing for "
                    + (n == 1 ? "1 URL" : n + " URLs") + " (sent anyway)");
        }
    }
}
