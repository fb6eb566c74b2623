package dev.purgedeck.sandbox;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Single-URL purges: {@code POST /purge/{cached_url}} and the {@code PURGE} method (docs/fastly-api.md §3). */
final class UrlPurgeRoutes {
    static final String PREFIX = "/purge/";

    private final SandboxContext ctx;

    UrlPurgeRoutes(SandboxContext ctx) {
        this.ctx = ctx;
    }

    /**
     * The cached URL is pasted raw into the path, scheme and all ({@code /purge/https://host/p?q}); the query
     * string of the request is the query of the cached URL.
     */
    void post(ApiExchange ex) {
        String target = ex.rawPath().substring(PREFIX.length());
        if (target.isEmpty()) {
            throw ApiError.msg(400, "Bad request", "Missing URL to purge");
        }
        UrlKey key = UrlKey.parse(withQuery(target, ex.rawQuery()));
        // Fastly does not say whether a URL belongs to any service: an unknown URL is still "ok".
        purge(ex, key, ctx.account().serviceForHost(key.host()));
    }

    /** {@code PURGE http://host/path} (proxy form) or {@code PURGE /path} with {@code Host: host}. */
    void verb(ApiExchange ex) {
        URI uri = ex.uri();
        String authority = uri.isAbsolute() ? uri.getRawAuthority() : ex.header("Host").orElse("");
        String host = UrlKey.normalizeHost(authority == null ? "" : authority);
        Optional<DemoService> service = ctx.account().serviceForHost(host);
        if (service.isEmpty()) {
            throw ApiError.fail(404, "No service is configured for host '" + host + "'");
        }
        purge(ex, new UrlKey(host, withQuery(ex.rawPath(), ex.rawQuery())), service);
    }

    private void purge(ApiExchange ex, UrlKey key, Optional<DemoService> service) {
        authorize(ex, service);
        String id = ctx.ids().next();
        boolean soft = KeyPurgeRoutes.soft(ex);
        service.ifPresent(s -> ctx.edge().purge(s.id(), (c, at) -> c.purgeUrl(s.id(), key, soft, id, at)));
        Map<String, String> body = new LinkedHashMap<>();
        body.put("status", "ok");
        body.put("id", id);
        ex.responseHeaders().set("X-Served-By", PurgeIds.servedBy());
        ex.flatJson(200, body, ctx.config().prettyKeyPurgeJson());
    }

    /** URL purges need no token by default (docs/fastly-api.md §3a), but a token that is sent must be valid. */
    private void authorize(ApiExchange ex, Optional<DemoService> service) {
        Optional<DemoToken> token = ctx.auth().optional(ex);
        if (!ctx.config().urlPurgeRequiresAuth()) {
            return;
        }
        DemoToken t = token.orElseThrow(() -> ApiError.msg(401, Auth.INVALID));
        ctx.auth().requireScope(t, "purge_select", "global");
        service.ifPresent(s -> ctx.auth().requireAllowed(t, s.id()));
    }

    private static String withQuery(String path, String rawQuery) {
        return rawQuery == null ? path : path + "?" + rawQuery;
    }
}
