package dev.purgedeck.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One object held by a cache node: the snapshot shown in the cache panel plus what serving it needs.
 *
 * @param key         the cache key (host, path and query)
 * @param url         the URL as seeded, shown in the panel
 * @param keys        surrogate keys
 * @param state       fresh, stale (soft-purged) or gone (hard-purged)
 * @param lastPurgeId the purge that last matched it
 * @param content     the origin's answer this copy holds
 * @param storedAt    when this node stored it
 * @param ageAtFetch  the Age the upstream reported when it was fetched
 * @param hits        how often this node served it from cache
 * @param staleSince  when a soft purge marked it stale, else null
 * @param upstream    the headers the upstream sent with it, plus this node's fetch group
 * @param elapsedMs   how long fetching it took, for X-Timer
 */
record Copy(UrlKey key, String url, List<String> keys, ObjectState state, String lastPurgeId,
        OriginResponse content, Instant storedAt, long ageAtFetch, long hits, Instant staleSince, Trace upstream,
        int elapsedMs) {

    Copy {
        keys = List.copyOf(keys);
    }

    CachedObject snapshot() {
        return new CachedObject(url, keys, state, lastPurgeId, content.version());
    }

    long age(Instant now) {
        return ageAtFetch + Math.max(0, Duration.between(storedAt, now).toSeconds());
    }

    Copy purged(boolean soft, String purgeId, Instant at) {
        // A soft purge cannot bring a hard-purged object back: it stays gone.
        if (soft && state != ObjectState.GONE) {
            Instant since = state == ObjectState.STALE ? staleSince : at;
            return new Copy(key, url, keys, ObjectState.STALE, purgeId, content, storedAt, ageAtFetch, hits, since,
                    upstream, elapsedMs);
        }
        return new Copy(key, url, keys, ObjectState.GONE, purgeId, content, storedAt, ageAtFetch, hits, staleSince,
                upstream, elapsedMs);
    }

    Copy hit() {
        return new Copy(key, url, keys, state, lastPurgeId, content, storedAt, ageAtFetch, hits + 1, staleSince,
                upstream, elapsedMs);
    }
}
