package dev.purgedeck.ui.purge;

import dev.purgedeck.fastly.FastlyClient;
import dev.purgedeck.fastly.HostMap;
import dev.purgedeck.fastly.HostMapLoader;
import dev.purgedeck.fastly.ServiceInfo;
import dev.purgedeck.files.Logs;
import dev.purgedeck.history.JobRecording;
import dev.purgedeck.settings.HostMapStore;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Where the console's URLs go: the host → service map (stored, then refreshed in the background), a line saying
 * which service each URL goes to, the service a pasted list selects, and the warning for hosts no service serves.
 * The map crosses to the UI thread in one place, {@link #show}.
 */
public final class HostRouting {
    static final String NO_ACCESS = "Hosts cannot be checked with this token (it may not read services); "
            + "the URLs are purged all the same.";
    private static final System.Logger LOG = Logs.of(HostRouting.class);

    private final UrlInputViewModel urls;
    private final ServiceSelectorViewModel services;
    private final ObjectProperty<PurgeMode> mode;
    private final Executor fx;
    private final ReadOnlyObjectWrapper<HostMap> map = new ReadOnlyObjectWrapper<>(HostMap.UNKNOWN);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");

    HostRouting(UrlInputViewModel urls, ServiceSelectorViewModel services, ObjectProperty<PurgeMode> mode, Executor fx) {
        this.urls = urls;
        this.services = services;
        this.mode = mode;
        this.fx = fx;
        urls.parsedProperty().addListener((o, a, b) -> update());
        map.addListener((o, a, b) -> update());
    }

    // ---- Properties

    /** "3 URLs → Daily Courier — www, 1 → Northwind Shop, 1 unknown host", or why hosts cannot be checked. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<HostMap> mapProperty() {
        return map.getReadOnlyProperty();
    }

    /** The service each URL's host routes to, for the history (any thread: the map is immutable). */
    public Map<String, ServiceInfo> routes(List<String> urlTargets) {
        return map.get().route(urlTargets).services();
    }

    /** What to ask before URLs whose host no visible service serves are sent; empty when all are served. */
    public Optional<String> warning(List<String> urlTargets) {
        HostMap.Routing r = map.get().route(urlTargets);
        if (r.unknown().isEmpty()) {
            return Optional.empty();
        }
        List<String> hosts = r.unknownHosts();
        String named = hosts.size() <= 3 ? String.join(", ", hosts)
                : String.join(", ", hosts.subList(0, 3)) + " and " + (hosts.size() - 3) + " more hosts";
        int n = r.unknown().size();
        return Optional.of("No service you can see serves " + named + ": Fastly would purge nothing for "
                + (n == 1 ? "this URL." : "these " + n + " URLs.") + " Check the host, or the profile.");
    }

    // ---- Commands

    /**
     * Shows the stored map, then refreshes it; both run off the UI thread, and a failed refresh keeps what is shown.
     *
     * @param background reads and writes the stored map
     * @param stored     the map saved last time for this profile and endpoint
     * @param fresh      asks Fastly for the map again
     * @param save       keeps a fresh map for next time
     */
    public void start(Executor background, Supplier<HostMap> stored, Supplier<CompletableFuture<HostMap>> fresh,
                      Consumer<HostMap> save) {
        background.execute(() -> {
            HostMap old = stored.get();
            fx.execute(() -> {
                if (map.get().state() == HostMap.State.UNKNOWN) {
                    show(old);
                }
            });
            fresh.get().whenComplete((now, e) -> {
                if (e != null) {
                    LOG.log(System.Logger.Level.DEBUG, "The host map could not be refreshed", e);
                    return;
                }
                background.execute(() -> save.accept(now));
                fx.execute(() -> show(now));
            });
        });
    }

    /** Starts with the map {@code store} kept for this profile and endpoint, then asks {@code client} afresh. */
    public void startFrom(FastlyClient client, HostMapStore store, JobRecording.Origin origin, Executor background) {
        start(background, () -> store.load(origin.profile(), origin.endpoint()),
                () -> new HostMapLoader(client, Clock.systemUTC()).load(), m -> {
                    try {
                        store.save(origin.profile(), origin.endpoint(), m);
                    } catch (IOException | RuntimeException e) {
                        // Only a cache: the next start asks Fastly again.
                        LOG.log(System.Logger.Level.DEBUG, "The host map could not be kept", e);
                    }
                });
    }

    /**
     * Selects the service that serves {@code pageUrl}'s host, when the map knows it: keys taken from a page are purged
     * on the page's service, not on whichever happened to be selected. Answers the service chosen.
     */
    public Optional<ServiceInfo> selectServiceOf(String pageUrl) {
        Optional<ServiceInfo> s = map.get().route(List.of(pageUrl)).single();
        s.ifPresent(found -> services.select(services.services().stream().filter(x -> x.id().equals(found.id()))
                .findFirst().orElse(found)));
        return s;
    }

    /** The one place a map reaches the UI thread. */
    void show(HostMap m) {
        map.set(m);
    }

    private void update() {
        HostMap m = map.get();
        List<String> valid = urls.validUrls();
        if (valid.isEmpty()) {
            summary.set("");
            return;
        }
        if (m.state() == HostMap.State.NO_ACCESS) {
            summary.set(NO_ACCESS);
            return;
        }
        HostMap.Routing r = m.route(valid);
        summary.set(r.summary());
        // A pasted list of one service's pages picks that service, so a switch to keys goes on where they live.
        r.single().filter(s -> mode.get() == PurgeMode.URLS && !s.id().equals(services.serviceIdProperty().get()))
                .ifPresent(s -> services.select(services.services().stream().filter(x -> x.id().equals(s.id()))
                        .findFirst().orElse(s)));
    }
}
