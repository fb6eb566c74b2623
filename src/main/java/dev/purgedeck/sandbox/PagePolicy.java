package dev.purgedeck.sandbox;

import java.util.StringJoiner;

/**
 * How the demo origin answers for one page: cached with a TTL (docs/fastly-edge.md §1.2, Surrogate-Control), passed
 * ({@code Cache-Control: private}) or redirected by the edge itself.
 *
 * @param kind         cached, pass or synthetic redirect
 * @param maxAge       Surrogate-Control max-age in seconds (the edge TTL)
 * @param swr          stale-while-revalidate seconds, 0 for none
 * @param sie          stale-if-error seconds, 0 for none
 * @param cacheControl what browsers are told
 * @param location     the redirect target, null unless {@link Kind#REDIRECT}
 */
record PagePolicy(Kind kind, int maxAge, int swr, int sie, String cacheControl, String location) {

    /** What the edge does with the page. */
    enum Kind { CACHE, PASS, REDIRECT }

    static PagePolicy cached(int maxAge, int swr, int sie, String cacheControl) {
        return new PagePolicy(Kind.CACHE, maxAge, swr, sie, cacheControl, null);
    }

    static PagePolicy pass() {
        return new PagePolicy(Kind.PASS, 0, 0, 0, "private, no-store", null);
    }

    static PagePolicy redirect(String location) {
        return new PagePolicy(Kind.REDIRECT, 0, 0, 0, null, location);
    }

    boolean cacheable() {
        return kind == Kind.CACHE;
    }

    /** For example {@code max-age=300, stale-while-revalidate=60, stale-if-error=86400}; null when not cached. */
    String surrogateControl() {
        if (!cacheable()) {
            return null;
        }
        StringJoiner j = new StringJoiner(", ");
        j.add("max-age=" + maxAge);
        if (swr > 0) {
            j.add("stale-while-revalidate=" + swr);
        }
        if (sie > 0) {
            j.add("stale-if-error=" + sie);
        }
        return j.toString();
    }
}
