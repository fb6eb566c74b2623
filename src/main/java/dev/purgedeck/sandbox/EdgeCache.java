package dev.purgedeck.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/** One cache node's objects: per service a production and a staging copy of the demo pages. */
public final class EdgeCache {
    static final String PRODUCTION = "production";
    static final String STAGING = "staging";
    static final String PURGE_ALL_MARK = "purge_all";

    private final Map<Slot, List<Copy>> slots = new ConcurrentHashMap<>();
    private volatile Runnable refill = () -> { };

    private record Slot(String serviceId, String environment) {
    }

    EdgeCache() {
    }

    /** A cache holding these pages fresh, fetched straight from their origin now. */
    EdgeCache(Map<String, List<SeedObject>> pages) {
        new EdgeNetwork(pages, Set.of(), this, Clock.systemUTC(), 0, Duration.ZERO);
    }

    /** The production objects of a service; empty for an unknown service. */
    public List<CachedObject> objects(String serviceId) {
        return objects(serviceId, PRODUCTION);
    }

    /** The objects of a service in {@code "production"} or {@code "staging"}. */
    public List<CachedObject> objects(String serviceId, String environment) {
        return slots.getOrDefault(new Slot(serviceId, checkEnvironment(environment)), List.of()).stream()
                .map(Copy::snapshot).toList();
    }

    /** Makes everything fresh again, all services, both environments, every page back at version 1. */
    public void reseed() {
        refill.run();
    }

    void onReseed(Runnable r) {
        this.refill = r;
    }

    void clear() {
        slots.clear();
    }

    static String checkEnvironment(String environment) {
        if (!PRODUCTION.equals(environment) && !STAGING.equals(environment)) {
            throw new IllegalArgumentException("environment must be production or staging: " + environment);
        }
        return environment;
    }

    /** The production copy under this cache key, gone ones included. */
    Optional<Copy> copy(String serviceId, UrlKey key) {
        return slots.getOrDefault(new Slot(serviceId, PRODUCTION), List.of()).stream()
                .filter(c -> c.key().equals(key)).findFirst();
    }

    /** Staging starts as a copy of production: the demo has one origin for both. */
    void mirrorToStaging(String serviceId) {
        List<Copy> production = slots.get(new Slot(serviceId, PRODUCTION));
        if (production != null) {
            slots.put(new Slot(serviceId, STAGING), production);
        }
    }

    /** Stores a copy in the environment, replacing the one under the same key where it stood. */
    void put(String serviceId, String environment, Copy copy) {
        slots.compute(new Slot(serviceId, environment), (k, list) -> {
            List<Copy> out = new ArrayList<>(list == null ? List.of() : list);
            int at = indexOf(out, copy.key());
            if (at < 0) {
                out.add(copy);
            } else {
                out.set(at, copy);
            }
            return List.copyOf(out);
        });
    }

    /**
     * Purges every object tagged with one of the keys; an object hit by several keys takes the id of the first
     * key in the map's order. Returns how many objects matched.
     */
    int purgeKeys(String serviceId, String environment, Map<String, String> idByKey, boolean soft, Instant at) {
        return update(new Slot(serviceId, environment), o -> {
            for (Map.Entry<String, String> e : idByKey.entrySet()) {
                if (o.keys().contains(e.getKey())) {
                    return o.purged(soft, e.getValue(), at);
                }
            }
            return null;
        });
    }

    /** URL purges reach production only: Fastly purges staging URLs through the staging IP instead. */
    int purgeUrl(String serviceId, UrlKey target, boolean soft, String purgeId, Instant at) {
        return update(new Slot(serviceId, PRODUCTION), o -> o.key().equals(target) ? o.purged(soft, purgeId, at)
                : null);
    }

    int purgeAll(String serviceId, String environment, Instant at) {
        return update(new Slot(serviceId, environment), o -> o.purged(false, PURGE_ALL_MARK, at));
    }

    private static int indexOf(List<Copy> list, UrlKey key) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).key().equals(key)) {
                return i;
            }
        }
        return -1;
    }

    /** Applies a change atomically per slot; the change returns null for objects it leaves alone. */
    private int update(Slot slot, UnaryOperator<Copy> change) {
        int[] hits = {0};
        slots.computeIfPresent(slot, (k, list) -> {
            List<Copy> out = new ArrayList<>(list.size());
            for (Copy o : list) {
                Copy changed = change.apply(o);
                if (changed != null) {
                    hits[0]++;
                }
                out.add(changed != null ? changed : o);
            }
            return List.copyOf(out);
        });
        return hits[0];
    }
}
