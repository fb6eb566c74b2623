package dev.purgedeck.fastly;

import java.time.Instant;

/**
 * One entry of Fastly's event log (docs/fastly-api.md §20); for PurgeDeck, a {@code service.purge_all} made by
 * whoever and with whatever tool.
 *
 * @param admin true when Fastly staff made it
 */
public record FastlyEvent(String id, String eventType, String serviceId, String userId, String tokenId, String ip,
        Instant createdAt, boolean admin) {
}
