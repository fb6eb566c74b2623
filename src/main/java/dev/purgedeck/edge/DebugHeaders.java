package dev.purgedeck.edge;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Fastly's cache headers ({@code X-Cache}, {@code X-Served-By}, {@code Age}, {@code Fastly-Debug-Path},
 * {@code Fastly-Debug-TTL}, {@code Fastly-Debug-Digest}, {@code Surrogate-Key}) into a {@link PageReport}, following
 * docs/fastly-edge.md §1.2 and §1.3: appended lists end with the edge, prepended debug groups start with it.
 */
public final class DebugHeaders {
    private static final Pattern PATH_GROUP = Pattern.compile("\\(\\s*([DF])\\s+(\\S+)\\s+[^)]*\\)");
    private static final Pattern TTL_GROUP =
            Pattern.compile("\\(?\\s*([HM])\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)\\s+([^)\\s]+)\\s*\\)?");
    private static final Pattern POP = Pattern.compile("-([A-Za-z]{3,5})$");
    private static final Pattern MAX_AGE = Pattern.compile("(?:^|[,\\s])(s-maxage|max-age)\\s*=\\s*\"?(\\d{1,12})");
    private static final Pattern NO_CACHE = Pattern.compile("(?:^|[,\\s])(private|no-store|no-cache)(?:$|[,\\s=])");
    private static final Pattern DIGEST = Pattern.compile("[0-9a-fA-F]{64}");

    private DebugHeaders() {
    }

    /** One {@code Fastly-Debug-TTL} group: hit or miss, the node, remaining TTL and age ({@code null} = "-"). */
    record TtlGroup(boolean hit, String node, Double remaining, Long age) {
    }

    /**
     * The report for one answer.
     *
     * @param headers the response headers; several lines of one header count as one comma-joined value
     */
    public static PageReport parse(URI url, int status, Map<String, List<String>> headers, long bodyBytesRead) {
        return parse(url, status, headers, bodyBytesRead, "");
    }

    /**
     * As {@link #parse(URI, int, Map, long)}, with the start of the body, which tells Fastly's own error pages
     * ("Fastly error: unknown domain") from an origin's.
     */
    public static PageReport parse(URI url, int status, Map<String, List<String>> headers, long bodyBytesRead,
                                   String bodyStart) {
        Map<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((k, v) -> h.merge(k, List.copyOf(v), (a, b) -> {
            List<String> all = new ArrayList<>(a);
            all.addAll(b);
            return List.copyOf(all);
        }));
        List<String> xCache = list(h, "X-Cache");
        List<String> servedBy = list(h, "X-Served-By");
        List<String> pathNodes = pathDeliverNodes(value(h, "Fastly-Debug-Path").orElse(""));
        List<TtlGroup> ttl = ttlGroups(value(h, "Fastly-Debug-TTL").orElse(""));

        Optional<String> edgePop = servedBy.isEmpty() ? first(pathNodes).map(DebugHeaders::pop)
                : Optional.of(pop(servedBy.get(servedBy.size() - 1)));
        Optional<String> shieldPop = (servedBy.isEmpty() ? first(pathNodes.size() > 1
                ? List.of(pathNodes.get(pathNodes.size() - 1)) : List.<String>of())
                : first(servedBy)).map(DebugHeaders::pop).filter(p -> !edgePop.map(p::equals).orElse(false));

        CacheState edge = xCache.isEmpty() ? first(ttl).map(g -> g.hit() ? CacheState.HIT : CacheState.MISS)
                .orElse(CacheState.UNKNOWN) : CacheState.of(xCache.get(xCache.size() - 1));
        CacheState shield = shieldState(shieldPop, xCache, ttl);

        Optional<TtlGroup> edgeTtl = first(ttl);
        OptionalLong age = edgeTtl.map(TtlGroup::age).map(OptionalLong::of)
                .orElseGet(() -> number(value(h, "Age").orElse(null)).map(d -> OptionalLong.of(d.longValue()))
                        .orElse(OptionalLong.empty()));
        Optional<Double> ttlLeft = edgeTtl.map(TtlGroup::remaining);
        boolean estimated = false;
        if (ttlLeft.isEmpty() && age.isPresent()) {
            ttlLeft = freshFor(h).map(max -> (double) (max - age.getAsLong()));
            estimated = ttlLeft.isPresent();
        }
        boolean debug = h.containsKey("Fastly-Debug-Path") || h.containsKey("Fastly-Debug-TTL")
                || h.containsKey("Fastly-Debug-Digest") || h.containsKey("Surrogate-Key");
        Optional<String> location = status >= 300 && status < 400 ? value(h, "Location") : Optional.empty();
        Verdict verdict = verdict(status, location.isPresent(), xCache.isEmpty() && ttl.isEmpty(), edge, shield, h);

        Parts parts = new Parts(status, location, verdict, edge, shield, edgePop, shieldPop, age, ttlLeft, estimated,
                keys(h), debug, value(h, "Cache-Control"), status >= 500 && bodyStart != null
                && bodyStart.toLowerCase(Locale.ROOT).contains("fastly error: unknown domain"));
        return new PageReport(url, status, location, verdict, edge, shield, edgePop, shieldPop, servedBy, age,
                ttlLeft, estimated, value(h, "ETag"), value(h, "Last-Modified"),
                value(h, "Fastly-Debug-Digest").filter(d -> DIGEST.matcher(d).matches()), parts.keys(), debug,
                Collections.unmodifiableMap(h), PlainWords.summary(parts), bodyBytesRead);
    }

    /** What {@link PlainWords} needs, so that it does not re-read headers. */
    record Parts(int status, Optional<String> location, Verdict verdict, CacheState edge, CacheState shield,
                 Optional<String> edgePop, Optional<String> shieldPop, OptionalLong age, Optional<Double> ttl,
                 boolean ttlEstimated, List<String> keys, boolean debug, Optional<String> cacheControl,
                 boolean unknownDomain) {
    }

    private static Verdict verdict(int status, boolean redirect, boolean noCacheHeaders, CacheState edge,
                                   CacheState shield, Map<String, List<String>> h) {
        if (redirect) {
            return Verdict.REDIRECT;
        }
        if (status >= 400) {
            return Verdict.ERROR;
        }
        if (noCacheHeaders) {
            return Verdict.NO_CACHE_HEADERS;
        }
        if (edge == CacheState.HIT) {
            return Verdict.EDGE_HIT;
        }
        if (notCacheable(h)) {
            return Verdict.NOT_CACHED;
        }
        return shield == CacheState.HIT ? Verdict.SHIELD_HIT : Verdict.ORIGIN;
    }

    private static CacheState shieldState(Optional<String> shieldPop, List<String> xCache, List<TtlGroup> ttl) {
        if (xCache.size() > 1) {
            return CacheState.of(xCache.get(0));
        }
        if (shieldPop.isEmpty()) {
            return CacheState.NONE;
        }
        return ttl.stream().filter(g -> pop(g.node()).equals(shieldPop.get())).findFirst()
                .map(g -> g.hit() ? CacheState.HIT : CacheState.MISS).orElse(CacheState.UNKNOWN);
    }

    /** Fastly passes what Set-Cookie, Surrogate-Control or Cache-Control keep out of its cache. */
    private static boolean notCacheable(Map<String, List<String>> h) {
        // The rules and their sources: docs/fastly-edge.md §1.4.
        if (h.containsKey("Set-Cookie")) {
            return true;
        }
        Optional<String> sc = value(h, "Surrogate-Control").map(s -> s.toLowerCase(Locale.ROOT));
        if (sc.isPresent()) {
            return sc.get().contains("no-store") || freshFor(h).map(s -> s == 0).orElse(false);
        }
        Optional<String> cc = value(h, "Cache-Control").map(s -> s.toLowerCase(Locale.ROOT));
        return cc.map(c -> NO_CACHE.matcher(c).find()).orElse(false) || freshFor(h).map(s -> s == 0).orElse(false);
    }

    /** Seconds the headers allow Fastly to keep the object: Surrogate-Control, then s-maxage, then max-age. */
    static Optional<Long> freshFor(Map<String, List<String>> h) {
        Optional<Long> sc = value(h, "Surrogate-Control").flatMap(v -> maxAge(v, false));
        return sc.isPresent() ? sc : value(h, "Cache-Control").flatMap(v -> maxAge(v, true).or(() -> maxAge(v, false)));
    }

    private static Optional<Long> maxAge(String value, boolean sharedOnly) {
        Matcher m = MAX_AGE.matcher(value.toLowerCase(Locale.ROOT));
        while (m.find()) {
            if (!sharedOnly || m.group(1).equals("s-maxage")) {
                return Optional.of(Long.parseLong(m.group(2)));
            }
        }
        return Optional.empty();
    }

    static List<TtlGroup> ttlGroups(String header) {
        List<TtlGroup> groups = new ArrayList<>();
        Matcher m = TTL_GROUP.matcher(header);
        while (m.find()) {
            groups.add(new TtlGroup(m.group(1).equals("H"), m.group(2), number(m.group(3)).orElse(null),
                    number(m.group(5)).map(Double::longValue).orElse(null)));
        }
        return groups;
    }

    /** The nodes that delivered ({@code D}), edge first; {@code F} groups are fetches inside a POP (clustering). */
    private static List<String> pathDeliverNodes(String header) {
        List<String> nodes = new ArrayList<>();
        Matcher m = PATH_GROUP.matcher(header);
        while (m.find()) {
            if (m.group(1).equals("D")) {
                nodes.add(m.group(2));
            }
        }
        return nodes;
    }

    /** "cache-fra19179-FRA" and "cache-ewr-kewr1740093-EWR" name their POP last; node ids are reused, POPs not. */
    static String pop(String node) {
        Matcher m = POP.matcher(node.strip());
        return m.find() ? m.group(1).toUpperCase(Locale.ROOT) : node.strip();
    }

    private static List<String> keys(Map<String, List<String>> h) {
        LinkedHashSet<String> keys = new LinkedHashSet<>();
        for (String line : h.getOrDefault("Surrogate-Key", List.of())) {
            Arrays.stream(line.strip().split("\\s+")).filter(k -> !k.isEmpty()).forEach(keys::add);
        }
        return List.copyOf(keys);
    }

    private static List<String> list(Map<String, List<String>> h, String name) {
        return value(h, name).map(v -> Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .toList()).orElse(List.of());
    }

    private static Optional<String> value(Map<String, List<String>> h, String name) {
        List<String> v = h.get(name);
        return v == null || v.isEmpty() ? Optional.empty()
                : Optional.of(String.join(", ", v).strip()).filter(s -> !s.isEmpty());
    }

    private static Optional<Double> number(String s) {
        if (s == null || s.isBlank() || s.strip().equals("-")) {
            return Optional.empty();
        }
        try {
            double d = Double.parseDouble(s.strip());
            return Double.isFinite(d) ? Optional.of(d) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static <T> Optional<T> first(List<T> list) {
        return list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
    }
}
