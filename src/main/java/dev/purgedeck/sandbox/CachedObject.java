package dev.purgedeck.sandbox;

import java.util.List;
import java.util.Objects;

/**
 * One object in the simulated edge cache, as a snapshot.
 *
 * @param url           the absolute URL the object was cached under
 * @param surrogateKeys the keys it was tagged with (case-sensitive)
 * @param state         fresh, stale (soft purge) or gone (hard purge)
 * @param lastPurgeId   id of the purge that last matched it; {@code "purge_all"} after a purge-all,
 *                      which has no id at Fastly; {@code null} if never purged since it was fetched
 * @param version       the origin's content version this copy holds
 */
public record CachedObject(String url, List<String> surrogateKeys, ObjectState state, String lastPurgeId,
        int version) {

    /** Copies the key list so a snapshot never changes under its reader. */
    public CachedObject {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(state, "state");
        surrogateKeys = List.copyOf(surrogateKeys);
    }
}
