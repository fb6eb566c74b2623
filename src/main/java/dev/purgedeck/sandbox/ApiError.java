package dev.purgedeck.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;

/** An error answer thrown from deep inside a route, so routes read as the happy path. */
final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final Map<String, Object> body;
    private final Map<String, String> headers;

    private ApiError(int status, Map<String, Object> body, Map<String, String> headers) {
        super(status + " " + body, null, false, false);
        this.status = status;
        this.body = body;
        this.headers = headers;
    }

    /** The control-plane shape {@code {"msg":...}} (docs/fastly-api.md §8.2). */
    static ApiError msg(int status, String msg) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("msg", msg);
        return new ApiError(status, b, Map.of());
    }

    static ApiError msg(int status, String msg, String detail) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("msg", msg);
        b.put("detail", detail);
        return new ApiError(status, b, Map.of());
    }

    /** The cache-node shape {@code {"status":"fail","reason":...}} (docs/fastly-api.md §6). */
    static ApiError fail(int status, String reason) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("status", "fail");
        b.put("reason", reason);
        return new ApiError(status, b, Map.of());
    }

    /** The JSON:API shape {@code {"errors":[{"title":...,"detail":...}]}} of {@code vnd.api+json} endpoints. */
    static ApiError jsonApi(int status, String title, String detail) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("title", title);
        e.put("detail", detail);
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("errors", java.util.List.of(e));
        return new ApiError(status, b, Map.of("Content-Type", EventRoutes.JSON_API));
    }

    ApiError withHeaders(Map<String, String> extra) {
        return new ApiError(status, body, Map.copyOf(extra));
    }

    int status() {
        return status;
    }

    Map<String, Object> body() {
        return body;
    }

    Map<String, String> headers() {
        return headers;
    }
}
