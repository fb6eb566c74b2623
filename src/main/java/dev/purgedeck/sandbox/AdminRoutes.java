package dev.purgedeck.sandbox;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The sandbox's own endpoints under {@code /_sandbox/}: no auth, no faults, not logged. */
final class AdminRoutes {
    static final String PREFIX = "/_sandbox/";
    static final int DEFAULT_REQUEST_LIMIT = 100;

    private final SandboxContext ctx;
    private final EdgeAdminRoutes edge;

    AdminRoutes(SandboxContext ctx) {
        this.ctx = ctx;
        this.edge = new EdgeAdminRoutes(ctx);
    }

    void handle(ApiExchange ex) {
        String[] parts = ex.rawPath().substring(PREFIX.length()).split("/", -1);
        String method = ex.method();
        switch (parts[0]) {
            case "services" -> services(ex, parts, method);
            case "reseed" -> {
                only(method, "POST");
                ctx.cache().reseed();
                ex.json(200, Map.of("status", "ok"));
            }
            case "faults" -> faults(ex, method);
            case "tokens" -> {
                only(method, "GET");
                ex.json(200, Map.of("tokens", ctx.account().tokens().stream().map(AdminRoutes::token).toList()));
            }
            case "requests" -> requests(ex, method, ctx.log());
            case "events" -> outsideEvent(ex, method);
            case "publish" -> edge.publish(ex);
            case "traffic" -> edge.traffic(ex);
            case "edge" -> {
                if (parts.length == 2 && parts[1].equals("requests")) {
                    requests(ex, method, ctx.edgeLog());
                } else {
                    edge.edge(ex);
                }
            }
            default -> throw ApiError.msg(404, "Not found");
        }
    }

    private void services(ApiExchange ex, String[] parts, String method) {
        only(method, "GET");
        if (parts.length == 1) {
            ex.json(200, ctx.account().services());
            return;
        }
        if (parts.length != 3 || !parts[2].equals("objects")) {
            throw ApiError.msg(404, "Not found");
        }
        String serviceId = PathCodec.decodeSegment(parts[1]);
        if (ctx.account().service(serviceId).isEmpty()) {
            throw ApiError.msg(404, "Record not found", "Cannot find 'service'");
        }
        String environment = PathCodec.query(ex.rawQuery()).getOrDefault("environment", EdgeCache.PRODUCTION);
        if (!environment.equals(EdgeCache.PRODUCTION) && !environment.equals(EdgeCache.STAGING)) {
            throw ApiError.msg(400, "Bad request", "environment must be production or staging");
        }
        ctx.edge().settle();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("service_id", serviceId);
        m.put("environment", environment);
        m.put("objects", ctx.cache().objects(serviceId, environment).stream().map(AdminRoutes::object).toList());
        ex.json(200, m);
    }

    /** Adds a purge-all "made outside PurgeDeck" (another user, the Fastly CLI) without touching the cache. */
    private void outsideEvent(ApiExchange ex, String method) {
        only(method, "POST");
        com.fasterxml.jackson.databind.JsonNode n;
        try {
            n = ctx.mapper().readTree(ex.body());
        } catch (IOException e) {
            throw ApiError.msg(400, "Bad request", "Invalid JSON body");
        }
        if (n == null || !n.path("service_id").isTextual()) {
            throw ApiError.msg(400, "Bad request", "service_id is required");
        }
        String serviceId = n.path("service_id").asText();
        if (ctx.account().service(serviceId).isEmpty()) {
            throw ApiError.msg(404, "Record not found", "Cannot find 'service'");
        }
        String at = n.path("created_at").asText("");
        SandboxEvent e = ctx.events().purgeAll(serviceId, n.path("user_id").asText("SbxOtherUser0000000002"),
                n.path("token_id").asText("SbxTokenOther000000099"), n.path("ip").asText("203.0.113.7"),
                at.isEmpty() ? ctx.clock().instant() : EventRoutes.instant(at, "created_at"));
        ex.json(200, Map.of("data", EventRoutes.json(e)));
    }

    private void faults(ApiExchange ex, String method) {
        switch (method) {
            case "GET" -> { }
            case "PUT" -> ctx.faults().set(parseFaults(ex));
            case "DELETE" -> ctx.faults().set(FaultSettings.none());
            default -> throw ApiError.msg(405, "Method not allowed");
        }
        ex.json(200, FaultJson.toJson(ctx.faults().settings()));
    }

    private FaultSettings parseFaults(ApiExchange ex) {
        try {
            return FaultJson.fromJson(ctx.mapper().readTree(ex.body()));
        } catch (IOException e) {
            throw ApiError.msg(400, "Bad request", "Invalid JSON body");
        } catch (IllegalArgumentException e) {
            throw ApiError.msg(400, "Bad request", e.getMessage());
        }
    }

    private void requests(ApiExchange ex, String method, RequestLog log) {
        if (method.equals("DELETE")) {
            log.clear();
            ex.json(200, Map.of("status", "ok"));
            return;
        }
        only(method, "GET");
        int limit = DEFAULT_REQUEST_LIMIT;
        String raw = PathCodec.query(ex.rawQuery()).get("limit");
        if (raw != null) {
            try {
                limit = Math.max(0, Integer.parseInt(raw));
            } catch (NumberFormatException e) {
                throw ApiError.msg(400, "Bad request", "'limit' must be a number");
            }
        }
        List<RecordedRequest> all = log.all();
        List<RecordedRequest> recent = all.subList(Math.max(0, all.size() - limit), all.size());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", log.count());
        m.put("requests", recent.stream().map(AdminRoutes::request).toList());
        ex.json(200, m);
    }

    private static Map<String, Object> object(CachedObject o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("url", o.url());
        m.put("surrogate_keys", o.surrogateKeys());
        m.put("state", o.state().json());
        m.put("last_purge_id", o.lastPurgeId());
        m.put("version", o.version());
        return m;
    }

    /** The demo tokens are fixed, published strings, not secrets: a client on this computer may ask for them. */
    private static Map<String, Object> token(DemoToken t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", t.name());
        m.put("token", t.value());
        m.put("scopes", t.scopes());
        m.put("services", t.services());
        m.put("expires_at", t.expiresAt() == null ? null : t.expiresAt().toString());
        return m;
    }

    private static Map<String, Object> request(RecordedRequest r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("at", r.at().toString());
        m.put("method", r.method());
        m.put("raw_path_and_query", r.rawPathAndQuery());
        m.put("headers", new TreeMap<>(r.headers()));
        m.put("body", r.body());
        return m;
    }

    private static void only(String method, String allowed) {
        if (!method.equals(allowed)) {
            throw ApiError.msg(405, "Method not allowed");
        }
    }
}
