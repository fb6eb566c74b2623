package dev.purgedeck.keysets;

import dev.purgedeck.fastly.Validation;

/**
 * Something in an imported file that was left out, and why.
 *
 * @param setName the set it belongs to ("" when the set has no usable name)
 * @param line    for text files the 1-based line number; for JSON the key's 1-based position in its set's
 *                {@code keys} array (JSON trees carry no line numbers); 0 when the problem concerns the set as a
 *                whole (its name or service ID) rather than one key
 * @param item    the offending value as found in the file, control characters shown as {@code \\uXXXX}
 * @param reason  a plain-language reason, e.g. "contains a space (…)"
 */
public record ImportProblem(String setName, int line, String item, String reason) {
    public ImportProblem {
        // Every source of problems gets the same treatment: what a file holds must never drive a terminal or dialog.
        setName = Validation.printable(setName);
        item = Validation.printable(item);
    }
}
