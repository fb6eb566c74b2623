package dev.purgedeck.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Test helper: a started sandbox plus a plain JDK HTTP client talking to it over 127.0.0.1. */
final class SandboxClient implements AutoCloseable {
    static final String SVC1 = "7kQm2XvR9tLp4WnB8cYd3F";
    static final String SVC2 = "3HsT8gVw1ZqN6bKe5RjU2m";
    static final String SHOP = "9PfL4cXa7YmD2sQh6TvE1k";

    final SandboxServer server;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final ObjectMapper mapper = new ObjectMapper();

    private SandboxClient(SandboxServer server) {
        this.server = server;
    }

    static SandboxClient start() {
        return start(SandboxConfig.defaults());
    }

    static SandboxClient start(SandboxConfig config) {
        try {
            return new SandboxClient(SandboxServer.start(config));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    HttpResponse<String> get(String path, String token) {
        return send("GET", path, token, Map.of(), "");
    }

    HttpResponse<String> post(String path, String token) {
        return send("POST", path, token, Map.of(), "");
    }

    HttpResponse<String> post(String path, String token, Map<String, String> headers) {
        return send("POST", path, token, headers, "");
    }

    HttpResponse<String> send(String method, String path, String token, Map<String, String> headers, String body) {
        try {
            return sendOrThrow(method, path, token, headers, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    HttpResponse<String> sendOrThrow(String method, String path, String token, Map<String, String> headers,
            String body) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUri() + path))
                .timeout(Duration.ofSeconds(10))
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Fastly-Key", token);
        }
        headers.forEach(b::header);
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    JsonNode json(HttpResponse<String> response) {
        try {
            return mapper.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<CachedObject> objects(String serviceId) {
        return server.cache().objects(serviceId);
    }

    List<CachedObject> objects(String serviceId, String environment) {
        return server.cache().objects(serviceId, environment);
    }

    CachedObject object(String serviceId, String url) {
        return object(serviceId, "production", url);
    }

    CachedObject object(String serviceId, String environment, String url) {
        return server.cache().objects(serviceId, environment).stream().filter(o -> o.url().equals(url)).findFirst()
                .orElseThrow(() -> new AssertionError("no object " + url));
    }

    @Override
    public void close() {
        server.close();
    }
}
