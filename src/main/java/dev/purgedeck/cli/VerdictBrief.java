package dev.purgedeck.cli;

import dev.purgedeck.edge.PageReport;
import dev.purgedeck.edge.PageVerdict;
import dev.purgedeck.edge.Verdict;

/**
 * A verdict and its reason in a few words for the VERDICT column of {@code purge --verify}, e.g. "Can't tell —
 * debug headers stripped"; the whole reason stays in {@code --json} and on stderr for old copies.
 */
final class VerdictBrief {
    private VerdictBrief() {
    }

    static String of(PageVerdict v) {
        String why = reason(v);
        return why.isEmpty() ? v.freshness().label() : v.freshness().label() + " \u2014 " + why;
    }

    private static String reason(PageVerdict v) {
        return switch (v.freshness()) {
            case FRESH -> v.report().map(r -> r.verdict() == Verdict.ORIGIN ? "fetched from origin"
                    : "cached after the purge").orElse("");
            case REFRESHING -> "stale copy served while it refreshes";
            case OLD_COPY -> "likely the shielding race";
            case NOT_CACHED -> "not cached (pass)";
            case CANT_TELL -> v.report().map(VerdictBrief::cantTell).orElseGet(() -> unread(v.reason()));
            case NOT_VERIFIED -> v.reason().startsWith("Not purged") ? "not purged"
                    : v.reason().startsWith("No page") ? "no page to check" : "";
        };
    }

    /** Mirrors the order in which the verifier decides it cannot tell (edge.FreshnessRules). */
    private static String cantTell(PageReport r) {
        if (r.redirectTarget().isPresent() || (r.status() >= 300 && r.status() < 400)) {
            return "redirect (HTTP " + r.status() + ")";
        }
        if (r.status() >= 400) {
            return "HTTP " + r.status();
        }
        if (r.verdict() == Verdict.NO_CACHE_HEADERS) {
            return "no Fastly cache headers";
        }
        return r.debugHeaders() ? "age of the copy not shown" : "debug headers stripped";
    }

    private static String unread(String reason) {
        String r = reason.toLowerCase(java.util.Locale.ROOT);
        return r.contains("did not answer") || r.contains("timed out") || r.contains("longer than") ? "timeout"
                : "page could not be read";
    }
}
