package dev.purgedeck.fastly;

/** What a purge targets: one URL, one surrogate key, or everything on a service. */
public enum PurgeKind {
    URL, KEY, ALL;

    /** Lower-case name used in files and exports. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
