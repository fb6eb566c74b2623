package dev.purgedeck.sandbox;

import java.time.Instant;

/** One entry of the emulated audit log (docs/fastly-api.md §20), e.g. a {@code service.purge_all}. */
record SandboxEvent(String id, String eventType, String serviceId, String userId, String tokenId, String ip,
        Instant createdAt, String description) {
}
