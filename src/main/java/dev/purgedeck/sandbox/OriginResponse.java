package dev.purgedeck.sandbox;

import java.time.Instant;

/**
 * What the demo origin answered for one request: a version of a page, or a 404.
 *
 * @param status       200, or 404 for a path the demo site does not have
 * @param page         the page, null for a 404
 * @param version      the content version (1 until published again), 0 for a 404
 * @param lastModified when that version was published
 * @param etag         quoted entity tag naming the page and version
 * @param body         the body bytes (never changed once built)
 * @param contentType  the Content-Type
 */
record OriginResponse(int status, SeedObject page, int version, Instant lastModified, String etag, byte[] body,
        String contentType) {
}
