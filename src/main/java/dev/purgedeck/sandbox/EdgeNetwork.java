package dev.purgedeck.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;

/**
 * The simulated delivery network: the origin, the edge POP every client talks to, and a shield POP in front of the
 * origin for shielded services. A purge reaches edge and shield after delays drawn from a seeded random source, so
 * the shielding race of docs/fastly-edge.md §2 happens, reproducibly.
 */
final class EdgeNetwork {
    static final String EDGE_NODE = "cache-lcy1128-LCY";
    static final String EDGE_FETCH_NODE = "cache-lcy1130-LCY";
    static final String SHIELD_NODE = "cache-fra19179-FRA";
    static final String SHIELD_FETCH_NODE = "cache-fra19122-FRA";
    /** What the origin adds to X-Timer's VE. */
    static final int ORIGIN_MS = 22;

    /** A purge on its way to one node. */
    record Pending(String node, String serviceId, Instant dueAt, long order, BiConsumer<EdgeCache, Instant> action) {
    }

    private final Map<String, List<SeedObject>> pages;
    private final Set<String> shielded;
    private final Origin origin;
    private final Pop edge;
    private final Pop shield;
    /**
     * The simulated visitors' node: same cache logic and the same purges as {@link #edge}, its own store, so the
     * objects the sandbox panel lists and the hit counts the inspector reads are those of the user's own requests.
     */
    private final Pop visitors;
    private final Traffic traffic;
    private final Clock clock;
    private long originFetches;
    /** Set while a visitor's request is served with the origin over its capacity for the second. */
    private boolean originBusy;
    private final List<Pending> pending = new ArrayList<>();
    private long seed;
    private Duration maxDelay;
    private SplittableRandom random;
    private long order;

    EdgeNetwork(Map<String, List<SeedObject>> pages, Set<String> shielded, EdgeCache edgeCache, Clock clock,
            long seed, Duration maxDelay) {
        this.pages = Map.copyOf(pages);
        this.shielded = Set.copyOf(shielded);
        this.origin = new Origin(pages);
        this.clock = clock;
        Pop.Source fromOrigin = (s, k, p, now) -> {
            originFetches++;
            return new Served(origin.fetch(k, p), Trace.ORIGIN, 0, ORIGIN_MS);
        };
        this.shield = new Pop(SHIELD_NODE, SHIELD_FETCH_NODE, new EdgeCache(), fromOrigin, false);
        this.edge = new Pop(EDGE_NODE, EDGE_FETCH_NODE, edgeCache,
                (s, k, p, now) -> this.shielded.contains(s) ? shield.serve(s, k, p, now)
                        : fromOrigin.fetch(s, k, p, now), true);
        // The visitors' origin can be over its capacity for the second; their fetch then fails (see simulate).
        this.visitors = new Pop(EDGE_NODE, EDGE_FETCH_NODE, new EdgeCache(), (s, k, p, now) -> {
            if (originBusy) {
                throw new OriginBusy();
            }
            return fromOrigin.fetch(s, k, p, now);
        }, true);
        this.traffic = new Traffic(Traffic.demoOnly(pages), this::simulate, seed, 0);
        configure(seed, maxDelay);
        edgeCache.onReseed(this::reseed);
        reseed();
    }

    Origin origin() {
        return origin;
    }

    boolean shielded(String serviceId) {
        return shielded.contains(serviceId);
    }

    /** Every page back at version 1, both nodes holding it fresh as if it had just been fetched. */
    synchronized void reseed() {
        Instant now = clock.instant();
        pending.clear();
        origin.reset();
        for (Pop pop : List.of(edge, shield, visitors)) {
            pop.cache().clear();
        }
        // Fetched at staggered times within their TTL, as on a site that has run for a while: expiries spread out,
        // so the hit ratio and origin fetches before a purge have a steady, realistic baseline.
        SplittableRandom ages = new SplittableRandom(seed);
        pages.keySet().forEach(id -> traffic.visited(id).forEach(p -> visitors.fetchAndStore(id,
                UrlKey.parse(p.url()), p, now.minusSeconds(ages.nextLong(Math.max(1, p.policy().maxAge()))))));
        pages.forEach((serviceId, list) -> list.stream().filter(p -> p.policy().cacheable())
                .forEach(p -> edge.fetchAndStore(serviceId, UrlKey.parse(p.url()), p, now)));
        pages.keySet().forEach(id -> {
            edge.cache().mirrorToStaging(id);
            shield.cache().mirrorToStaging(id);
        });
    }

    /** Serves a request arriving at the edge POP now. */
    synchronized Served serve(String serviceId, UrlKey key, SeedObject page) {
        Instant now = clock.instant();
        settle(now);
        return edge.serve(serviceId, key, page, now);
    }

    /** Applies the purges whose delay has passed; reads of the cache call this first. */
    synchronized void settle() {
        settle(clock.instant());
    }

    synchronized void purge(String serviceId, BiConsumer<EdgeCache, Instant> action) {
        Instant now = clock.instant();
        settle(now);
        if (!shielded.contains(serviceId) || maxDelay.isZero()) {
            action.accept(edge.cache(), now);
            action.accept(visitors.cache(), now);
            if (shielded.contains(serviceId)) {
                action.accept(shield.cache(), now);
            }
            return;
        }
        pending.add(new Pending(EDGE_NODE, serviceId, now.plusMillis(delayMs()), order++, action));
        pending.add(new Pending(SHIELD_NODE, serviceId, now.plusMillis(delayMs()), order++, action));
        settle(now);
    }

    /** Replaces the seed and the largest delay; the random source starts over, so a test can replay a race. */
    synchronized void configure(long newSeed, Duration newMaxDelay) {
        if (newMaxDelay.isNegative()) {
            throw new IllegalArgumentException("max propagation delay must not be negative: " + newMaxDelay);
        }
        this.seed = newSeed;
        this.maxDelay = newMaxDelay;
        this.random = new SplittableRandom(newSeed);
    }

    /** Changes the visitors' rate from now on; the seconds already simulated stay as they were. */
    synchronized void traffic(int perSecond) {
        settle(clock.instant());
        traffic.configure(seed, perSecond);
    }

    synchronized long seed() {
        return seed;
    }

    synchronized Duration maxDelay() {
        return maxDelay;
    }

    /** Purges not yet arrived, soonest first. */
    synchronized List<Pending> pending() {
        settle(clock.instant());
        return pending.stream().sorted(due()).toList();
    }

    private long delayMs() {
        return (long) (random.nextDouble() * (maxDelay.toMillis() + 1));
    }

    private void settle(Instant now) {
        List<Pending> due = pending.stream().filter(p -> !p.dueAt().isAfter(now)).sorted(due()).toList();
        for (Pending p : due) {
            // Visitors up to the moment a purge lands see the cache before it.
            traffic.catchUp(p.dueAt());
            if (p.node().equals(EDGE_NODE)) {
                p.action().accept(edge.cache(), p.dueAt());
                p.action().accept(visitors.cache(), p.dueAt());
            } else {
                p.action().accept(shield.cache(), p.dueAt());
            }
        }
        pending.removeAll(due);
        traffic.catchUp(now);
    }

    /** The simulated visitors; reads of their figures first bring them up to now. */
    synchronized Traffic traffic() {
        settle(clock.instant());
        return traffic;
    }

    /**
     * One visitor request through the edge's cache logic. A fetch for a copy still held (stale or expired) whose
     * content the origin has not changed is a conditional request answered 304: a revalidation.
     */
    private Traffic.Outcome simulate(String serviceId, SeedObject page, Instant at, boolean originAvailable) {
        UrlKey key = UrlKey.parse(page.url());
        Pop pop = visitors;
        Optional<Copy> held = pop.cache().copy(serviceId, key).filter(c -> c.state() != ObjectState.GONE);
        long before = originFetches;
        Served served;
        originBusy = !originAvailable;
        try {
            served = pop.serve(serviceId, key, page, at);
        } catch (OriginBusy e) {
            // A copy within stale-while-revalidate was served (its hit was counted) and only the revalidation failed;
            // otherwise the visitor got the edge's 503 and nothing was cached.
            boolean staleServed = held.isPresent() && pop.cache().copy(serviceId, key)
                    .map(c -> c.hits() > held.get().hits()).orElse(false);
            return staleServed ? new Traffic.Outcome(false, true, false, false, held.get().content().body().length)
                    : new Traffic.Outcome(!page.policy().cacheable(), false, false, false, 0, true);
        } finally {
            originBusy = false;
        }
        boolean fetched = originFetches != before;
        boolean revalidated = fetched && held.isPresent() && held.get().content().version() == origin.version(key);
        return new Traffic.Outcome(!page.policy().cacheable(), served.elapsedMs() == 0, fetched, revalidated,
                served.content().body().length);
    }

    /** Limits each demo origin's fetches per second from now on (0: no limit). */
    synchronized void originCapacity(int fetchesPerSecond) {
        settle(clock.instant());
        traffic.originCapacity(fetchesPerSecond);
    }

    /** Thrown by the visitors' origin over its capacity: their fetch fails with a 503. */
    private static final class OriginBusy extends RuntimeException {
        OriginBusy() {
            super("origin over capacity", null, false, false);
        }
    }

    private static Comparator<Pending> due() {
        return Comparator.comparing(Pending::dueAt).thenComparingLong(Pending::order);
    }
}
