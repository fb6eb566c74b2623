package dev.purgedeck.sandbox;

/**
 * One node's answer: the content, the headers collected so far, its Age and how long it took.
 *
 * @param content   what the origin answered when this copy was fetched
 * @param trace     the Fastly headers so far
 * @param age       seconds the content has been cached, the origin's and upstream nodes' time included
 * @param elapsedMs the VE part of X-Timer: 0 for a hit, more when an upstream was asked
 */
record Served(OriginResponse content, Trace trace, long age, int elapsedMs) {
}
