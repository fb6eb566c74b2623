package dev.purgedeck.ui.controls;

import java.util.Objects;

/**
 * One surrogate key as the user entered it, with the reason it cannot be purged ({@code problem}) or null when valid.
 */
public record KeyEntry(String key, String problem) {

    public KeyEntry {
        Objects.requireNonNull(key, "key");
    }

    /** Whether this key will be sent. */
    public boolean valid() {
        return problem == null;
    }
}
