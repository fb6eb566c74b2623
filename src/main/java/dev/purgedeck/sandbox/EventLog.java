package dev.purgedeck.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** The account's audit log: purge-alls record themselves here, the admin API may add events "made elsewhere". */
final class EventLog {
    static final String PURGE_ALL = "service.purge_all";

    private final List<SandboxEvent> events = new ArrayList<>();
    private final AtomicLong next = new AtomicLong(1);

    SandboxEvent purgeAll(String serviceId, String userId, String tokenId, String ip, Instant at) {
        String id = String.format("SbxEvent%014d", next.getAndIncrement());
        SandboxEvent e = new SandboxEvent(id, PURGE_ALL, serviceId, userId, tokenId, ip, at,
                "Purged all objects in service " + serviceId);
        synchronized (events) {
            events.add(e);
        }
        return e;
    }

    List<SandboxEvent> all() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }
}
