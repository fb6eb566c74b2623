package dev.purgedeck.sandbox;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The service selector's reads: {@code GET /service}, {@code /service/{id}}, {@code /service/search}. */
final class ServiceRoutes {
    static final int DEFAULT_PER_PAGE = 20;
    static final int MAX_PER_PAGE = 1000;

    private final SandboxContext ctx;

    ServiceRoutes(SandboxContext ctx) {
        this.ctx = ctx;
    }

    void list(ApiExchange ex) {
        DemoToken token = reader(ex);
        Map<String, String> q = PathCodec.query(ex.rawQuery());
        int page = Math.max(1, intParam(q, "page", 1));
        int perPage = Math.min(MAX_PER_PAGE, intParam(q, "per_page", DEFAULT_PER_PAGE));
        if (perPage < 1) {
            perPage = DEFAULT_PER_PAGE;
        }
        String sort = q.getOrDefault("sort", "created");
        String direction = q.getOrDefault("direction", "ascend");
        List<ServiceDetails> visible = new ArrayList<>(ctx.account().details().stream()
                .filter(d -> token.allows(d.id())).toList());
        visible.sort(comparator(sort, direction));
        int last = Math.max(1, (visible.size() + perPage - 1) / perPage);
        int from = (int) Math.min(visible.size(), (long) (page - 1) * perPage);
        int to = Math.min(visible.size(), from + perPage);
        String link = LinkHeader.build("http://" + ex.authority() + "/service", page, last, perPage, sort, direction);
        if (!link.isEmpty()) {
            ex.responseHeaders().set("Link", link);
        }
        ex.responseHeaders().set("Cache-Control", "no-store");
        ex.json(200, visible.subList(from, to).stream().map(ServiceJson::listItem).toList());
    }

    void get(ApiExchange ex, String serviceId) {
        DemoToken token = reader(ex);
        // go-fastly documents 400, not 404, for an unknown service on this read endpoint (docs/fastly-api.md §8.3).
        ServiceDetails d = ctx.account().details(serviceId)
                .orElseThrow(() -> ApiError.msg(400, "Bad request", "Cannot find service '" + serviceId + "'"));
        ctx.auth().requireAllowed(token, serviceId);
        ex.responseHeaders().set("Cache-Control", "no-store");
        ex.json(200, ServiceJson.detail(d));
    }

    /** {@code GET /service/{id}/details[?version=N][&filter[versions.active]=true]} (docs/fastly-edge.md §3). */
    void details(ApiExchange ex, String serviceId) {
        DemoToken token = reader(ex);
        // go-fastly: "If no service exists for the given id, the API returns a 400 response not 404."
        ServiceDetails d = ctx.account().details(serviceId)
                .orElseThrow(() -> ApiError.msg(400, "Bad request", "Cannot find service '" + serviceId + "'"));
        ctx.auth().requireAllowed(token, serviceId);
        Map<String, String> q = PathCodec.query(ex.rawQuery());
        String asked = q.get("version");
        int version = asked == null || asked.isEmpty() ? d.activeVersion() : version(d, asked);
        boolean activeOnly = "true".equals(q.get("filter[versions.active]"));
        ex.responseHeaders().set("Cache-Control", "no-store");
        ex.json(200, DetailJson.details(d, version, activeOnly));
    }

    /** {@code GET /service/{id}/version/{n}/domain} (docs/fastly-edge.md §3). */
    void versionDomains(ApiExchange ex, String serviceId, String versionText) {
        DemoToken token = reader(ex);
        ctx.auth().requireService(token, serviceId);
        ServiceDetails d = ctx.account().details(serviceId).orElseThrow();
        ex.responseHeaders().set("Cache-Control", "no-store");
        ex.json(200, DetailJson.domains(d, version(d, versionText)));
    }

    void search(ApiExchange ex) {
        DemoToken token = reader(ex);
        String name = PathCodec.query(ex.rawQuery()).get("name");
        if (name == null || name.isEmpty()) {
            throw ApiError.msg(400, "Bad request", "Missing required parameter 'name'");
        }
        ServiceDetails d = ctx.account().details().stream()
                .filter(s -> s.service().name().equals(name) && token.allows(s.id()))
                .findFirst()
                .orElseThrow(() -> ApiError.msg(400, "Bad request", "Cannot find service with name '" + name + "'"));
        ex.responseHeaders().set("Cache-Control", "no-store");
        ex.json(200, ServiceJson.detail(d));
    }

    private DemoToken reader(ApiExchange ex) {
        DemoToken token = ctx.auth().require(ex);
        ctx.auth().requireScope(token, "global:read", "global");
        return token;
    }

    private static int version(ServiceDetails d, String text) {
        int n;
        try {
            n = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw ApiError.msg(400, "Bad request", "Version must be a number");
        }
        if (n < 1 || n > d.versionCount()) {
            throw ApiError.msg(404, "Record not found", "Cannot find 'version'");
        }
        return n;
    }

    private static Comparator<ServiceDetails> comparator(String sort, String direction) {
        Comparator<ServiceDetails> c = switch (sort) {
            case "created" -> Comparator.comparing(ServiceDetails::createdAt);
            case "updated", "updated_at" -> Comparator.comparing(ServiceDetails::updatedAt);
            case "name" -> Comparator.comparing((ServiceDetails d) -> d.service().name());
            case "id" -> Comparator.comparing(ServiceDetails::id);
            default -> throw ApiError.msg(400, "Bad request", "Invalid sort field '" + sort + "'");
        };
        c = c.thenComparing(ServiceDetails::id);
        return switch (direction) {
            case "ascend" -> c;
            case "descend" -> c.reversed();
            default -> throw ApiError.msg(400, "Bad request", "direction must be ascend or descend");
        };
    }

    private static int intParam(Map<String, String> q, String name, int fallback) {
        String v = q.get(name);
        if (v == null || v.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw ApiError.msg(400, "Bad request", "'" + name + "' must be a number");
        }
    }
}
