package dev.purgedeck.edge;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Answers of a Fastly POP as the verifier tests need them, built with the real header parser. */
final class Pages {
    private Pages() {
    }

    /** An answer with these headers, given as name, value, name, value… */
    static PageReport answer(String url, int status, String... headers) {
        Map<String, List<String>> h = new LinkedHashMap<>();
        for (int i = 0; i < headers.length; i += 2) {
            h.put(headers[i], List.of(headers[i + 1]));
        }
        return DebugHeaders.parse(URI.create(url), status, h, 0);
    }

    /** The edge served its cached copy of this age; {@code ttl} left (negative: stale). */
    static PageReport edgeHit(String url, long age, String ttl) {
        return answer(url, 200, "X-Cache", "HIT", "X-Served-By", "cache-fra19179-FRA", "Age", Long.toString(age),
                "Fastly-Debug-Path", "(D cache-fra19179-FRA 1700000000)",
                "Fastly-Debug-TTL", "(H cache-fra19179-FRA " + ttl + " 0.000 " + age + ")",
                "Cache-Control", "max-age=3600", "Surrogate-Key", "news", "ETag", "\"v1\"");
    }

    /** A shielded edge that re-cached the shield's old copy. */
    static PageReport shieldedHit(String url, long age) {
        return answer(url, 200, "X-Cache", "HIT, MISS", "X-Served-By", "cache-iad1-IAD, cache-fra19179-FRA",
                "Age", Long.toString(age), "Fastly-Debug-TTL", "(M cache-fra19179-FRA - - " + age + ") (H "
                        + "cache-iad1-IAD 100.0 0.000 " + age + ")", "Cache-Control", "max-age=3600", "ETag",
                "\"v1\"");
    }

    /** Neither the edge nor the shield had it: fetched from the origin just now. */
    static PageReport fromOrigin(String url, String etag) {
        return answer(url, 200, "X-Cache", "MISS, MISS", "X-Served-By", "cache-iad1-IAD, cache-fra19179-FRA",
                "Age", "0", "Fastly-Debug-TTL", "(M cache-fra19179-FRA 3600.000 0.000 0) (M cache-iad1-IAD - - 0)",
                "Cache-Control", "max-age=3600", "ETag", etag);
    }
}
