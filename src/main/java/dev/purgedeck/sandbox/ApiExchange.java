package dev.purgedeck.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/** One request with its body already read, plus the few ways the sandbox answers. */
final class ApiExchange {
    /** Bodies beyond this are cut off; purge bodies are tiny, so this only guards memory. */
    static final int MAX_BODY = 1 << 20;
    static final String JSON = "application/json";

    private final HttpExchange exchange;
    private final ObjectMapper mapper;
    private final byte[] body;
    private boolean sent;

    private ApiExchange(HttpExchange exchange, ObjectMapper mapper, byte[] body) {
        this.exchange = exchange;
        this.mapper = mapper;
        this.body = body;
    }

    static ApiExchange read(HttpExchange exchange, ObjectMapper mapper) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY);
            in.transferTo(OutputStream.nullOutputStream());
            return new ApiExchange(exchange, mapper, body);
        }
    }

    String method() {
        return exchange.getRequestMethod();
    }

    /** The request target; absolute for proxy-style requests ({@code PURGE http://host/path}). */
    URI uri() {
        return exchange.getRequestURI();
    }

    String rawPath() {
        String p = uri().getRawPath();
        return p == null || p.isEmpty() ? "/" : p;
    }

    String rawQuery() {
        return uri().getRawQuery();
    }

    Optional<String> header(String name) {
        return Optional.ofNullable(exchange.getRequestHeaders().getFirst(name));
    }

    Headers requestHeaders() {
        return exchange.getRequestHeaders();
    }

    byte[] body() {
        return body;
    }

    String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    String remoteAddress() {
        return exchange.getRemoteAddress().getAddress().getHostAddress();
    }

    /** The authority to build absolute links with: the request's Host, else the socket we listen on. */
    String authority() {
        return header("Host").filter(h -> !h.isBlank())
                .orElse("127.0.0.1:" + exchange.getLocalAddress().getPort());
    }

    Headers responseHeaders() {
        return exchange.getResponseHeaders();
    }

    boolean sent() {
        return sent;
    }

    void json(int status, Object value) {
        json(status, value, JSON);
    }

    void json(int status, Object value, String contentType) {
        try {
            send(status, contentType, mapper.writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render JSON", e);
        }
    }

    /** Cache nodes answer {@code { "a": "b", "c": "d" }} with spaces; the control plane answers compact JSON. */
    void flatJson(int status, Map<String, String> value, boolean spaced) {
        if (!spaced) {
            json(status, value);
            return;
        }
        try {
            StringJoiner j = new StringJoiner(", ", "{ ", " }").setEmptyValue("{}");
            for (Map.Entry<String, String> e : value.entrySet()) {
                j.add(mapper.writeValueAsString(e.getKey()) + ": " + mapper.writeValueAsString(e.getValue()));
            }
            send(status, JSON, j.toString().getBytes(StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render JSON", e);
        }
    }

    void error(ApiError e) {
        e.headers().forEach((k, v) -> responseHeaders().set(k, v));
        json(e.status(), e.body(), e.headers().getOrDefault("Content-Type", JSON));
    }

    void send(int status, String contentType, byte[] bytes) {
        try {
            if (contentType != null) {
                responseHeaders().set("Content-Type", contentType);
            }
            sent = true;
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
