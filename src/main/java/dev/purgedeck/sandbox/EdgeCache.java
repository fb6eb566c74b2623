package dev.purgedeck.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/** One cache node's objects: per service a production and a staging copy of the demo pages. */
public final class EdgeCache {
    static final String PRODUCTION = "production";
    static final String STAGING = "staging";
    static final String PURGE_ALL_MARK = "purge_all";

    // Keyed by cache key, in insertion order: the simulated visitors look objects up thousands of times a second.
    private final Map<Slot, Map<UrlKey, Copy>> slots = new HashMap<>();
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
    public synchronized List<CachedObject> objects(String serviceId, String environment) {
        return slots.getOrDefault(new Slot(serviceId, checkEnvironment(environment)), Map.of()).values().stream()
                .map(Copy::snapshot).toList();
    }

    /** Makes everything fresh again, all services, both environments, every page back at version 1. */
    public void reseed() {
        refill.run();
    }

    void onReseed(Runnable r) {
        this.refill = r;
    }

    synchronized void clear() {
        slots.clear();
    }

    static String checkEnvironment(String environment) {
        if (!PRODUCTION.equals(environment) && !STAGING.equals(environment)) {
            throw new IllegalArgumentException("environment must be production or staging: " + environment);
        }
        return environment;
    }

    /** The production copy under this cache key, gone ones included. */
    synchronized Optional<Copy> copy(String serviceId, UrlKey key) {
        return Optional.ofNullable(slots.getOrDefault(new Slot(serviceId, PRODUCTION), Map.of()).get(key));
    }

    /** Staging starts as a copy of production: the demo has one origin for both. */
    synchronized void mirrorToStaging(String serviceId) {
        Map<UrlKey, Copy> production = slots.get(new Slot(serviceId, PRODUCTION));
        if (production != null) {
            slots.put(new Slot(serviceId, STAGING), new LinkedHashMap<>(production));
        }
    }

    /** Stores a copy in the environment, replacing the one under the same key where it stood. */
    synchronized void put(String serviceId, String environment, Copy copy) {
        slots.computeIfAbsent(new Slot(serviceId, environment), k -> new LinkedHashMap<>()).put(copy.key(), copy);
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
    synchronized int purgeUrl(String serviceId, UrlKey target, boolean soft, String purgeId, Instant at) {
        // One object per cache key: a lookup, not a walk over every object the node holds.
        Map<UrlKey, Copy> objects = slots.get(new Slot(serviceId, PRODUCTION));
        Copy copy = objects == null ? null : objects.get(target);
        if (copy == null) {
            return 0;
        }
        objects.put(target, copy.purged(soft, purgeId, at));
        return 1;
    }

    int purgeAll(String serviceId, String environment, Instant at) {
        return update(new Slot(serviceId, environment), o -> o.purged(false, PURGE_ALL_MARK, at));
    }

    /** Applies a change atomically per slot; the change returns null for objects it leaves alone. */
    private synchronized int update(Slot slot, UnaryOperator<Copy> change) {
        Map<UrlKey, Copy> objects = slots.get(slot);
        if (objects == null) {
            return 0;
        }
        int hits = 0;
        for (Map.Entry<UrlKey, Copy> e : objects.entrySet()) {
            Copy changed = change.apply(e.getValue());
            if (changed != null) {
                hits++;
                e.setValue(changed);
            }
        }
        return hits;
    }
}
