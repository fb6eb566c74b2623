package dev.purgedeck.stats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One answer of the real-time API: its records, the {@code Timestamp} to continue from, the aggregation delay and
 * the {@code Error} text ("No data available, please retry") when there was nothing (docs/fastly-edge.md §5.1).
 */
public record StatsBatch(List<StatsSecond> data, long timestamp, int aggregateDelay, String error) {

    public StatsBatch {
        data = List.copyOf(data);
    }

    /** Reads a body; the top-level keys are capitalised, the measurements lower-case. */
    public static StatsBatch parse(ObjectMapper mapper, String body) throws IOException {
        JsonNode root = mapper.readTree(body);
        if (root == null || !root.isObject() || !root.path("Timestamp").canConvertToLong()) {
            throw new IOException("not a real-time stats answer");
        }
        List<StatsSecond> out = new ArrayList<>();
        for (JsonNode r : root.path("Data")) {
            JsonNode a = r.path("aggregated");
            out.add(new StatsSecond(r.path("recorded").asLong(),
                    count(a, "edge_requests", "requests"), count(a, "edge_hit_requests", "hits"),
                    count(a, "edge_miss_requests", "miss"), a.path("origin_fetches").asLong(),
                    a.path("origin_revalidations").asLong(), a.path("status_5xx").asLong()));
        }
        JsonNode error = root.get("Error");
        return new StatsBatch(out, root.get("Timestamp").asLong(), root.path("AggregateDelay").asInt(),
                error == null || error.isNull() ? null : error.asText());
    }

    /** Prefer the edge_* field: {@code requests} also counts shield traffic and double-counts with shielding. */
    private static long count(JsonNode a, String edgeField, String fallback) {
        JsonNode n = a.get(edgeField);
        return n != null && n.canConvertToLong() ? n.asLong() : a.path(fallback).asLong();
    }
}
