package dev.purgedeck.sandbox;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** {@code GET /events}: the audit log with Fastly's filters, paging and JSON:API shape (docs/fastly-api.md §20). */
final class EventRoutes {
    static final String JSON_API = "application/vnd.api+json";
    static final int DEFAULT_PAGE_SIZE = 20;
    static final int MAX_PAGE_SIZE = 100;

    private final SandboxContext ctx;

    EventRoutes(SandboxContext ctx) {
        this.ctx = ctx;
    }

    void list(ApiExchange ex) {
        DemoToken token = ctx.auth().require(ex);
        // Only superusers may read the audit log; a purge-only token is refused as Fastly refuses a missing scope.
        if (!token.hasAnyScope("global", "global:read")) {
            throw ApiError.jsonApi(403, "Forbidden", "This token does not have the required scope: global:read");
        }
        Map<String, String> q = PathCodec.query(ex.rawQuery());
        Predicate<SandboxEvent> filter = e -> token.allows(e.serviceId());
        filter = filter.and(equal(q.get("filter[event_type]"), SandboxEvent::eventType));
        filter = filter.and(equal(q.get("filter[service_id]"), SandboxEvent::serviceId));
        filter = filter.and(equal(q.get("filter[user_id]"), SandboxEvent::userId));
        filter = filter.and(equal(q.get("filter[token_id]"), SandboxEvent::tokenId));
        filter = filter.and(equal(q.get("filter[customer_id]"), e -> DemoAccount.CUSTOMER_ID));
        filter = filter.and(time(q, "filter[created_at][gte]", c -> c >= 0));
        filter = filter.and(time(q, "filter[created_at][gt]", c -> c > 0));
        filter = filter.and(time(q, "filter[created_at][lte]", c -> c <= 0));
        filter = filter.and(time(q, "filter[created_at][lt]", c -> c < 0));
        filter = filter.and(time(q, "filter[created_at]", c -> c == 0));
        String sort = q.getOrDefault("sort", "created_at");
        Comparator<SandboxEvent> order = Comparator.comparing(SandboxEvent::createdAt).thenComparing(SandboxEvent::id);
        if (sort.equals("-created_at")) {
            order = order.reversed();
        } else if (!sort.equals("created_at")) {
            throw ApiError.jsonApi(400, "Bad Request", "sort must be created_at or -created_at");
        }
        List<SandboxEvent> matching = ctx.events().all().stream().filter(filter).sorted(order).toList();
        int size = number(q, "page[size]", DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
        int page = number(q, "page[number]", 1, Integer.MAX_VALUE);
        int pages = Math.max(1, (matching.size() + size - 1) / size);
        int from = (int) Math.min(matching.size(), (long) (page - 1) * size);
        List<Object> data = new ArrayList<>();
        for (SandboxEvent e : matching.subList(from, Math.min(matching.size(), from + size))) {
            data.add(json(e));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", data);
        body.put("links", links(ex, page, pages, size));
        body.put("meta", Map.of("record_count", matching.size(), "current_page", page, "total_pages", pages,
                "per_page", size));
        ex.json(200, body, JSON_API);
    }

    private static Map<String, Object> links(ApiExchange ex, int page, int pages, int size) {
        // Links keep the request's filters and sort, so following "next" walks the same result.
        StringBuilder kept = new StringBuilder();
        String raw = ex.rawQuery() == null ? "" : ex.rawQuery();
        for (String pair : raw.split("&")) {
            String name = java.net.URLDecoder.decode(pair.split("=", 2)[0], java.nio.charset.StandardCharsets.UTF_8);
            if (!pair.isEmpty() && !name.startsWith("page[")) {
                kept.append(pair).append('&');
            }
        }
        String base = "http://" + ex.authority() + "/events?" + kept + "page[number]=";
        String tail = "&page[size]=" + size;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("first", base + 1 + tail);
        m.put("last", base + pages + tail);
        m.put("prev", page > 1 ? base + (page - 1) + tail : null);
        m.put("next", page < pages ? base + (page + 1) + tail : null);
        return m;
    }

    static Map<String, Object> json(SandboxEvent e) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("customer_id", DemoAccount.CUSTOMER_ID);
        a.put("description", e.description());
        a.put("event_type", e.eventType());
        a.put("ip", e.ip());
        a.put("metadata", Map.of());
        a.put("service_id", e.serviceId());
        a.put("user_id", e.userId());
        a.put("token_id", e.tokenId());
        a.put("created_at", e.createdAt().toString());
        a.put("admin", false);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("type", "event");
        m.put("attributes", a);
        return m;
    }

    private static Predicate<SandboxEvent> equal(String wanted, java.util.function.Function<SandboxEvent, String> f) {
        return wanted == null ? e -> true : e -> wanted.equals(f.apply(e));
    }

    private static Predicate<SandboxEvent> time(Map<String, String> q, String name,
            java.util.function.IntPredicate ok) {
        String raw = q.get(name);
        if (raw == null) {
            return e -> true;
        }
        Instant bound = instant(raw, name);
        return e -> ok.test(e.createdAt().compareTo(bound));
    }

    /** Fastly's example filters by a bare date ({@code 2022-01-12}); that is midnight UTC. */
    static Instant instant(String raw, String name) {
        try {
            return raw.length() == 10 ? LocalDate.parse(raw).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(raw);
        } catch (DateTimeParseException e) {
            throw ApiError.jsonApi(400, "Bad Request", name + " must be an ISO 8601 date or time");
        }
    }

    private static int number(Map<String, String> q, String name, int dflt, int max) {
        String raw = q.get(name);
        if (raw == null) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(raw);
            if (n >= 1) {
                return Math.min(n, max);
            }
        } catch (NumberFormatException e) {
            // falls through to the same answer as a zero or negative number
        }
        throw ApiError.jsonApi(400, "Bad Request", name + " must be a positive number");
    }
}
