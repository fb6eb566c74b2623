package dev.purgedeck.fastly;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Builds a {@link HostMap} from the services a token can read: the list, then each service's active domains, at
 * most {@value #AT_ONCE} requests at a time (GETs are not rate-limited, but an account may hold hundreds of
 * services). A token that may not read services gives {@link HostMap.State#NO_ACCESS}, not a failure
 * (docs/fastly-edge.md §3.2).
 */
public final class HostMapLoader {
    /** Detail requests in flight at once. */
    public static final int AT_ONCE = 4;

    private final FastlyClient client;
    private final Clock clock;

    public HostMapLoader(FastlyClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    /** Loads the map; fails only when Fastly could not be asked (network, 5xx, bad token). */
    public CompletableFuture<HostMap> load() {
        return client.listServices().thenCompose(this::domains).exceptionally(e -> {
            if (forbidden(e)) {
                return HostMap.noAccess(clock.instant());
            }
            throw e instanceof CompletionException c ? c : new CompletionException(e);
        });
    }

    private CompletableFuture<HostMap> domains(List<ServiceInfo> services) {
        Map<ServiceInfo, List<String>> found = new LinkedHashMap<>();
        services.forEach(s -> found.put(s, List.of()));
        List<CompletableFuture<Void>> lanes = new ArrayList<>();
        for (int lane = 0; lane < AT_ONCE; lane++) {
            CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
            for (int i = lane; i < services.size(); i += AT_ONCE) {
                ServiceInfo s = services.get(i);
                chain = chain.thenCompose(v -> client.activeDomains(s.id()).handle((names, e) -> {
                    if (e != null && !hidden(e)) {
                        throw e instanceof CompletionException c ? c : new CompletionException(e);
                    }
                    synchronized (found) {
                        found.put(s, names == null ? List.of() : names);
                    }
                    return null;
                }));
            }
            lanes.add(chain);
        }
        return CompletableFuture.allOf(lanes.toArray(CompletableFuture[]::new)).thenApply(v -> {
            synchronized (found) {
                return HostMap.of(found, clock.instant());
            }
        });
    }

    /** A 403 on the list or on a detail: the token may purge but not read configuration (docs/fastly-api.md §8.1). */
    static boolean forbidden(Throwable e) {
        return RequestExecutor.unwrap(e) instanceof FastlyApiException f && f.status() == 403;
    }

    /**
     * A service the list showed but whose detail is not ours to read (a token limited to other services: 404, or
     * 400 for a service that is gone) counts as serving nothing; a 403 means no detail is readable at all.
     */
    private static boolean hidden(Throwable e) {
        return RequestExecutor.unwrap(e) instanceof FastlyApiException f && (f.status() == 404 || f.status() == 400);
    }
}
