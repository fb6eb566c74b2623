package dev.purgedeck.history;

import java.util.Locale;

/**
 * A case-insensitive substring test that allocates nothing per entry, so a filter over a million entries stays
 * well under the 200 ms the UI can spend. It finds candidates with {@link String#indexOf(int, int)} (vectorised by
 * the JVM) for the needle's first character in either case and compares the rest only there. Texts shared by many
 * entries (job ID, service name, error) are interned, so the last answer for each is remembered by identity.
 * Not thread-safe: use one per thread ({@link #copy}).
 */
final class TextMatch {
    private final String needle;
    private final char lower;
    private final char upper;
    private final char lower2;
    private final char upper2;
    private final boolean hasLetters;
    private final boolean asciiFirst;
    private final String[] lastText = new String[3];
    private final boolean[] lastAnswer = new boolean[3];

    private TextMatch(String needle) {
        this.needle = needle;
        char first = needle.charAt(0);
        this.lower = Character.toLowerCase(first);
        this.upper = Character.toUpperCase(first);
        char second = needle.length() > 1 ? needle.charAt(1) : 0;
        this.lower2 = Character.toLowerCase(second);
        this.upper2 = Character.toUpperCase(second);
        // Outside ASCII, case mapping has odd pairs (e.g. the Kelvin sign); those needles compare at every position.
        this.asciiFirst = first < 128;
        this.hasLetters = needle.chars().anyMatch(c -> Character.toUpperCase(c) != c || Character.toLowerCase(c) != c);
    }

    /** The matcher for {@code text}, or null when there is nothing to match. */
    static TextMatch of(String text) {
        return text == null || text.isEmpty() ? null : new TextMatch(text.toLowerCase(Locale.ROOT));
    }

    /** A fresh matcher for the same text, for another thread. */
    TextMatch copy() {
        return new TextMatch(needle);
    }

    /** {@link #in} for a text many entries share; {@code slot} tells the kinds of text apart (0 to 2). */
    boolean inShared(int slot, String hay) {
        if (hay == lastText[slot] && hay != null) {
            return lastAnswer[slot];
        }
        boolean answer = in(hay);
        lastText[slot] = hay;
        lastAnswer[slot] = answer;
        return answer;
    }

    boolean in(String hay) {
        if (hay == null) {
            return false;
        }
        int m = needle.length();
        int last = hay.length() - m;
        if (last < 0) {
            return false;
        }
        if (!hasLetters) {
            return hay.indexOf(needle) >= 0; // nothing to fold: the JVM's own substring search
        }
        if (!asciiFirst) {
            for (int i = 0; i <= last; i++) {
                if (hay.regionMatches(true, i, needle, 0, m)) {
                    return true;
                }
            }
            return false;
        }
        int a = hay.indexOf(lower);
        int b = lower == upper ? -1 : hay.indexOf(upper);
        while (a >= 0 || b >= 0) {
            int i = a < 0 ? b : b < 0 ? a : Math.min(a, b);
            if (i > last) {
                return false;
            }
            // The second character rules out most candidates before the costlier case-folding comparison.
            char c2 = m > 1 ? hay.charAt(i + 1) : 0;
            if ((c2 == lower2 || c2 == upper2 || m == 1 || c2 >= 128)
                    && hay.regionMatches(true, i + 1, needle, 1, m - 1)) {
                return true;
            }
            if (i == a) {
                a = hay.indexOf(lower, i + 1);
            } else {
                b = hay.indexOf(upper, i + 1);
            }
        }
        return false;
    }
}
