package dev.purgedeck.sandbox;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Simulated visitors of the demo services: each second a seeded, Zipf-distributed draw over the demo pages and a
 * long tail of similar pages, served through the edge's cache logic. Counting happens per object and second: the
 * first request for an object in a second goes through the cache; the rest of that second find what it left there.
 * Driven by the sandbox clock, so a test that steps the clock sees the seconds in between.
 */
final class Traffic {
    /** Pages per service beyond the demo pages, so that a purge-all takes a while to heal, as on a real site. */
    static final int TAIL_PAGES = 1200;
    /** Seconds of history kept per service; /ts/h needs 120. */
    static final int RETENTION = 600;
    /** Seconds simulated before the sandbox starts, so /ts/h has a baseline at once. */
    static final int BACKFILL = 120;
    /**
     * Percent of requests whose URL nobody asked for before (a campaign's query string, a crawler): always a miss and
     * an origin fetch. They give the baseline the steady trickle of misses a real site has.
     */
    static final int ONE_OFF_PERCENT = 3;
    private static final double ZIPF_EXPONENT = 1.0;

    /**
     * How one request for an object went at the edge.
     *
     * @param failed the origin could not take the fetch (over its capacity): the edge answered 503
     */
    record Outcome(boolean pass, boolean hit, boolean fetched, boolean revalidated, int bodyBytes, boolean failed) {
        Outcome(boolean pass, boolean hit, boolean fetched, boolean revalidated, int bodyBytes) {
            this(pass, hit, fetched, revalidated, bodyBytes, false);
        }
    }

    /** Serves the first request for an object in a second through the cache. */
    interface Edge {
        /** @param originAvailable false when the origin takes no more fetches this second: a needed fetch fails */
        Outcome serve(String serviceId, SeedObject page, Instant at, boolean originAvailable);
    }

    private record Catalog(List<SeedObject> pages, double[] cdf) {
    }

    private final Map<String, Catalog> catalogs = new LinkedHashMap<>();
    private final Map<String, Deque<SecondStats>> history = new LinkedHashMap<>();
    private final Edge edge;
    private SplittableRandom random;
    private int perSecond;
    /** Origin fetches per second and service the origin can take; 0 means no limit. */
    private int originCapacity;
    private long lastSimulated = Long.MIN_VALUE;

    Traffic(Map<String, List<SeedObject>> demoPages, Edge edge, long seed, int perSecond) {
        this.edge = edge;
        demoPages.forEach((id, pages) -> {
            List<SeedObject> cached = pages.stream().filter(p -> p.policy().kind() != PagePolicy.Kind.REDIRECT)
                    .toList();
            if (!cached.isEmpty()) {
                catalogs.put(id, catalog(cached));
                history.put(id, new ArrayDeque<>());
            }
        });
        configure(seed, perSecond);
    }

    /** Only the demo services get visitors; generated load-test services stay quiet. */
    static Map<String, List<SeedObject>> demoOnly(Map<String, List<SeedObject>> seeds) {
        Map<String, List<SeedObject>> out = new LinkedHashMap<>();
        seeds.forEach((id, pages) -> {
            if (!DemoObjects.forService(id).isEmpty()) {
                out.put(id, pages);
            }
        });
        return out;
    }

    synchronized void configure(long seed, int newPerSecond) {
        if (newPerSecond < 0 || newPerSecond > 100_000) {
            throw new IllegalArgumentException("requests per second must be 0..100000: " + newPerSecond);
        }
        this.random = new SplittableRandom(seed);
        this.perSecond = newPerSecond;
    }

    synchronized int perSecond() {
        return perSecond;
    }

    /**
     * Limits each demo origin to {@code fetchesPerSecond} fetches a second from the next simulated second on (0: no
     * limit); a fetch beyond it fails and the edge answers 503 (docs/fastly-edge.md §5.4).
     */
    synchronized void originCapacity(int fetchesPerSecond) {
        if (fetchesPerSecond < 0 || fetchesPerSecond > 1_000_000) {
            throw new IllegalArgumentException("origin capacity must be 0..1000000 fetches/s: " + fetchesPerSecond);
        }
        this.originCapacity = fetchesPerSecond;
    }

    synchronized int originCapacity() {
        return originCapacity;
    }

    /** The cacheable pages the visitors ask for: the demo pages, then the tail that copies their keys and TTLs. */
    List<SeedObject> visited(String serviceId) {
        Catalog c = catalogs.get(serviceId);
        return c == null ? List.of() : c.pages().stream().filter(p -> p.policy().cacheable()).toList();
    }

    /** Simulates every whole second that ended by {@code now}; a long idle gap keeps only what is retained. */
    synchronized void catchUp(Instant now) {
        long lastComplete = now.getEpochSecond() - 1;
        if (lastSimulated == Long.MIN_VALUE) {
            if (perSecond == 0) {
                // Never started: a sandbox without visitors pays nothing and reports no data.
                return;
            }
            lastSimulated = lastComplete - BACKFILL;
        }
        lastSimulated = Math.max(lastSimulated, lastComplete - RETENTION);
        while (lastSimulated < lastComplete) {
            lastSimulated++;
            simulate(lastSimulated);
        }
    }

    /** The retained seconds of a service from {@code from} on, oldest first; empty for a quiet service. */
    synchronized List<SecondStats> since(String serviceId, long from) {
        Deque<SecondStats> h = history.get(serviceId);
        if (h == null) {
            return List.of();
        }
        return h.stream().filter(s -> s.recorded >= from).toList();
    }

    /** The last second simulated. */
    synchronized long latest() {
        return lastSimulated;
    }

    private void simulate(long second) {
        // Just before the second ends: a purge made at 'now' must come after every simulated request.
        Instant at = Instant.ofEpochSecond(second, 999_000_000);
        catalogs.forEach((id, catalog) -> {
            int[] counts = new int[catalog.pages().size()];
            int oneOff = perSecond * ONE_OFF_PERCENT / 100;
            for (int i = oneOff; i < perSecond; i++) {
                counts[pick(catalog.cdf())]++;
            }
            SecondStats s = new SecondStats(second);
            long[] budget = {originCapacity == 0 ? Long.MAX_VALUE : originCapacity};
            // Never cached under a key seen again, so they need no cache lookup: each is a miss and a full fetch.
            s.requests += oneOff;
            s.miss += oneOff;
            fetchEach(s, oneOff, budget);
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] > 0) {
                    count(s, counts[i], edge.serve(id, catalog.pages().get(i), at, budget[0] > 0), budget);
                }
            }
            Deque<SecondStats> h = history.get(id);
            h.addLast(s);
            while (h.size() > RETENTION) {
                h.removeFirst();
            }
        });
    }

    /**
     * Sends each of {@code n} requests to the origin as far as {@code budget[0]} (what it can still take this second)
     * allows: those it takes are fetches answered 200, the rest its 503s. Returns how many it took.
     */
    private static long fetchEach(SecondStats s, long n, long[] budget) {
        long fetched = Math.min(n, budget[0]);
        budget[0] -= fetched;
        s.status2xx += fetched;
        s.status5xx += n - fetched;
        s.originFetches += fetched;
        return fetched;
    }

    /** Counts n requests for one object; {@code budget[0]} is what the origin can still take this second. */
    private static void count(SecondStats s, int n, Outcome o, long[] budget) {
        s.requests += n;
        if (o.failed()) {
            // Fastly collapses the second's requests for the object onto the one fetch: they all get its 503.
            s.miss += n;
            s.status5xx += n;
            return;
        }
        if (o.pass()) {
            // A pass goes to the origin every time, so all n requests are fetches, as far as the origin can take.
            s.pass += n;
            long fetched = fetchEach(s, n, budget);
            s.edgeBodyBytes += fetched * o.bodyBytes();
            s.originBodyBytes += fetched * o.bodyBytes();
            return;
        }
        s.status2xx += n;
        s.edgeBodyBytes += (long) n * o.bodyBytes();
        int misses = o.hit() ? 0 : 1;
        s.miss += misses;
        s.hits += n - misses;
        if (o.fetched()) {
            budget[0]--;
            s.originFetches++;
            if (o.revalidated()) {
                s.originRevalidations++;
            } else {
                s.originBodyBytes += o.bodyBytes();
            }
        }
    }

    private int pick(double[] cdf) {
        double u = random.nextDouble();
        int lo = 0;
        int hi = cdf.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cdf[mid] < u) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static Catalog catalog(List<SeedObject> demo) {
        List<SeedObject> pages = new ArrayList<>(demo);
        List<SeedObject> cacheable = demo.stream().filter(p -> p.policy().cacheable()).toList();
        for (int i = 0; i < TAIL_PAGES && !cacheable.isEmpty(); i++) {
            SeedObject like = cacheable.get(i % cacheable.size());
            UrlKey k = UrlKey.parse(like.url());
            pages.add(new SeedObject("https://" + k.host() + "/_more/" + i, like.keys(), like.policy()));
        }
        double[] cdf = new double[pages.size()];
        double sum = 0;
        for (int i = 0; i < cdf.length; i++) {
            sum += 1.0 / Math.pow(i + 1, ZIPF_EXPONENT);
            cdf[i] = sum;
        }
        for (int i = 0; i < cdf.length; i++) {
            cdf[i] /= sum;
        }
        return new Catalog(List.copyOf(pages), cdf);
    }
}
