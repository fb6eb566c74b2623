package dev.purgedeck.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * One cache node of the simulated network: answers from its {@link EdgeCache}, asks its upstream on a miss, and
 * serves a stale copy within stale-while-revalidate while it fetches a fresh one (docs/fastly-edge.md §2).
 */
final class Pop {
    /** Milliseconds a node adds to X-Timer's VE when it had to ask upstream. */
    static final int NODE_MS = 9;

    /** Where a node fetches from: the origin, or a shield node. */
    interface Source {
        Served fetch(String serviceId, UrlKey key, SeedObject page, Instant now);
    }

    private final String node;
    private final String fetchNode;
    private final EdgeCache cache;
    private final Source upstream;
    private final boolean serveStale;

    /**
     * @param node      the node that delivers (the D groups and X-Served-By), e.g. {@code cache-lcy1128-LCY}
     * @param fetchNode the node of the same POP that fetches (the F groups); Fastly clusters these
     * @param serveStale false for a shield: it follows Fastly's advice not to hand stale objects to an edge, which
     *                   would store them as fresh (docs/fastly-edge.md §9)
     */
    Pop(String node, String fetchNode, EdgeCache cache, Source upstream, boolean serveStale) {
        this.node = node;
        this.fetchNode = fetchNode;
        this.cache = cache;
        this.upstream = upstream;
        this.serveStale = serveStale;
    }

    String node() {
        return node;
    }

    EdgeCache cache() {
        return cache;
    }

    /** A page not cached (pass, or no such page at the origin) goes upstream every time and reports MISS. */
    synchronized Served serve(String serviceId, UrlKey key, SeedObject page, Instant now) {
        if (page == null || !page.policy().cacheable()) {
            Served up = upstream.fetch(serviceId, key, page, now);
            return deliver(up.trace(), up.content(), false, 0, miss(up.age()), up.age(), up.elapsedMs() + NODE_MS,
                    now);
        }
        PagePolicy policy = page.policy();
        Optional<Copy> held = cache.copy(serviceId, key).filter(c -> c.state() != ObjectState.GONE);
        if (held.isPresent()) {
            Copy c = held.get();
            double remaining = remainingTtl(c, policy, now);
            boolean fresh = c.state() == ObjectState.FRESH && remaining > 0;
            if (fresh || (serveStale && -remaining <= policy.swr())) {
                Copy hit = c.hit();
                cache.put(serviceId, EdgeCache.PRODUCTION, hit);
                long age = c.age(now);
                Served out = deliver(c.upstream(), c.content(), true, hit.hits(),
                        "(H " + node + " " + seconds(remaining) + " " + seconds(policy.sie()) + " " + age + ")",
                        age, 0, now);
                if (!fresh) {
                    // The background revalidation, done at once: the next request gets the fresh copy.
                    fetchAndStore(serviceId, key, page, now);
                }
                return out;
            }
        }
        Copy stored = fetchAndStore(serviceId, key, page, now);
        return deliver(stored.upstream(), stored.content(), false, 0, miss(stored.ageAtFetch()),
                stored.ageAtFetch(), stored.elapsedMs(), now);
    }

    /** Fills the cache as if a request had just missed (seeding); also used for revalidation. */
    synchronized Copy fetchAndStore(String serviceId, UrlKey key, SeedObject page, Instant now) {
        Served up = upstream.fetch(serviceId, key, page, now);
        Copy copy = new Copy(key, page.url(), page.keys(), ObjectState.FRESH, null, up.content(), now, up.age(), 0,
                null, up.trace().fetchedBy(fetchNode, now), up.elapsedMs() + NODE_MS);
        cache.put(serviceId, EdgeCache.PRODUCTION, copy);
        return copy;
    }

    /** Soft-purged: Fastly sets the TTL to zero, so the copy is as stale as the purge is old. */
    private static double remainingTtl(Copy c, PagePolicy policy, Instant now) {
        if (c.state() == ObjectState.STALE) {
            return -Math.max(0.001, Duration.between(c.staleSince(), now).toMillis() / 1000.0);
        }
        double ageSeconds = c.ageAtFetch() + Math.max(0, Duration.between(c.storedAt(), now).toMillis()) / 1000.0;
        return policy.maxAge() - ageSeconds;
    }

    private Served deliver(Trace upstreamTrace, OriginResponse content, boolean hit, long hits, String ttlGroup,
            long age, int elapsedMs, Instant now) {
        return new Served(content, upstreamTrace.deliveredBy(node, hit, hits, ttlGroup, now), age, elapsedMs);
    }

    /** On a miss the node shows no TTLs, as in Fastly's captures: {@code (M node - - age)}. */
    private String miss(long age) {
        return "(M " + node + " - - " + age + ")";
    }

    static String seconds(double s) {
        return String.format(Locale.ROOT, "%.3f", s);
    }
}
