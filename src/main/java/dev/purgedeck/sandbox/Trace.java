package dev.purgedeck.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The Fastly headers an answer collects on its way through cache nodes, built as Fastly's deliver macro builds them
 * (docs/fastly-edge.md §1.2): X-Served-By, X-Cache and X-Cache-Hits appended, so the last entry is the node nearest
 * the client; Fastly-Debug-Path and Fastly-Debug-TTL prepended, so the first group is that node.
 *
 * @param servedBy  X-Served-By entries, furthest node first
 * @param cache     X-Cache entries ("HIT" or "MISS")
 * @param hits      X-Cache-Hits entries
 * @param debugPath Fastly-Debug-Path groups, nearest node first, space-separated
 * @param debugTtl  Fastly-Debug-TTL groups, nearest node first, space-separated
 * @param via       how many Fastly hops the answer passed ("1.1 varnish" each)
 */
record Trace(List<String> servedBy, List<String> cache, List<String> hits, String debugPath, String debugTtl,
        int via) {
    /** What the origin sends: none of these headers. */
    static final Trace ORIGIN = new Trace(List.of(), List.of(), List.of(), "", "", 0);

    Trace {
        servedBy = List.copyOf(servedBy);
        cache = List.copyOf(cache);
        hits = List.copyOf(hits);
    }

    /** The {@code (F node time)} group vcl_fetch adds when a node stores what it fetched. */
    Trace fetchedBy(String node, Instant at) {
        return new Trace(servedBy, cache, hits, prepend("(F " + node + " " + at.getEpochSecond() + ")", debugPath),
                debugTtl, via);
    }

    /** What vcl_deliver on {@code node} adds; {@code ttlGroup} is this node's Fastly-Debug-TTL group. */
    Trace deliveredBy(String node, boolean hit, long hitCount, String ttlGroup, Instant at) {
        return new Trace(plus(servedBy, node), plus(cache, hit ? "HIT" : "MISS"), plus(hits, Long.toString(hitCount)),
                prepend("(D " + node + " " + at.getEpochSecond() + ")", debugPath), prepend(ttlGroup, debugTtl),
                via + 1);
    }

    private static String prepend(String group, String rest) {
        return rest.isEmpty() ? group : group + " " + rest;
    }

    private static List<String> plus(List<String> list, String entry) {
        List<String> out = new ArrayList<>(list);
        out.add(entry);
        return out;
    }
}
