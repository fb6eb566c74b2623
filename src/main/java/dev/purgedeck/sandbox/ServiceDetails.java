package dev.purgedeck.sandbox;

import java.time.Instant;

/** The control-plane facts about a demo service that only the JSON answers need. */
record ServiceDetails(DemoService service, String comment, String type, Instant createdAt, Instant updatedAt,
        int activeVersion, int versionCount) {

    String id() {
        return service.id();
    }
}
