package dev.purgedeck.edge;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The stable JSON shape of an inspection (README "Inspecting a page"): snake_case keys that are always present, null
 * when the answer did not say, so scripts can rely on them.
 */
public final class PageReportJson {
    private PageReportJson() {
    }

    /** One page that could be read. */
    public static Map<String, Object> of(PageReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("url", r.url().toString());
        m.put("ok", true);
        m.put("error", null);
        m.put("status", r.status());
        m.put("verdict", r.verdict().name().toLowerCase(Locale.ROOT));
        m.put("redirect_target", r.redirectTarget().orElse(null));
        m.put("edge", node(r.edge(), r.edgePop()));
        m.put("shield", r.shield() == CacheState.NONE ? null : node(r.shield(), r.shieldPop()));
        m.put("served_by", r.servedBy());
        m.put("age_seconds", r.ageSeconds().isPresent() ? r.ageSeconds().getAsLong() : null);
        m.put("ttl_seconds", r.ttlSeconds().orElse(null));
        m.put("ttl_estimated", r.ttlEstimated());
        m.put("stale", r.stale());
        m.put("etag", r.etag().orElse(null));
        m.put("last_modified", r.lastModified().orElse(null));
        m.put("digest", r.digest().orElse(null));
        m.put("surrogate_keys", r.surrogateKeys());
        m.put("debug_headers", r.debugHeaders());
        m.put("summary", r.summary());
        m.put("headers", r.headers());
        return m;
    }

    /** One page that could not be read, with the plain message why. */
    public static Map<String, Object> failed(String url, String message) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("url", url);
        m.put("ok", false);
        m.put("error", message);
        return m;
    }

    private static Map<String, Object> node(CacheState state, Optional<String> pop) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cache", state.name());
        m.put("pop", pop.orElse(null));
        return m;
    }

    /** The document for several pages, in the order given. */
    public static Map<String, Object> document(List<Map<String, Object>> pages) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pages", pages);
        return m;
    }
}
