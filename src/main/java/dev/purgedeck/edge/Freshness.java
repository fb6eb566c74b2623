package dev.purgedeck.edge;

import java.util.Locale;

/** What a look at a page after its purge says: is the new content being served (docs/fastly-edge.md §2.1)? */
public enum Freshness {
    /** Fetched from the origin after the purge (a miss, or a copy no older than the purge). */
    FRESH("Fresh"),
    /** A soft purge serves the stale copy while it revalidates; a later look is needed (or showed it refreshed). */
    REFRESHING("Refreshing"),
    /** The copy served is older than the purge: most likely the shielding race; purge again. */
    OLD_COPY("Old copy still served"),
    /** The page is not cached (a pass), so there was nothing to purge. */
    NOT_CACHED("Not cached"),
    /** The answer does not say (debug headers stripped, a redirect, an error, a timeout); the reason says which. */
    CANT_TELL("Can't tell"),
    /** Nothing was looked at: no page to check (a key or purge-all without sample URLs), or verification stopped. */
    NOT_VERIFIED("Not verified");

    private final String label;
    private final String id = name().toLowerCase(Locale.ROOT);

    Freshness(String label) {
        this.label = label;
    }

    /** The words a user reads. */
    public String label() {
        return label;
    }

    /** The lower-case name used in files, exports and {@code --json} ({@code old_copy}, {@code cant_tell}, …). */
    public String id() {
        return id;
    }

    /** The words of the verdict {@code id} as recorded; null for none, an id a newer version wrote as it is. */
    public static String labelOf(String id) {
        try {
            return id == null ? null : of(id).label();
        } catch (IllegalArgumentException e) {
            return id;
        }
    }

    /** The verdict named {@code text}: its id or its words, any case, {@code -} or space for {@code _}. */
    public static Freshness of(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_')
                .replace("'", "");
        for (Freshness f : values()) {
            if (f.id.equals(t) || f.label.toLowerCase(Locale.ROOT).replace(' ', '_').replace("'", "").equals(t)) {
                return f;
            }
        }
        if (t.equals("old")) {
            return OLD_COPY;
        }
        throw new IllegalArgumentException("unknown verdict: " + text);
    }

    /** How bad the verdict is for a user who wants the new page, worst first; a key's pages take the worst. */
    int severity() {
        return switch (this) {
            case OLD_COPY -> 0;
            case CANT_TELL -> 1;
            case REFRESHING -> 2;
            case NOT_VERIFIED -> 3;
            case FRESH -> 4;
            case NOT_CACHED -> 5;
        };
    }
}
