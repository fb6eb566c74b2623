package dev.purgedeck.sandbox;

import java.util.Map;

/**
 * {@code POST /service/{id}/purge_all}: a control-plane call that counts against the hourly limit
 * (docs/fastly-api.md §4, §9).
 */
final class PurgeAllRoute {
    private final SandboxContext ctx;

    PurgeAllRoute(SandboxContext ctx) {
        this.ctx = ctx;
    }

    void handle(ApiExchange ex, String serviceId) {
        DemoToken token = ctx.auth().require(ex);
        ctx.auth().requireScope(token, "purge_all", "global");
        DemoService service = ctx.auth().requireService(token, serviceId);
        String environment = KeyPurgeRoutes.environment(ex);
        PurgeAllLimiter.Outcome outcome = ctx.limiter().consume(DemoAccount.USER_ID, ctx.clock().instant());
        ex.responseHeaders().set("Fastly-RateLimit-Remaining", Integer.toString(outcome.remaining()));
        ex.responseHeaders().set("Fastly-RateLimit-Reset", Long.toString(outcome.resetEpochSeconds()));
        ex.responseHeaders().set("Cache-Control", "no-store");
        if (!outcome.allowed()) {
            throw ApiError.msg(429, SandboxRouter.RATE_LIMIT_MSG);
        }
        // Fastly-Soft-Purge is ignored on purpose: purge-all is always hard (docs/fastly-api.md §4; what else happens
        // is undocumented).
        ctx.edge().purge(service.id(), (c, at) -> c.purgeAll(service.id(), environment, at));
        // Fastly logs every purge-all, whatever tool made it (docs/fastly-api.md §20).
        ctx.events().purgeAll(service.id(), DemoAccount.USER_ID, token.id(), ex.remoteAddress(), ctx.clock().instant());
        ex.json(200, Map.of("status", "ok"));
    }
}
