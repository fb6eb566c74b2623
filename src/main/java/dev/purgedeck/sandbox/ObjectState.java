package dev.purgedeck.sandbox;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The state of one object in the simulated edge cache. */
public enum ObjectState {
    /** Cached and served as is. */
    FRESH,
    /** Soft-purged: still cached, but marked stale so the edge revalidates it. */
    STALE,
    /** Hard-purged: no longer served from cache. */
    GONE;

    /** The lower-case name used in sandbox JSON ("fresh", "stale", "gone"). */
    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
