package dev.purgedeck.sandbox;

import java.time.Instant;
import java.util.List;

/** An API token of the demo account: its scopes, service allow-list (empty = all) and expiry. */
record DemoToken(String id, String name, String value, List<String> scopes, List<String> services,
        Instant createdAt, Instant expiresAt) {

    DemoToken {
        scopes = List.copyOf(scopes);
        services = List.copyOf(services);
    }

    boolean hasAnyScope(String... wanted) {
        for (String w : wanted) {
            if (scopes.contains(w)) {
                return true;
            }
        }
        return false;
    }

    boolean allows(String serviceId) {
        return services.isEmpty() || services.contains(serviceId);
    }

    boolean expiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    /** Fastly's space-delimited form, e.g. {@code "purge_all purge_select"}. */
    String scope() {
        return String.join(" ", scopes);
    }
}
