package dev.purgedeck.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Surrogate-key purges, single and bulk (docs/fastly-api.md §5, §6): cache-node answers, no rate-limit headers. */
final class KeyPurgeRoutes {
    static final String SOFT_HEADER = "Fastly-Soft-Purge";
    static final String ENVIRONMENT_HEADER = "Fastly-Purge-Environment";

    private final SandboxContext ctx;

    KeyPurgeRoutes(SandboxContext ctx) {
        this.ctx = ctx;
    }

    /** {@code POST /service/{id}/purge/{key}}; the key segment arrives percent-encoded from go-fastly. */
    void single(ApiExchange ex, String serviceId, String rawKey) {
        DemoService service = authorize(ex, serviceId);
        String environment = environment(ex);
        String key = PathCodec.decodeSegment(rawKey);
        String id = ctx.ids().next();
        if (SurrogateKeys.valid(key)) {
            boolean soft = soft(ex);
            Map<String, String> idByKey = Map.of(key, id);
            ctx.edge().purge(service.id(), (c, at) -> c.purgeKeys(service.id(), environment, idByKey, soft, at));
        }
        Map<String, String> body = new LinkedHashMap<>();
        body.put("status", "ok");
        body.put("id", id);
        cacheNodeHeaders(ex, 1);
        ex.flatJson(200, body, ctx.config().prettyKeyPurgeJson());
    }

    /** {@code POST /service/{id}/purge}: keys from the JSON body and/or the {@code Surrogate-Key} header. */
    void bulk(ApiExchange ex, String serviceId) {
        DemoService service = authorize(ex, serviceId);
        String environment = environment(ex);
        List<String> bodyKeys = bodyKeys(ex);
        List<SurrogateKeys.HeaderKey> headerKeys = ex.header("Surrogate-Key")
                .map(SurrogateKeys::splitHeader).orElse(List.of());
        int requested = bodyKeys.size() + headerKeys.size();
        if (requested > SurrogateKeys.MAX_KEYS_PER_REQUEST) {
            throw ApiError.fail(400, "Batch surrogate key request only supports up to 256 surrogate keys");
        }
        if (requested == 0) {
            throw ApiError.fail(400, "No surrogate keys given");
        }
        List<String> accepted = new ArrayList<>();
        bodyKeys.stream().filter(SurrogateKeys::valid).forEach(accepted::add);
        headerKeys.stream().filter(k -> SurrogateKeys.valid(k.key()) && SurrogateKeys.withinHeaderLimit(k))
                .map(SurrogateKeys.HeaderKey::key).forEach(accepted::add);
        // One base id per request, "-n" per key in request order: the 2025 shape (docs/fastly-api.md §6).
        String base = ctx.ids().next();
        Map<String, String> idByKey = new LinkedHashMap<>();
        for (String key : accepted) {
            if (!idByKey.containsKey(key)) {
                idByKey.put(key, base + "-" + (idByKey.size() + 1));
            }
        }
        boolean soft = soft(ex);
        ctx.edge().purge(service.id(), (c, at) -> c.purgeKeys(service.id(), environment, idByKey, soft, at));
        cacheNodeHeaders(ex, idByKey.size());
        ex.flatJson(200, idByKey, ctx.config().prettyKeyPurgeJson());
    }

    private DemoService authorize(ApiExchange ex, String serviceId) {
        DemoToken token = ctx.auth().require(ex);
        ctx.auth().requireScope(token, "purge_select", "global");
        return ctx.auth().requireService(token, serviceId);
    }

    private List<String> bodyKeys(ApiExchange ex) {
        if (ex.bodyText().isBlank()) {
            return List.of();
        }
        try {
            JsonNode root = ctx.mapper().readTree(ex.body());
            JsonNode keys = root == null ? null : root.get("surrogate_keys");
            if (root == null || !root.isObject() || (keys != null && !keys.isArray())) {
                throw ApiError.fail(400, "Invalid JSON body: expected {\"surrogate_keys\": [...]}");
            }
            List<String> out = new ArrayList<>();
            if (keys != null) {
                for (JsonNode k : keys) {
                    if (!k.isTextual()) {
                        throw ApiError.fail(400, "Invalid JSON body: surrogate_keys must be strings");
                    }
                    if (!k.asText().isEmpty()) {
                        out.add(k.asText());
                    }
                }
            }
            return out;
        } catch (IOException e) {
            throw ApiError.fail(400, "Invalid JSON body");
        }
    }

    private static void cacheNodeHeaders(ApiExchange ex, int keyCount) {
        ex.responseHeaders().set("Fastly-Surrogate-Key-Count", Integer.toString(keyCount));
        ex.responseHeaders().set("X-Served-By", PurgeIds.servedBy());
    }

    /** Any {@code Fastly-Soft-Purge} value means soft; Fastly calls the value unimportant (docs/fastly-api.md §7). */
    static boolean soft(ApiExchange ex) {
        return ex.header(SOFT_HEADER).isPresent();
    }

    static String environment(ApiExchange ex) {
        String value = ex.header(ENVIRONMENT_HEADER).map(v -> v.trim().toLowerCase(Locale.ROOT))
                .orElse(EdgeCache.PRODUCTION);
        if (!value.equals(EdgeCache.PRODUCTION) && !value.equals(EdgeCache.STAGING)) {
            throw ApiError.fail(400, "Invalid Fastly-Purge-Environment: expected production or staging");
        }
        return value;
    }
}
