package dev.purgedeck.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders {@code /service/{id}/details} and version domain lists in the shapes of docs/fastly-edge.md §3. */
final class DetailJson {
    /** The empty config collections a real version detail carries (go-fastly fixture services/details*). */
    private static final List<String> EMPTY_COLLECTIONS = List.of("acls", "backends", "cache_settings", "conditions",
            "dictionaries", "directors", "gzips", "headers", "healthchecks", "request_settings", "response_objects",
            "snippets", "vcls", "wordpress");

    private DetailJson() {
    }

    /**
     * The service detail: {@code version} is the one asked for, else the active one, and
     * {@code active_version} is null when nothing is active.
     */
    static Map<String, Object> details(ServiceDetails d, int version, boolean activeVersionsOnly) {
        // The recorded /details answer has the service fields of GET /service/{id} except "paused".
        Map<String, Object> m = ServiceJson.detail(d);
        m.remove("paused");
        m.put("environments", List.of());
        m.put("versions", ServiceJson.versions(d).stream()
                .filter(v -> !activeVersionsOnly || Boolean.TRUE.equals(v.get("active")))
                .map(DetailJson::withEnvironments)
                .toList());
        m.put("version", versionDetail(d, version));
        m.put("active_version", d.activeVersion() > 0 ? versionDetail(d, d.activeVersion()) : null);
        return m;
    }

    /** {@code GET /service/{id}/version/{n}/domain}: the demo keeps the same domains on every version. */
    static List<Map<String, Object>> domains(ServiceDetails d, int version) {
        Instant created = d.createdAt().plus(Duration.ofMinutes(3));
        return d.service().domains().stream().map(name -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("comment", "");
            m.put("name", name);
            m.put("service_id", d.id());
            m.put("version", version);
            m.put("created_at", ServiceJson.iso(created));
            m.put("updated_at", ServiceJson.iso(created));
            m.put("deleted_at", null);
            return m;
        }).toList();
    }

    private static Map<String, Object> versionDetail(ServiceDetails d, int number) {
        Map<String, Object> v = withEnvironments(ServiceJson.versions(d).get(number - 1));
        for (String collection : EMPTY_COLLECTIONS) {
            v.put(collection, List.of());
        }
        v.put("domains", domains(d, number));
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("general.default_host", "");
        settings.put("general.default_pci", 0);
        settings.put("general.default_ttl", 3600);
        settings.put("general.stale_if_error", false);
        settings.put("general.stale_if_error_ttl", 43200);
        v.put("settings", settings);
        return v;
    }

    private static Map<String, Object> withEnvironments(Map<String, Object> version) {
        Map<String, Object> copy = new LinkedHashMap<>(version);
        copy.put("environments", List.of());
        return copy;
    }
}
