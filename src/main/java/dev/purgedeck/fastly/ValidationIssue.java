package dev.purgedeck.fastly;

/**
 * One rejected input item.
 *
 * @param index  zero-based position of the item in what the user gave (line or chip), or -1 for a single value
 * @param item   the item as typed
 * @param reason a plain-language reason, e.g. "contains a space"
 */
public record ValidationIssue(int index, String item, String reason) {
    /** "line 3: 'ftp://x' — only http and https URLs can be purged" style text. */
    public String describe() {
        String where = index >= 0 ? "item " + (index + 1) + ": " : "";
        return where + "'" + Validation.printable(item) + "' " + reason;
    }
}
