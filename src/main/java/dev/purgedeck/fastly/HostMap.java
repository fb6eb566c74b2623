package dev.purgedeck.fastly;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which service serves which host name, built from the domains of the services a token can read
 * (docs/fastly-edge.md §3): a URL purge needs no service, but a URL whose host no visible service serves purges
 * nothing, and a pasted URL can pick its service.
 *
 * @param state    whether the hosts could be checked at all
 * @param hosts    host name (lower case; {@code *.example.com} for a wildcard domain) to its service
 * @param loadedAt when the map was built; null when never
 */
public record HostMap(State state, Map<String, ServiceInfo> hosts, Instant loadedAt) {
    /** Whether the map can tell anything. */
    public enum State {
        /** Not loaded yet: nothing is known, so nothing is warned about. */
        UNKNOWN,
        /** Built from every service the token can read. */
        READY,
        /** The token may not read services (a {@code purge_select} token): hosts cannot be checked. */
        NO_ACCESS
    }

    public static final HostMap UNKNOWN = new HostMap(State.UNKNOWN, Map.of(), null);

    public HostMap {
        hosts = Map.copyOf(hosts);
    }

    /** The map of a token that may not read services. */
    public static HostMap noAccess(Instant at) {
        return new HostMap(State.NO_ACCESS, Map.of(), at);
    }

    /** The map of these services and their active domains; a host served by two keeps the first. */
    public static HostMap of(Map<ServiceInfo, List<String>> domains, Instant at) {
        Map<String, ServiceInfo> hosts = new LinkedHashMap<>();
        domains.forEach((service, names) -> names.forEach(n -> hosts.putIfAbsent(n.toLowerCase(Locale.ROOT), service)));
        return new HostMap(State.READY, hosts, at);
    }

    /** Whether unknown hosts can be told apart: only a map built from the services. */
    public boolean canCheck() {
        return state == State.READY;
    }

    /** The service that serves {@code host}: the exact name first, then a wildcard one level up. */
    public Optional<ServiceInfo> serviceOf(String host) {
        if (host == null || host.isEmpty()) {
            return Optional.empty();
        }
        String h = host.toLowerCase(Locale.ROOT);
        ServiceInfo exact = hosts.get(h);
        int dot = h.indexOf('.');
        // Wildcard matching is not documented by Fastly [U]: one label, as TLS does (docs/fastly-edge.md §3.2).
        return Optional.ofNullable(exact != null || dot < 0 ? exact : hosts.get("*" + h.substring(dot)));
    }

    /** The host of a URL as the purge sends it (with or without a scheme), lower case; empty when there is none. */
    public static String hostOf(String url) {
        try {
            String host = Validation.absolute(url).getHost();
            return host == null ? "" : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    /**
     * Where each URL goes.
     *
     * @param services   URL to its service, for the URLs whose host a service serves
     * @param unknown    the URLs whose host no visible service serves (empty when the map cannot check)
     */
    public record Routing(Map<String, ServiceInfo> services, List<String> unknown) {
        /** The one service every URL goes to, when there is exactly one and no URL is unknown. */
        public Optional<ServiceInfo> single() {
            List<ServiceInfo> distinct = services.values().stream().distinct().toList();
            return distinct.size() == 1 && unknown.isEmpty() ? Optional.of(distinct.get(0)) : Optional.empty();
        }

        /**
         * Where the URLs go in a line: "3 URLs → Daily Courier — www, 1 → Northwind Shop, 1 unknown host"; empty
         * when nothing is known about any of them.
         */
        public String summary() {
            Map<ServiceInfo, Integer> counts = new LinkedHashMap<>();
            services.values().forEach(s -> counts.merge(s, 1, Integer::sum));
            List<String> parts = new ArrayList<>();
            counts.forEach((s, n) -> parts.add((parts.isEmpty() ? n + (n == 1 ? " URL" : " URLs") : n)
                    + " \u2192 " + (s.name().isBlank() ? s.id() : s.name())));
            int hosts = unknownHosts().size();
            if (hosts > 0) {
                parts.add(hosts + (hosts == 1 ? " unknown host" : " unknown hosts"));
            }
            return String.join(", ", parts);
        }

        /** The hosts of the unknown URLs, each once, in order. */
        public List<String> unknownHosts() {
            return unknown.stream().map(HostMap::hostOf).distinct().toList();
        }
    }

    /** Routes URLs to services. */
    public Routing route(List<String> urls) {
        if (hosts.isEmpty() && !canCheck()) {
            return new Routing(Map.of(), List.of()); // nothing known: no URL needs parsing
        }
        Map<String, ServiceInfo> services = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        for (String url : urls) {
            Optional<ServiceInfo> s = serviceOf(hostOf(url));
            if (s.isPresent()) {
                services.put(url, s.get());
            } else if (canCheck()) {
                unknown.add(url);
            }
        }
        return new Routing(services, unknown);
    }
}
