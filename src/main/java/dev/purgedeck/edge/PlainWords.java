package dev.purgedeck.edge;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Turns the parsed headers into sentences a content editor understands, most important first. */
public final class PlainWords {
    private PlainWords() {
    }

    static List<String> summary(DebugHeaders.Parts p) {
        List<String> lines = new ArrayList<>();
        lines.add(verdict(p));
        if (p.verdict() != Verdict.REDIRECT && p.verdict() != Verdict.NO_CACHE_HEADERS) {
            shieldLine(p).ifPresent(lines::add);
            p.age().ifPresent(a -> lines.add("The copy is " + duration(a) + " old."));
            p.ttl().ifPresent(t -> lines.add(ttlLine(t, p.ttlEstimated())));
        }
        if (!p.debug() && p.verdict() != Verdict.NO_CACHE_HEADERS) {
            lines.add("The service hides Fastly's debug headers, so its surrogate keys and the time left cannot be "
                    + "shown. Purging this URL still works.");
        } else if (p.debug() && p.keys().isEmpty()) {
            lines.add("The page carries no surrogate keys: purge it by its URL.");
        } else if (!p.keys().isEmpty()) {
            lines.add(p.keys().size() == 1 ? "It carries 1 surrogate key: purging it refreshes every page that "
                    + "carries it." : "It carries " + p.keys().size() + " surrogate keys: purging one refreshes every "
                    + "page that carries it.");
        }
        return lines;
    }

    private static String verdict(DebugHeaders.Parts p) {
        String edge = p.edgePop().map(pop -> " (" + pop + ")").orElse("");
        String shield = p.shieldPop().map(pop -> " (" + pop + ")").orElse("");
        return switch (p.verdict()) {
            case EDGE_HIT -> "Served from Fastly's cache at the edge" + edge + ".";
            case SHIELD_HIT -> "Not in the edge cache" + edge + "; the shield" + shield + " served its cached copy.";
            case ORIGIN -> "Not in the cache: fetched from the origin" + (p.shieldPop().isPresent()
                    ? " through the shield" + shield : "") + ". The next request should be served from the cache.";
            case NOT_CACHED -> "Not cached: Fastly passes every request for this page to the origin"
                    + p.cacheControl().map(c -> " (Cache-Control: " + c + ")").orElse("")
                    + ". Purging it changes nothing.";
            case REDIRECT -> "A redirect (" + p.status() + ") to " + p.location().orElse("?") + ". Purging this URL "
                    + "purges the redirect, not the target: inspect the target to see that page.";
            case ERROR -> p.unknownDomain() ? "Fastly does not know this host (\"Fastly error: unknown domain\"): no "
                    + "service serves it, so purging its URLs would purge nothing. Check the address."
                    : "The page answered with an error (HTTP " + p.status() + "). "
                    + (p.edge() == CacheState.HIT ? "Fastly served the error from its cache; purging clears it."
                    : "It did not come from the cache.");
            case NO_CACHE_HEADERS -> "No Fastly cache headers: this page is not served through Fastly, or its service "
                    + "removes them. PurgeDeck cannot tell whether it is cached.";
        };
    }

    private static Optional<String> shieldLine(DebugHeaders.Parts p) {
        if (p.shieldPop().isEmpty() || p.verdict() != Verdict.EDGE_HIT) {
            return Optional.empty();
        }
        // Past the node that hit, the lists describe how the copy was first fetched (docs/fastly-edge.md §1.4).
        String state = switch (p.shield()) {
            case HIT -> "had it in its cache";
            case MISS -> "fetched it from the origin";
            default -> "was on the path";
        };
        return Optional.of("When the edge fetched this copy, the shield (" + p.shieldPop().get() + ") " + state + ".");
    }

    private static String ttlLine(double ttl, boolean estimated) {
        if (ttl < 0) {
            return "It is stale: its time ran out " + duration((long) Math.ceil(-ttl)) + " ago (after a soft purge, "
                    + "or expired); Fastly serves it while it fetches a fresh copy.";
        }
        return estimated ? "About " + duration((long) ttl) + " left before it expires (from its caching headers)."
                : "It has " + duration((long) ttl) + " left before it expires.";
    }

    /** "42 s", "5 min", "3 h 20 min", "32 d". */
    public static String duration(long seconds) {
        if (seconds < 120) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min";
        }
        if (seconds < 2 * 86400) {
            long m = seconds % 3600 / 60;
            return seconds / 3600 + " h" + (m == 0 ? "" : " " + m + " min");
        }
        return seconds / 86400 + " d";
    }
}
