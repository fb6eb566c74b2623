package dev.purgedeck.sandbox;

import static dev.purgedeck.sandbox.DemoAccount.GLOBAL_TOKEN;

import dev.purgedeck.testsupport.ManualClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Test helper: a sandbox on a clock the test moves, with a page client that reaches demo hosts the way the app does,
 * through the sandbox as an HTTP proxy (so no demo host is ever looked up in DNS).
 */
final class EdgeSandbox implements AutoCloseable {
    static final Instant START = Instant.parse("2026-03-02T10:00:00.250Z");

    final ManualClock clock = new ManualClock(START);
    final SandboxClient api;
    final HttpClient pages;

    private EdgeSandbox(UnaryOperator<SandboxConfig.Builder> config) {
        this.api = SandboxClient.start(config.apply(SandboxConfig.builder().clock(clock)).build());
        this.pages = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .proxy(ProxySelector.of(new InetSocketAddress("127.0.0.1", api.server.port()))).build();
    }

    static EdgeSandbox start() {
        return new EdgeSandbox(b -> b);
    }

    static EdgeSandbox start(UnaryOperator<SandboxConfig.Builder> config) {
        return new EdgeSandbox(config);
    }

    /** GET with {@code Fastly-Debug: 1}, as the inspector sends it. */
    HttpResponse<String> debug(String url) {
        return page("GET", url, Map.of("Fastly-Debug", "1"));
    }

    HttpResponse<String> plain(String url) {
        return page("GET", url, Map.of());
    }

    HttpResponse<String> page(String method, String url, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .method(method, HttpRequest.BodyPublishers.noBody());
        headers.forEach(b::header);
        try {
            return pages.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    int publish(String url) {
        HttpResponse<String> r = api.send("POST", "/_sandbox/publish", null, Map.of(),
                "{\"url\":\"" + url + "\"}");
        if (r.statusCode() != 200) {
            throw new AssertionError("publish failed: " + r.statusCode() + " " + r.body());
        }
        return api.json(r).get("version").asInt();
    }

    HttpResponse<String> purgeKey(String serviceId, String key, boolean soft) {
        Map<String, String> headers = new HashMap<>();
        if (soft) {
            headers.put("Fastly-Soft-Purge", "1");
        }
        return api.post("/service/" + serviceId + "/purge/" + key, GLOBAL_TOKEN, headers);
    }

    @Override
    public void close() {
        api.close();
    }
}
