package dev.purgedeck.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/** The simulated edge cache: per service a production and a staging copy of the demo objects. */
public final class EdgeCache {
    static final String PRODUCTION = "production";
    static final String STAGING = "staging";
    static final String PURGE_ALL_MARK = "purge_all";

    private final Map<String, List<SeedObject>> seeds;
    private final Map<Slot, List<CachedObject>> slots = new ConcurrentHashMap<>();

    private record Slot(String serviceId, String environment) {
    }

    EdgeCache(Map<String, List<SeedObject>> seeds) {
        this.seeds = Map.copyOf(seeds);
        reseed();
    }

    /** The production objects of a service; empty for an unknown service. */
    public List<CachedObject> objects(String serviceId) {
        return objects(serviceId, PRODUCTION);
    }

    /** The objects of a service in {@code "production"} or {@code "staging"}. */
    public List<CachedObject> objects(String serviceId, String environment) {
        return slots.getOrDefault(new Slot(serviceId, checkEnvironment(environment)), List.of());
    }

    /** Makes everything fresh again, all services, both environments. */
    public void reseed() {
        seeds.forEach((serviceId, list) -> {
            List<CachedObject> fresh = list.stream()
                    .map(s -> new CachedObject(s.url(), s.keys(), ObjectState.FRESH, null))
                    .toList();
            slots.put(new Slot(serviceId, PRODUCTION), fresh);
            slots.put(new Slot(serviceId, STAGING), fresh);
        });
    }

    static String checkEnvironment(String environment) {
        if (!PRODUCTION.equals(environment) && !STAGING.equals(environment)) {
            throw new IllegalArgumentException("environment must be production or staging: " + environment);
        }
        return environment;
    }

    /**
     * Purges every object tagged with one of the keys; an object hit by several keys takes the id of the first
     * key in the map's order. Returns how many objects matched.
     */
    int purgeKeys(String serviceId, String environment, Map<String, String> idByKey, boolean soft) {
        return update(new Slot(serviceId, environment), o -> {
            for (Map.Entry<String, String> e : idByKey.entrySet()) {
                if (o.surrogateKeys().contains(e.getKey())) {
                    return o.purged(soft, e.getValue());
                }
            }
            return null;
        });
    }

    /** URL purges reach production only: Fastly purges staging URLs through the staging IP instead. */
    int purgeUrl(String serviceId, UrlKey target, boolean soft, String purgeId) {
        return update(new Slot(serviceId, PRODUCTION),
                o -> UrlKey.parse(o.url()).equals(target) ? o.purged(soft, purgeId) : null);
    }

    int purgeAll(String serviceId, String environment) {
        return update(new Slot(serviceId, environment), o -> o.purged(false, PURGE_ALL_MARK));
    }

    /** Applies a change atomically per slot; the change returns null for objects it leaves alone. */
    private int update(Slot slot, UnaryOperator<CachedObject> change) {
        int[] hits = {0};
        slots.computeIfPresent(slot, (k, list) -> {
            List<CachedObject> out = new ArrayList<>(list.size());
            for (CachedObject o : list) {
                CachedObject changed = change.apply(o);
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
