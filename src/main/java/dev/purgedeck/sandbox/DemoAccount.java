package dev.purgedeck.sandbox;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The emulated Fastly account: one user, its services and its demo tokens (fixed strings, not secrets). */
public final class DemoAccount {
    public static final String GLOBAL_TOKEN = "sbxGlobalDemoToken00000000000001";
    public static final String PURGE_SELECT_TOKEN = "sbxPurgeSelectDemoToken000000002";
    public static final String PURGE_ALL_TOKEN = "sbxPurgeAllDemoToken000000000003";
    public static final String READ_ONLY_TOKEN = "sbxReadOnlyDemoToken000000000004";
    public static final String RESTRICTED_TOKEN = "sbxRestrictedDemoToken0000000005";
    public static final String EXPIRED_TOKEN = "sbxExpiredDemoToken0000000000006";

    static final String USER_ID = "SbxDemoUser00000000001";
    static final String USER_NAME = "Dana Demo";
    static final String USER_LOGIN = "dana@purgedeck.example";
    static final String CUSTOMER_ID = "SbxDemoCustomer0000001";
    static final String CUSTOMER_NAME = "PurgeDeck Demo Media Ltd";
    static final Instant USER_CREATED = Instant.parse("2021-03-01T09:00:00Z");

    private final List<DemoService> services;
    private final Map<String, ServiceDetails> details;
    private final Map<String, DemoToken> tokensByValue;

    DemoAccount(List<ServiceDetails> serviceDetails) {
        Map<String, ServiceDetails> byId = new LinkedHashMap<>();
        for (ServiceDetails d : serviceDetails) {
            byId.put(d.id(), d);
        }
        this.details = byId;
        this.services = serviceDetails.stream().map(ServiceDetails::service).toList();
        this.tokensByValue = tokens(services.get(0).id());
    }

    private static Map<String, DemoToken> tokens(String firstServiceId) {
        Instant created = Instant.parse("2024-11-04T08:30:00Z");
        Map<String, DemoToken> m = new LinkedHashMap<>();
        List<DemoToken> all = List.of(
                new DemoToken("SbxTokenGlobal00000001", "Demo global token", GLOBAL_TOKEN,
                        List.of("global"), List.of(), created, null),
                new DemoToken("SbxTokenPurgeSel000002", "Demo purge_select token", PURGE_SELECT_TOKEN,
                        List.of("purge_select"), List.of(), created, null),
                new DemoToken("SbxTokenPurgeAll000003", "Demo purge_all token", PURGE_ALL_TOKEN,
                        List.of("purge_all", "purge_select"), List.of(), created, null),
                new DemoToken("SbxTokenReadOnly000004", "Demo read-only token", READ_ONLY_TOKEN,
                        List.of("global:read"), List.of(), created, null),
                new DemoToken("SbxTokenRestrict000005", "Demo token for one service", RESTRICTED_TOKEN,
                        List.of("global"), List.of(firstServiceId), created, null),
                new DemoToken("SbxTokenExpired0000006", "Demo expired token", EXPIRED_TOKEN,
                        List.of("global"), List.of(), created, Instant.parse("2025-01-01T00:00:00Z")));
        for (DemoToken t : all) {
            m.put(t.value(), t);
        }
        return Map.copyOf(m);
    }

    /** The demo tokens, the global one first. */
    List<DemoToken> tokens() {
        return tokensByValue.values().stream().sorted(java.util.Comparator.comparing(DemoToken::id)).toList();
    }

    /** All services in creation order. */
    public List<DemoService> services() {
        return services;
    }

    public Optional<DemoService> service(String id) {
        return Optional.ofNullable(details.get(id)).map(ServiceDetails::service);
    }

    List<ServiceDetails> details() {
        return List.copyOf(details.values());
    }

    Optional<ServiceDetails> details(String id) {
        return Optional.ofNullable(details.get(id));
    }

    Optional<DemoToken> token(String value) {
        return Optional.ofNullable(tokensByValue.get(value));
    }

    /** The service whose domain list holds this host, as the edge would route it. */
    Optional<DemoService> serviceForHost(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return services.stream().filter(s -> s.domains().contains(h)).findFirst();
    }
}
