package dev.purgedeck.sandbox;

import com.sun.net.httpserver.Headers;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The edge POP: answers {@code GET}/{@code HEAD} for demo hosts, proxy-form ({@code GET http://host/path}) or with a
 * demo {@code Host}, as Fastly would, with the cache headers of docs/fastly-edge.md §1 and §9.
 */
final class EdgeRoutes {
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH);
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]", "::1", "");

    private final SandboxContext ctx;

    EdgeRoutes(SandboxContext ctx) {
        this.ctx = ctx;
    }

    /** A page request rather than an API call: GET or HEAD for a host other than the sandbox's own address. */
    static boolean isEdgeRequest(ApiExchange ex) {
        String method = ex.method();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return false;
        }
        return !LOOPBACK.contains(hostOnly(host(ex)));
    }

    void handle(ApiExchange ex) {
        String host = host(ex);
        UrlKey key = new UrlKey(host, ex.rawQuery() == null ? ex.rawPath() : ex.rawPath() + "?" + ex.rawQuery());
        Optional<DemoService> service = ctx.account().serviceForHost(host);
        Instant now = ctx.clock().instant();
        if (service.isEmpty()) {
            unknownDomain(ex, host, now);
            return;
        }
        Optional<SeedObject> page = ctx.edge().origin().page(key);
        if (page.isPresent() && page.get().policy().kind() == PagePolicy.Kind.REDIRECT) {
            redirect(ex, page.get(), key, now);
            return;
        }
        Served served = ctx.edge().serve(service.get().id(), key, page.orElse(null));
        boolean debug = ex.header("Fastly-Debug").isPresent()
                && !DemoCatalog.STRIPS_DEBUG.contains(service.get().id());
        OriginResponse content = served.content();
        Headers h = ex.responseHeaders();
        h.set("Content-Type", content.contentType());
        if (content.page() != null) {
            h.set("Cache-Control", content.page().policy().cacheControl());
            h.set("ETag", content.etag());
            h.set("Last-Modified", httpDate(content.lastModified()));
        }
        h.set("Accept-Ranges", "bytes");
        fastlyHeaders(h, served.trace(), served.age(), now, served.elapsedMs());
        if (debug) {
            if (content.page() != null && content.page().policy().cacheable()) {
                h.set("Surrogate-Key", String.join(" ", content.page().keys()));
                h.set("Surrogate-Control", content.page().policy().surrogateControl());
            }
            debugHeaders(h, served.trace(), key);
        }
        send(ex, content.status(), content.body());
    }

    /** Synthetic at the edge, as in go-fastly's recorded Force-TLS redirect: HIT, 0 hits, no TTLs, empty body. */
    private void redirect(ApiExchange ex, SeedObject page, UrlKey key, Instant now) {
        Trace trace = Trace.ORIGIN.deliveredBy(EdgeNetwork.EDGE_NODE, true, 0,
                "(M " + EdgeNetwork.EDGE_NODE + " - - -)", now);
        Headers h = ex.responseHeaders();
        h.set("Location", page.policy().location());
        fastlyHeaders(h, trace, 0, now, 0);
        if (ex.header("Fastly-Debug").isPresent()) {
            debugHeaders(h, trace, key);
        }
        send(ex, 301, new byte[0]);
    }

    /** Fastly's own error page for a host no service has (seen in the wild: 500, "Fastly error: unknown domain"). */
    private void unknownDomain(ApiExchange ex, String host, Instant now) {
        String body = "Fastly error: unknown domain: " + hostOnly(host)
                + ". Please check that this domain has been added to a service.\n\nDetails: "
                + EdgeNetwork.EDGE_NODE + "\n";
        Trace trace = Trace.ORIGIN.deliveredBy(EdgeNetwork.EDGE_NODE, false, 0, "", now);
        ex.responseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        fastlyHeaders(ex.responseHeaders(), trace, 0, now, 0);
        send(ex, 500, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void fastlyHeaders(Headers h, Trace trace, long age, Instant now, int elapsedMs) {
        h.set("Age", Long.toString(age));
        h.set("Via", String.join(", ", Collections.nCopies(trace.via(), "1.1 varnish")));
        h.set("X-Served-By", String.join(", ", trace.servedBy()));
        h.set("X-Cache", String.join(", ", trace.cache()));
        h.set("X-Cache-Hits", String.join(", ", trace.hits()));
        h.set("X-Timer", String.format(Locale.ROOT, "S%d.%06d,VS0,VE%d", now.getEpochSecond(), now.getNano() / 1000,
                elapsedMs));
    }

    private static void debugHeaders(Headers h, Trace trace, UrlKey key) {
        h.set("Fastly-Debug-Path", trace.debugPath());
        h.set("Fastly-Debug-TTL", trace.debugTtl());
        // Fastly hashes the URL and Host into req.digest (default vcl_hash); the sandbox does the same.
        h.set("Fastly-Debug-Digest", Origin.sha256(key.pathAndQuery() + key.host()));
    }

    /** HEAD gets the headers GET would get, Content-Length included, and no body. */
    private static void send(ApiExchange ex, int status, byte[] body) {
        if (ex.method().equals("HEAD")) {
            ex.responseHeaders().set("Content-Length", Integer.toString(body.length));
            ex.send(status, null, new byte[0]);
            return;
        }
        ex.send(status, null, body);
    }

    private static String host(ApiExchange ex) {
        URI uri = ex.uri();
        String authority = uri.isAbsolute() ? uri.getRawAuthority() : ex.header("Host").orElse("");
        return UrlKey.normalizeHost(authority == null ? "" : authority);
    }

    private static String hostOnly(String authority) {
        if (authority.startsWith("[")) {
            int end = authority.indexOf(']');
            return end < 0 ? authority : authority.substring(0, end + 1);
        }
        int colon = authority.indexOf(':');
        return colon < 0 ? authority : authority.substring(0, colon);
    }

    static String httpDate(Instant t) {
        return HTTP_DATE.format(t.atOffset(ZoneOffset.UTC));
    }
}
