package dev.purgedeck.sandbox;

/**
 * One simulated second of a demo service as the sandbox counted it.
 *
 * @param recorded      Unix second
 * @param requests      visitor requests at the edge
 * @param hits          served from the edge cache
 * @param originFetches requests the edge sent to the origin (revalidations included)
 */
public record TrafficCount(long recorded, long requests, long hits, long originFetches) {
}
