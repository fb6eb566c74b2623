package dev.purgedeck.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the edge POP did with the simulated visitors in one second, in the field names of Fastly's real-time
 * measurements (docs/fastly-edge.md §5).
 */
final class SecondStats {
    final long recorded;
    long requests;
    long hits;
    long miss;
    long pass;
    long originFetches;
    long originRevalidations;
    long status2xx;
    long status5xx;
    long edgeBodyBytes;
    long originBodyBytes;

    SecondStats(long recorded) {
        this.recorded = recorded;
    }

    /** The measurements object; edge_* equal the totals because the sandbox's only edge POP has no shield traffic. */
    Map<String, Object> measurements() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("requests", requests);
        m.put("edge_requests", requests);
        m.put("edge_hit_requests", hits);
        m.put("edge_miss_requests", miss);
        m.put("hits", hits);
        m.put("miss", miss);
        m.put("pass", pass);
        m.put("synth", 0);
        m.put("errors", status5xx);
        m.put("status_2xx", status2xx);
        m.put("status_200", status2xx);
        m.put("status_304", 0);
        m.put("status_5xx", status5xx);
        m.put("status_503", status5xx);
        m.put("origin_fetches", originFetches);
        m.put("origin_revalidations", originRevalidations);
        m.put("edge_resp_body_bytes", edgeBodyBytes);
        m.put("origin_fetch_resp_body_bytes", originBodyBytes);
        return m;
    }
}
