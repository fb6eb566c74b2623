package dev.purgedeck.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;

/** The sandbox's edge controls: {@code POST /_sandbox/publish} and {@code GET/PUT /_sandbox/edge}. */
final class EdgeAdminRoutes {
    private final SandboxContext ctx;

    EdgeAdminRoutes(SandboxContext ctx) {
        this.ctx = ctx;
    }

    /** {@code {"url": "https://host/path"}}: the origin gets a new version of that page; answers the number. */
    void publish(ApiExchange ex) {
        if (!ex.method().equals("POST")) {
            throw ApiError.msg(405, "Method not allowed");
        }
        JsonNode url = body(ex).get("url");
        if (url == null || !url.isTextual() || url.asText().isBlank()) {
            throw ApiError.msg(400, "Bad request", "Expected {\"url\": \"https://host/path\"}");
        }
        UrlKey key = UrlKey.parse(url.asText().trim());
        OptionalInt version = ctx.edge().origin().publish(key, ctx.clock().instant());
        if (version.isEmpty()) {
            throw ApiError.msg(404, "Not found", "The demo origin has no page " + url.asText().trim());
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("url", url.asText().trim());
        m.put("version", version.getAsInt());
        ex.json(200, m);
    }

    /** GET shows the settings and the purges still on their way; PUT changes seed and delay (omitted: kept). */
    void edge(ApiExchange ex) {
        switch (ex.method()) {
            case "GET" -> { }
            case "PUT" -> configure(body(ex));
            default -> throw ApiError.msg(405, "Method not allowed");
        }
        EdgeNetwork net = ctx.edge();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("edge_node", EdgeNetwork.EDGE_NODE);
        m.put("shield_node", EdgeNetwork.SHIELD_NODE);
        m.put("shielded_services", DemoCatalog.SHIELDED.stream().sorted().toList());
        m.put("seed", net.seed());
        m.put("max_propagation_delay_ms", net.maxDelay().toMillis());
        m.put("pending", net.pending().stream().map(p -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("node", p.node());
            item.put("service_id", p.serviceId());
            item.put("due_at", p.dueAt().toString());
            return item;
        }).toList());
        ex.json(200, m);
    }

    /**
     * GET shows the visitors' rate per demo service and the origins' capacity; PUT
     * {@code {"requests_per_second": n, "origin_capacity": m}} changes either or both (capacity in origin fetches per
     * second and service, 0 for no limit; docs/fastly-edge.md §5.4).
     */
    void traffic(ApiExchange ex) {
        switch (ex.method()) {
            case "GET" -> { }
            case "PUT" -> {
                JsonNode body = body(ex);
                JsonNode n = body.get("requests_per_second");
                JsonNode cap = body.get("origin_capacity");
                if (n == null && cap == null) {
                    throw ApiError.msg(400, "Bad request", "give requests_per_second, origin_capacity or both");
                }
                if (n != null && (!n.canConvertToInt() || n.asInt() < 0 || n.asInt() > 100_000)) {
                    throw ApiError.msg(400, "Bad request", "requests_per_second must be a whole number 0..100000");
                }
                if (cap != null && (!cap.canConvertToInt() || cap.asInt() < 0 || cap.asInt() > 1_000_000)) {
                    throw ApiError.msg(400, "Bad request",
                            "origin_capacity must be a whole number of fetches per second, 0..1000000 (0: no limit)");
                }
                if (n != null) {
                    ctx.edge().traffic(n.asInt());
                }
                if (cap != null) {
                    ctx.edge().originCapacity(cap.asInt());
                }
            }
            default -> throw ApiError.msg(405, "Method not allowed");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        Traffic traffic = ctx.edge().traffic();
        m.put("requests_per_second", traffic.perSecond());
        m.put("origin_capacity", traffic.originCapacity());
        m.put("realtime_base", RealtimeRoutes.PREFIX);
        ex.json(200, m);
    }

    private void configure(JsonNode body) {
        JsonNode seed = body.get("seed");
        JsonNode delay = body.get("max_propagation_delay_ms");
        if ((seed != null && !seed.canConvertToLong()) || (delay != null && (!delay.canConvertToLong()
                || delay.asLong() < 0))) {
            throw ApiError.msg(400, "Bad request", "seed must be a whole number and max_propagation_delay_ms >= 0");
        }
        EdgeNetwork net = ctx.edge();
        net.configure(seed == null ? net.seed() : seed.asLong(),
                delay == null ? net.maxDelay() : Duration.ofMillis(delay.asLong()));
    }

    private JsonNode body(ApiExchange ex) {
        try {
            JsonNode root = ctx.mapper().readTree(ex.body());
            if (root == null || !root.isObject()) {
                throw ApiError.msg(400, "Bad request", "Expected a JSON object");
            }
            return root;
        } catch (IOException e) {
            throw ApiError.msg(400, "Bad request", "Invalid JSON body");
        }
    }
}
