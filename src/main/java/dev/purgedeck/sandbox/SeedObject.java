package dev.purgedeck.sandbox;

import java.util.List;

/** A demo page: its URL, surrogate keys and how the origin lets it be cached. */
record SeedObject(String url, List<String> keys, PagePolicy policy) {
    /** An hour at the edge, a minute in browsers: the default of pages that say nothing special. */
    static final PagePolicy DEFAULT_POLICY = PagePolicy.cached(3600, 0, 0, "public, max-age=60");

    SeedObject {
        keys = List.copyOf(keys);
    }

    static SeedObject of(String url, String... keys) {
        return new SeedObject(url, List.of(keys), DEFAULT_POLICY);
    }

    SeedObject with(PagePolicy p) {
        return new SeedObject(url, keys, p);
    }
}
