package dev.purgedeck.keysets;

/** What to do with an imported key set whose name is already taken. */
public enum Conflict {
    /** The imported set takes the place of the existing one (which keeps its created time). */
    REPLACE,
    /** The imported set is added as "Name (imported)", "Name (imported 2)", … */
    RENAME,
    /** The imported set is left out. */
    SKIP
}
