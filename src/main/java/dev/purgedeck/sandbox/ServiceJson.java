package dev.purgedeck.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders services in the control-plane shapes of docs/fastly-api.md §10.1 and §10.2. */
final class ServiceJson {
    private ServiceJson() {
    }

    /** A {@code GET /service} list item: carries the top-level {@code version}. */
    static Map<String, Object> listItem(ServiceDetails d) {
        Map<String, Object> m = base(d);
        m.put("version", d.activeVersion());
        return m;
    }

    /** {@code GET /service/{id}} and search: no top-level {@code version}, as go-fastly notes. */
    static Map<String, Object> detail(ServiceDetails d) {
        return base(d);
    }

    private static Map<String, Object> base(ServiceDetails d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id());
        m.put("name", d.service().name());
        m.put("comment", d.comment());
        m.put("customer_id", DemoAccount.CUSTOMER_ID);
        m.put("type", d.type());
        m.put("versions", versions(d));
        m.put("paused", false);
        m.put("created_at", iso(d.createdAt()));
        m.put("updated_at", iso(d.updatedAt()));
        m.put("deleted_at", null);
        return m;
    }

    static List<Map<String, Object>> versions(ServiceDetails d) {
        List<Map<String, Object>> out = new ArrayList<>(d.versionCount());
        Duration step = Duration.between(d.createdAt(), d.updatedAt()).dividedBy(Math.max(1, d.versionCount()));
        for (int n = 1; n <= d.versionCount(); n++) {
            boolean active = n == d.activeVersion();
            Instant created = d.createdAt().plus(step.multipliedBy(n - 1L));
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("number", n);
            v.put("active", active);
            // Fastly locks every version that was ever activated; the draft after the active one stays open.
            v.put("locked", n <= d.activeVersion());
            v.put("deployed", active);
            v.put("staging", false);
            v.put("testing", false);
            v.put("comment", n == 1 ? "Initial version" : "");
            v.put("service_id", d.id());
            v.put("created_at", iso(created));
            v.put("updated_at", iso(created.plus(Duration.ofMinutes(7))));
            v.put("deleted_at", null);
            out.add(v);
        }
        return out;
    }

    static String iso(Instant t) {
        return t == null ? null : t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }
}
