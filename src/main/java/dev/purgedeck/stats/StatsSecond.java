package dev.purgedeck.stats;

/**
 * One second of a service's real-time stats, the fields the impact chart needs (docs/fastly-edge.md §5).
 *
 * @param recorded            the second the record covers, Unix seconds; charts align on it, not on arrival
 * @param edgeRequests        {@code edge_requests}, or {@code requests} when the record has no edge fields
 * @param edgeHits            {@code edge_hit_requests}, or {@code hits}
 * @param edgeMisses          {@code edge_miss_requests}, or {@code miss}
 * @param originFetches       {@code origin_fetches}: requests sent to the origin
 * @param originRevalidations {@code origin_revalidations}: 304s from the origin
 * @param status5xx           {@code status_5xx}
 */
public record StatsSecond(long recorded, long edgeRequests, long edgeHits, long edgeMisses, long originFetches,
        long originRevalidations, long status5xx) {

    /**
     * Hits over edge requests; the API has no hit ratio field, so it is computed as docs/fastly-edge.md §5.3 says.
     * NaN for a second without requests.
     */
    public double hitRatio() {
        if (edgeRequests > 0) {
            return (double) edgeHits / edgeRequests;
        }
        long seen = edgeHits + edgeMisses;
        return seen == 0 ? Double.NaN : (double) edgeHits / seen;
    }
}
