package dev.purgedeck.edge;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads one look at a page after its purge into a {@link Freshness}, following docs/fastly-edge.md §2: a copy no
 * older than the purge is fresh, an older one is the old copy (or, after a soft purge, the stale copy served while it
 * revalidates), and an answer without the cache headers cannot tell.
 */
final class FreshnessRules {
    /**
     * Clocks differ and {@code Age} counts whole seconds: a copy up to this much older than the time since the purge
     * still counts as fetched after it.
     */
    static final Duration SKEW = Duration.ofSeconds(1);

    private FreshnessRules() {
    }

    /** One judgement: the verdict and why. */
    record Look(Freshness freshness, String reason) {
    }

    /**
     * @param before   a look taken just before the purge, when there was time for one
     * @param purgedAt when the purge request was sent
     * @param lookedAt when this answer arrived
     * @param soft     whether the purge was soft (a stale copy is then expected at first)
     */
    static Look judge(PageReport r, Optional<PageReport> before, Instant purgedAt, Instant lookedAt, boolean soft) {
        if (r.redirectTarget().isPresent() || (r.status() >= 300 && r.status() < 400)) {
            return new Look(Freshness.CANT_TELL, "The page answers with a redirect (HTTP " + r.status() + ")"
                    + r.redirectTarget().map(t -> " to " + t).orElse("") + ": the purge removed the cached redirect;"
                    + " the page it points to is a separate object, check that one.");
        }
        if (r.status() >= 400) {
            return new Look(Freshness.CANT_TELL, "The page answers HTTP " + r.status()
                    + ", so it says nothing about the purged copy.");
        }
        if (r.verdict() == Verdict.NO_CACHE_HEADERS) {
            return new Look(Freshness.CANT_TELL, "The answer has no Fastly cache headers at all: the service removes "
                    + "them, or Fastly does not serve this page.");
        }
        if (!r.debugHeaders()) {
            return new Look(Freshness.CANT_TELL, "The service strips Fastly's debug headers (it ignores "
                    + "Fastly-Debug: 1), so the age of the copy cannot be read reliably.");
        }
        if (r.verdict() == Verdict.NOT_CACHED) {
            return new Look(Freshness.NOT_CACHED, "The page is not cached (a pass): every visit goes to the origin, "
                    + "so there was nothing to purge.");
        }
        Optional<String> newTag = changed(before, r);
        if (r.verdict() == Verdict.ORIGIN) {
            return new Look(Freshness.FRESH, "Fetched from the origin after the purge" + newTag.orElse("") + ".");
        }
        if (r.ageSeconds().isEmpty()) {
            return newTag.isPresent() ? new Look(Freshness.FRESH, "Served from cache" + newTag.get() + ".")
                    : new Look(Freshness.CANT_TELL, "The answer does not say how old the cached copy is.");
        }
        long age = r.ageSeconds().getAsLong();
        Duration since = Duration.between(purgedAt, lookedAt);
        if (Duration.ofSeconds(age).compareTo(since.plus(SKEW)) <= 0) {
            return new Look(Freshness.FRESH, "The copy is " + age + " s old: cached after the purge ("
                    + seconds(since) + " ago)" + newTag.orElse("") + ".");
        }
        if (newTag.isPresent()) {
            // The origin may send its own Age; a new validator says the content itself is new.
            return new Look(Freshness.FRESH, "Served from cache" + newTag.get() + ".");
        }
        if (soft && r.stale()) {
            return new Look(Freshness.REFRESHING, "A soft purge: the stale copy (" + age + " s old) is served while "
                    + "Fastly fetches the new one.");
        }
        String where = r.shieldPop().isPresent() ? " (edge " + r.edgePop().orElse("?") + ", shield "
                + r.shieldPop().get() + ")" : r.edgePop().map(p -> " (" + p + ")").orElse("");
        return new Look(Freshness.OLD_COPY, "The copy is " + age + " s old but the purge was " + seconds(since)
                + " ago: Fastly still serves the copy from before the purge" + where + ", most likely cached again "
                + "from a shield that was not purged yet (the shielding race). Purge again.");
    }

    /** A look that did not get an answer: the fetch's own plain message. */
    static Look failed(Throwable error) {
        String message = error instanceof PageFetchException p ? p.getMessage()
                : "The page could not be read: " + error.getClass().getSimpleName() + ".";
        return new Look(Freshness.CANT_TELL, message);
    }

    private static Optional<String> changed(Optional<PageReport> before, PageReport after) {
        if (before.isEmpty()) {
            return Optional.empty();
        }
        PageReport b = before.get();
        if (b.etag().isPresent() && after.etag().isPresent() && !b.etag().equals(after.etag())) {
            return Optional.of(", with a new ETag (" + after.etag().get() + ")");
        }
        if (b.lastModified().isPresent() && after.lastModified().isPresent()
                && !b.lastModified().equals(after.lastModified())) {
            return Optional.of(", with a new Last-Modified (" + after.lastModified().get() + ")");
        }
        return Optional.empty();
    }

    private static String seconds(Duration d) {
        long ms = Math.max(0, d.toMillis());
        return ms < 10_000 ? String.format(Locale.ROOT, "%.1f s", ms / 1000.0) : ms / 1000 + " s";
    }
}
