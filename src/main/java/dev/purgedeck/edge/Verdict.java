package dev.purgedeck.edge;

/** The one-line answer to "was this page served from Fastly's cache?", or why the headers cannot tell. */
public enum Verdict {
    /** The edge POP served its own cached copy. */
    EDGE_HIT,
    /** The edge did not have it; the shield POP served its cached copy. */
    SHIELD_HIT,
    /** Neither cache had it: fetched from the origin. */
    ORIGIN,
    /** The page is not cached at all (a pass: private, no-store or a zero TTL). */
    NOT_CACHED,
    /** The URL answers with a redirect: purging it purges the redirect, not its target. */
    REDIRECT,
    /** The URL answers with an error status. */
    ERROR,
    /** No Fastly cache headers at all: not served by Fastly, or the service removes them. */
    NO_CACHE_HEADERS
}
