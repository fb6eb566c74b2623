package dev.purgedeck.edge;

import dev.purgedeck.fastly.ItemOutcome;
import dev.purgedeck.fastly.PurgeKind;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a purge job does besides purging: verify its items (and on which pages), and purge twice.
 *
 * @param verify       look at the pages after the purge
 * @param twice        purge each item a second time after {@code twiceDelay} (docs/fastly-edge.md §2)
 * @param twiceDelay   the pause between the two purges
 * @param samplePages  pages to look at for a key or purge-all item without pages of its own (a key set's sample
 *                     URLs, or the "check these pages" list)
 * @param pagesByKey   pages per key (the page a key was found on in the inspector)
 * @param before       looks taken just before the purge, by URL, for their validators
 */
public record VerifyPlan(boolean verify, boolean twice, Duration twiceDelay, List<String> samplePages,
                         Map<String, List<String>> pagesByKey, Map<String, PageReport> before) {
    /** Purge once and do not look. */
    public static final VerifyPlan NONE = new VerifyPlan(false, false, Duration.ZERO, List.of(), Map.of(), Map.of());

    public VerifyPlan {
        samplePages = List.copyOf(samplePages);
        pagesByKey = Map.copyOf(pagesByKey);
        before = Map.copyOf(before);
        if (twiceDelay == null || twiceDelay.isNegative()) {
            throw new IllegalArgumentException("the delay between the purges cannot be negative");
        }
    }

    /** Verify, on these sample pages for keys and purge-all. */
    public static VerifyPlan verify(List<String> samplePages) {
        return new VerifyPlan(true, false, Duration.ZERO, samplePages, Map.of(), Map.of());
    }

    /** The same plan purging twice, {@code delay} apart. */
    public VerifyPlan twice(Duration delay) {
        return new VerifyPlan(verify, true, delay, samplePages, pagesByKey, before);
    }

    /** The same plan with looks taken before the purge. */
    public VerifyPlan withBefore(Map<String, PageReport> looks) {
        return new VerifyPlan(verify, twice, twiceDelay, samplePages, pagesByKey, looks);
    }

    /** The same plan with pages per key. */
    public VerifyPlan withPagesByKey(Map<String, List<String>> pages) {
        return new VerifyPlan(verify, twice, twiceDelay, samplePages, pages, before);
    }

    /** The pages that show whether {@code o} worked: a URL is its own page; keys and purge-all use the samples. */
    List<String> pagesFor(ItemOutcome o) {
        if (o.kind() == PurgeKind.URL) {
            // A URL purged without its scheme ("www.example.com/a", which Fastly accepts) is looked at over HTTPS.
            return List.of(o.target().contains("://") ? o.target() : "https://" + o.target());
        }
        return o.kind() == PurgeKind.KEY ? pagesByKey.getOrDefault(o.target(), samplePages) : samplePages;
    }
}
