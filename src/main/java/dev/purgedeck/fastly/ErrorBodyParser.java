package dev.purgedeck.fastly;

import com.fasterxml.jackson.databind.JsonNode;
import dev.purgedeck.files.JsonTrees;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns a Fastly error answer into a {@link FastlyApiException}. Understands every body shape Fastly uses: JSON:API
 * {@code errors[]}, RFC 7807 problem+json, the legacy {@code {"msg","detail"}}, the cache nodes'
 * {@code {"status":"fail","reason"}}, and anything unreadable (kept as raw detail).
 */
final class ErrorBodyParser {
    private static final int MAX_RAW_DETAIL = 300;

    private final Clock clock;

    ErrorBodyParser(Clock clock) {
        this.clock = clock;
    }

    FastlyApiException parse(HttpResponse<String> response, ApiToken token) {
        int status = response.statusCode();
        String body = response.body() == null ? "" : response.body();
        String[] td = titleAndDetail(body);
        String title = scrub(td[0], token);
        String detail = scrub(td[1], token);
        RateLimitState limit = RateLimitState.from(response.headers()).orElse(RateLimitState.UNKNOWN);
        Optional<Instant> retryAt = status == 429 ? retryAt(response, limit) : Optional.empty();
        return new FastlyApiException(kind(status, title + " " + detail), status, title, detail, limit, retryAt, null);
    }

    private String[] titleAndDetail(String body) {
        JsonNode root;
        try {
            root = body.isBlank() ? null : JsonTrees.read(body);
        } catch (Exception e) {
            root = null;
        }
        if (root == null || !root.isObject()) {
            String raw = body.strip();
            return new String[] {"Undefined error", raw.length() > MAX_RAW_DETAIL ? raw.substring(0, MAX_RAW_DETAIL) + "…" : raw};
        }
        JsonNode errors = root.path("errors");
        if (errors.isArray() && !errors.isEmpty() && !root.hasNonNull("msg")) {
            JsonNode first = errors.get(0);
            String title = text(first, "title");
            return new String[] {title.isEmpty() ? text(first, "reason") : title, text(first, "detail")};
        }
        if (root.has("status") && "fail".equals(text(root, "status"))) {
            return new String[] {text(root, "reason"), text(root, "detail")};
        }
        String title = text(root, "msg");
        if (title.isEmpty()) {
            title = text(root, "title");
        }
        return new String[] {title, text(root, "detail")};
    }

    private Optional<Instant> retryAt(HttpResponse<String> response, RateLimitState limit) {
        Optional<String> retryAfter = response.headers().firstValue("Retry-After");
        if (retryAfter.isPresent()) {
            try {
                return Optional.of(clock.instant().plusSeconds(Long.parseLong(retryAfter.get().trim())));
            } catch (NumberFormatException ignored) {
                // An HTTP-date Retry-After is rare here; fall back to the rate-limit reset.
            }
        }
        return limit.reset();
    }

    private static FastlyApiException.Kind kind(int status, String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (status == 401) {
            return lower.contains("expired") ? FastlyApiException.Kind.TOKEN_EXPIRED : FastlyApiException.Kind.UNAUTHORIZED;
        }
        if (status == 403) {
            return FastlyApiException.Kind.FORBIDDEN;
        }
        if (status == 404) {
            return FastlyApiException.Kind.NOT_FOUND;
        }
        if (status == 429) {
            return FastlyApiException.Kind.RATE_LIMITED;
        }
        if (status >= 500) {
            return FastlyApiException.Kind.SERVER_ERROR;
        }
        if (status == 400 || status == 422) {
            return FastlyApiException.Kind.BAD_REQUEST;
        }
        return FastlyApiException.Kind.HTTP_ERROR;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? "" : v.isValueNode() ? v.asText() : v.toString();
    }

    private static String scrub(String text, ApiToken token) {
        return token == null ? text : token.scrub(text);
    }
}
