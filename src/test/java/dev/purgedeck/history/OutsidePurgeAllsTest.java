package dev.purgedeck.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.fastly.FastlyEvent;
import dev.purgedeck.fastly.PurgeKind;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutsidePurgeAllsTest {
    private static final Instant T = Instant.parse("2026-12-01T09:12:00Z");

    private static FastlyEvent event(String id, String service, Instant at) {
        return new FastlyEvent(id, "service.purge_all", service, "U1", "T1", "198.51.100.4", at, false);
    }

    private static HistoryEntry local(String service, Instant at, HistoryEntry.Outcome outcome) {
        return new HistoryEntry("job", at, "p", "sandbox", "http://127.0.0.1", service, null, PurgeKind.ALL, service,
                false, "production", outcome, null, 200, null, 1, 10, "me", "1");
    }

    @Test
    void aPurgeAllPurgeDeckMadeIsNotShownTwice() {
        List<FastlyEvent> out = OutsidePurgeAlls.of(List.of(event("e1", "S1", T.plusSeconds(1))),
                List.of(local("S1", T, HistoryEntry.Outcome.OK)));

        assertThat(out).isEmpty();
    }

    @Test
    void otherServicesOtherTimesAndFailedLocalAttemptsDoNotHideAnEvent() {
        List<FastlyEvent> events = List.of(event("e1", "S2", T), event("e2", "S1", T.plusSeconds(600)),
                event("e3", "S1", T.plusSeconds(2000)));

        List<FastlyEvent> out = OutsidePurgeAlls.of(events, List.of(local("S1", T, HistoryEntry.Outcome.OK),
                local("S1", T.plusSeconds(2000), HistoryEntry.Outcome.FAILED)));

        assertThat(out).extracting(FastlyEvent::id).containsExactly("e1", "e2", "e3");
    }

    @Test
    void oneLocalPurgeAllExplainsOnlyOneOfTwoNearbyEvents() {
        List<FastlyEvent> out = OutsidePurgeAlls.of(List.of(event("e1", "S1", T), event("e2", "S1", T.plusSeconds(5))),
                List.of(local("S1", T, HistoryEntry.Outcome.OK)));

        assertThat(out).extracting(FastlyEvent::id).containsExactly("e2");
    }
}
