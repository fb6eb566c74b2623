package dev.purgedeck.edge;

import java.time.Instant;
import java.util.Optional;

/**
 * The verdict on one purged item, from the pages looked at for it.
 *
 * @param index     the item's position in the purge job
 * @param target    the URL, key, or service ID for purge-all
 * @param freshness the verdict
 * @param reason    plain words: why this verdict (the age seen, the header missing, the redirect target…)
 * @param url       the page the verdict is about (the worst one for a key), empty when none was looked at
 * @param report    the last look at that page, empty when the page could not be read
 * @param at        when the verdict was reached
 * @param last      false for a {@link Freshness#REFRESHING} verdict that will be looked at again; true when final
 */
public record PageVerdict(int index, String target, Freshness freshness, String reason, Optional<String> url,
                          Optional<PageReport> report, Instant at, boolean last) {
    /** Why a key or purge-all item was not looked at: it had no page (inspector page, sample URL, list). */
    public static final String NO_PAGE = "No page was given to check: add sample URLs to the key set, or pages to "
            + "\u201cCheck these pages\u201d, to see whether the purge worked.";

    public PageVerdict {
        reason = reason == null ? "" : reason;
    }

    /** The verdict in words; an item without a page to check says so, so it never reads as a blank or a pass. */
    public String words() {
        return freshness == Freshness.NOT_VERIFIED && NO_PAGE.equals(reason) ? "Not verified \u2014 no page to check"
                : freshness.label();
    }

    /** The verdict when nothing could be looked at. */
    static PageVerdict unverified(int index, String target, String reason, Instant at) {
        return new PageVerdict(index, target, Freshness.NOT_VERIFIED, reason, Optional.empty(), Optional.empty(), at,
                true);
    }
}
