package dev.purgedeck.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The one handler behind the server: records the request, applies latency and faults, then routes it. */
final class SandboxRouter implements HttpHandler {
    static final String RATE_LIMIT_MSG = "You have exceeded your hourly rate limit. "
            + "Please contact support@fastly.com if you think this is a mistake.";

    private final SandboxContext ctx;
    private final UrlPurgeRoutes urlPurge;
    private final KeyPurgeRoutes keyPurge;
    private final PurgeAllRoute purgeAll;
    private final ServiceRoutes services;
    private final IdentityRoutes identity;
    private final AdminRoutes admin;
    private final EdgeRoutes edge;
    private final RealtimeRoutes realtime;
    private final EventRoutes events;

    SandboxRouter(SandboxContext ctx) {
        this.ctx = ctx;
        this.urlPurge = new UrlPurgeRoutes(ctx);
        this.keyPurge = new KeyPurgeRoutes(ctx);
        this.purgeAll = new PurgeAllRoute(ctx);
        this.services = new ServiceRoutes(ctx);
        this.identity = new IdentityRoutes(ctx);
        this.admin = new AdminRoutes(ctx);
        this.edge = new EdgeRoutes(ctx);
        this.realtime = new RealtimeRoutes(ctx);
        this.events = new EventRoutes(ctx);
    }

    @Override
    public void handle(HttpExchange exchange) {
        // Closing without having sent headers closes the connection: that is how a dropped request looks.
        try (exchange) {
            ApiExchange ex = ApiExchange.read(exchange, ctx.mapper());
            if (EdgeRoutes.isEdgeRequest(ex)) {
                // Page requests are not API calls: kept out of the API's request log and faults.
                ctx.edgeLog().add(RequestRecorder.record(ex, ctx.clock().instant()));
                respond(ex, () -> edge.handle(ex));
                return;
            }
            if (!ex.method().equals("PURGE") && ex.rawPath().startsWith(AdminRoutes.PREFIX)) {
                respond(ex, () -> admin.handle(ex));
                return;
            }
            ctx.log().add(RequestRecorder.record(ex, ctx.clock().instant()));
            sleep(ctx.config().latency().plus(ctx.faults().latency()));
            FaultInjector.Decision decision = ctx.faults().decide();
            switch (decision.action()) {
                case DROP -> { }
                case RATE_LIMITED -> respond(ex, () -> rateLimited(ex, decision));
                case ERROR -> respond(ex, () -> injectedError(ex));
                case MALFORMED -> ex.send(200, ApiExchange.JSON,
                        "{\"status\":\"ok\",\"id\":\"7001-17".getBytes(StandardCharsets.UTF_8));
                case PASS -> respond(ex, () -> route(ex));
                default -> { }
            }
        } catch (IOException | UncheckedIOException e) {
            // The client went away mid-answer; nothing left to tell it.
        }
    }

    private void route(ApiExchange ex) {
        String method = ex.method();
        String path = ex.rawPath();
        if (method.equals("PURGE")) {
            urlPurge.verb(ex);
        } else if (path.startsWith(RealtimeRoutes.PREFIX + "/") && method.equals("GET")) {
            realtime.handle(ex);
        } else if (path.startsWith(UrlPurgeRoutes.PREFIX) && method.equals("POST")) {
            urlPurge.post(ex);
        } else if (path.startsWith("/service")) {
            serviceRoute(ex, method, path);
        } else if (method.equals("GET") && path.equals("/tokens/self")) {
            identity.tokenSelf(ex);
        } else if (method.equals("GET") && path.equals("/current_user")) {
            identity.currentUser(ex);
        } else if (method.equals("GET") && path.equals("/events")) {
            events.list(ex);
        } else if (method.equals("GET") && path.equals("/verify")) {
            identity.verify(ex);
        } else if (method.equals("GET") && path.equals(IdentityRoutes.OIDC_PATH)) {
            identity.openIdConfiguration(ex);
        } else {
            throw notFound();
        }
    }

    private void serviceRoute(ApiExchange ex, String method, String path) {
        if (path.equals("/service") && method.equals("GET")) {
            services.list(ex);
            return;
        }
        if (path.equals("/service/search") && method.equals("GET")) {
            services.search(ex);
            return;
        }
        if (!path.startsWith("/service/")) {
            throw notFound();
        }
        // Split at most into id, "purge", key: the key keeps any raw '/' (fastly-js sends it unencoded).
        String[] parts = path.substring("/service/".length()).split("/", 3);
        String serviceId = PathCodec.decodeSegment(parts[0]);
        if (serviceId.isEmpty()) {
            throw notFound();
        }
        if (parts.length == 1 && method.equals("GET")) {
            services.get(ex, serviceId);
        } else if (parts.length == 2 && parts[1].equals("details") && method.equals("GET")) {
            services.details(ex, serviceId);
        } else if (parts.length == 3 && parts[1].equals("version") && parts[2].endsWith("/domain")
                && method.equals("GET")) {
            services.versionDomains(ex, serviceId, parts[2].substring(0, parts[2].length() - "/domain".length()));
        } else if (parts.length == 2 && parts[1].equals("purge_all") && method.equals("POST")) {
            purgeAll.handle(ex, serviceId);
        } else if (parts.length == 2 && parts[1].equals("purge") && method.equals("POST")) {
            keyPurge.bulk(ex, serviceId);
        } else if (parts.length == 3 && parts[1].equals("purge") && !parts[2].isEmpty() && method.equals("POST")) {
            keyPurge.single(ex, serviceId, parts[2]);
        } else {
            throw notFound();
        }
    }

    private void rateLimited(ApiExchange ex, FaultInjector.Decision decision) {
        // Round the reset up so a client that sleeps until it never comes back a moment too early.
        long reset = decision.resetAt().getEpochSecond() + (decision.resetAt().getNano() > 0 ? 1 : 0);
        ex.responseHeaders().set("Fastly-RateLimit-Remaining", "0");
        ex.responseHeaders().set("Fastly-RateLimit-Reset", Long.toString(reset));
        retryAfter(ex);
        throw ApiError.msg(429, RATE_LIMIT_MSG);
    }

    private void injectedError(ApiExchange ex) {
        int status = ctx.faults().settings().errorStatus();
        if (status == 429 || status == 503) {
            retryAfter(ex);
        }
        throw ApiError.msg(status, ReasonPhrases.of(status), "Injected by the PurgeDeck sandbox");
    }

    private void retryAfter(ApiExchange ex) {
        Integer seconds = ctx.faults().settings().retryAfterSeconds();
        if (seconds != null) {
            ex.responseHeaders().set("Retry-After", seconds.toString());
        }
    }

    private static ApiError notFound() {
        return ApiError.msg(404, "Not found");
    }

    private static void respond(ApiExchange ex, Runnable route) {
        try {
            route.run();
        } catch (ApiError e) {
            if (!ex.sent()) {
                ex.error(e);
            }
        } catch (RuntimeException e) {
            if (ex.sent()) {
                throw e;
            }
            ex.responseHeaders().clear();
            ex.error(ApiError.msg(500, "Internal Server Error", String.valueOf(e.getMessage())));
        }
    }

    private static void sleep(Duration d) {
        if (d.isZero()) {
            return;
        }
        try {
            Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
