package dev.purgedeck.edge;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What one answer of a Fastly POP says about a page: its status, whether the edge and the shield served it from
 * cache, how old the copy is and how long it has left, its validators, cache key digest and surrogate keys, in plain
 * words first ({@link #summary}) and the raw headers for whoever wants them.
 *
 * @param url            the page as the user gave it
 * @param status         the HTTP status of the answer
 * @param redirectTarget the {@code Location} of a 3xx answer
 * @param verdict        the one-line answer
 * @param edge           the edge POP's cache state (the last {@code X-Cache} entry)
 * @param shield         the shield POP's cache state, {@link CacheState#NONE} when there is no shield
 * @param edgePop        the edge POP's code (e.g. {@code WLG}), from {@code X-Served-By} or {@code Fastly-Debug-Path}
 * @param shieldPop      the shield POP's code when the service is shielded
 * @param servedBy       the cache nodes as {@code X-Served-By} lists them, shield first, edge last
 * @param ageSeconds     how old the cached copy is (the edge's {@code Fastly-Debug-TTL} age, else {@code Age})
 * @param ttlSeconds     how long the copy has left at the edge; negative means stale
 * @param ttlEstimated   whether {@link #ttlSeconds} is estimated from the caching headers minus the age, because the
 *                       answering node did not say (docs/fastly-edge.md §1.2)
 * @param etag           the {@code ETag}
 * @param lastModified   the {@code Last-Modified}
 * @param digest         the cache key digest ({@code Fastly-Debug-Digest})
 * @param surrogateKeys  the page's surrogate keys, in the order sent, without repeats
 * @param debugHeaders   whether the answer carried any {@code Fastly-Debug} header (false: the service strips them)
 * @param headers        every header as received, names matched without regard to case
 * @param summary        plain-words sentences, most important first
 * @param bodyBytesRead  how much of the body was read before the rest was dropped
 */
public record PageReport(URI url, int status, Optional<String> redirectTarget, Verdict verdict, CacheState edge,
                         CacheState shield, Optional<String> edgePop, Optional<String> shieldPop,
                         List<String> servedBy, OptionalLong ageSeconds, Optional<Double> ttlSeconds,
                         boolean ttlEstimated, Optional<String> etag, Optional<String> lastModified,
                         Optional<String> digest, List<String> surrogateKeys, boolean debugHeaders,
                         Map<String, List<String>> headers, List<String> summary, long bodyBytesRead) {
    public PageReport {
        servedBy = List.copyOf(servedBy);
        surrogateKeys = List.copyOf(surrogateKeys);
        summary = List.copyOf(summary);
    }

    /** Whether the edge serves a copy past its TTL (while it revalidates, or after a soft purge). */
    public boolean stale() {
        return ttlSeconds.isPresent() && ttlSeconds.get() < 0;
    }

    /** The POPs on the path, shield first, each once. */
    public List<String> pops() {
        return shieldPop.isPresent() ? List.of(shieldPop.get(), edgePop.orElse("?")) : edgePop.stream().toList();
    }
}
