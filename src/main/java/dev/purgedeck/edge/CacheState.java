package dev.purgedeck.edge;

/** What one cache node (the edge or the shield) said about an answer, from its {@code X-Cache} entry. */
public enum CacheState {
    /** The node answered from its cache (stale and synthetic answers included, docs/fastly-edge.md §1.2). */
    HIT,
    /** The node asked upstream: the shield, or the origin (a pass shows as a miss too). */
    MISS,
    /** The answer does not say (no {@code X-Cache}, or a value PurgeDeck does not know). */
    UNKNOWN,
    /** There is no such node on this path: the service is not shielded. */
    NONE;

    static CacheState of(String entry) {
        if (entry == null) {
            return UNKNOWN;
        }
        String e = entry.strip();
        if (e.equalsIgnoreCase("HIT") || e.regionMatches(true, 0, "HIT-", 0, 4)) {
            return HIT;
        }
        return e.equalsIgnoreCase("MISS") || e.regionMatches(true, 0, "MISS-", 0, 5) ? MISS : UNKNOWN;
    }
}
