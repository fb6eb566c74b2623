package dev.purgedeck.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.purgedeck.testsupport.Clients;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Parsing real answers of the real-time API (docs/fastly-edge.md §5.1) and the summary's wording. */
class StatsBatchTest {
    @Test
    void readsFastlysExporterFixture() throws IOException {
        String body = "{\"Data\":[{\"datacenter\":{\"SJC\":{\"requests\":1,\"hits\":0,\"miss\":1,\"pass\":0,"
                + "\"errors\":0,\"status_2xx\":1,\"status_200\":1,\"edge_requests\":1,\"edge_resp_body_bytes\":1494,"
                + "\"origin_fetches\":1}},\"aggregated\":{\"requests\":1,\"hits\":0,\"miss\":1,\"pass\":0,"
                + "\"errors\":0,\"status_2xx\":1,\"status_200\":1,\"edge_requests\":1,\"edge_resp_body_bytes\":1494,"
                + "\"origin_fetches\":1},\"recorded\":1600223685}],\"Timestamp\":1600223694,\"AggregateDelay\":9}";
        StatsBatch b = StatsBatch.parse(Clients.MAPPER, body);
        assertThat(b.timestamp()).isEqualTo(1600223694L);
        assertThat(b.aggregateDelay()).isEqualTo(9);
        assertThat(b.error()).isNull();
        StatsSecond s = b.data().get(0);
        assertThat(s.recorded()).isEqualTo(1600223685L);
        assertThat(s.edgeRequests()).isEqualTo(1);
        assertThat(s.originFetches()).isEqualTo(1);
        // No edge_hit_requests in this record: hits/(hits+miss) is the fallback, 0 here.
        assertThat(s.hitRatio()).isZero();
    }

    @Test
    void readsTheNoDataAnswer() throws IOException {
        StatsBatch b = StatsBatch.parse(Clients.MAPPER, "{\"Data\":[],\"Timestamp\":1635959484,"
                + "\"AggregateDelay\":9,\"Error\":\"No data available, please retry\"}");
        assertThat(b.data()).isEmpty();
        assertThat(b.error()).isEqualTo("No data available, please retry");
        assertThatThrownBy(() -> StatsBatch.parse(Clients.MAPPER, "<html>")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> StatsBatch.parse(Clients.MAPPER, "{\"msg\":\"x\"}")).isInstanceOf(IOException.class);
    }

    @Test
    void summarySaysWhatThePurgeDid() {
        List<StatsSecond> series = List.of(
                second(0, 100, 95, 2), second(1, 100, 95, 2),
                second(2, 100, 41, 24), second(3, 100, 60, 12), second(4, 100, 90, 3), second(5, 100, 93, 2));
        ImpactSummary s = ImpactSummary.of(series, 2).orElseThrow();
        assertThat(s.text()).isEqualTo("hit ratio 95 % → 41 % at the lowest, back to 90 % after 2 s; "
                + "origin fetches peaked at 12× the baseline");
        assertThat(s.settled()).isTrue();
        ImpactSummary notYet = ImpactSummary.of(series.subList(0, 4), 2).orElseThrow();
        assertThat(notYet.text()).contains("not back yet after 2 s");
        assertThat(notYet.settled()).isFalse();
        assertThat(ImpactSummary.of(List.of(second(5, 0, 0, 0)), 2)).isEmpty();
    }

    private static StatsSecond second(long t, long requests, long hits, long fetches) {
        return new StatsSecond(t, requests, hits, requests - hits, fetches, 0, 0);
    }
}
