package dev.purgedeck.edge;

import java.time.Duration;

/**
 * How far PurgeDeck goes to read one page: it needs the headers, not the page, so a slow, huge or hostile server
 * costs at most these.
 *
 * @param connectTimeout time to open the connection
 * @param totalTimeout   time from sending the request until the headers are in and the body has been drained
 * @param maxBodyBytes   body bytes read before the rest is dropped
 * @param maxHeaderLine  the longest single header (name and value) accepted
 * @param maxHeaderBytes all headers together
 */
public record FetchLimits(Duration connectTimeout, Duration totalTimeout, int maxBodyBytes, int maxHeaderLine,
                          int maxHeaderBytes) {
    /** What the window and the command line use. */
    public static final FetchLimits DEFAULT =
            new FetchLimits(Duration.ofSeconds(5), Duration.ofSeconds(15), 64 * 1024, 16 * 1024, 64 * 1024);

    public FetchLimits {
        if (connectTimeout.isNegative() || connectTimeout.isZero() || totalTimeout.isNegative()
                || totalTimeout.isZero() || maxBodyBytes < 0 || maxHeaderLine <= 0 || maxHeaderBytes <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    /** The same limits with another total timeout (tests of a hanging server use a short one). */
    public FetchLimits withTotalTimeout(Duration total) {
        return new FetchLimits(connectTimeout.compareTo(total) > 0 ? total : connectTimeout, total, maxBodyBytes,
                maxHeaderLine, maxHeaderBytes);
    }
}
