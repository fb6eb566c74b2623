package dev.purgedeck.keysets;

import java.util.Comparator;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Key set names: the one case-insensitive comparison every part of the package uses, and "(copy 2)" style naming. */
final class Names {
    static final int MAX_LENGTH = 80;
    /** Sorts by name ignoring case; the exact spelling only breaks ties, so the order is stable. */
    static final Comparator<KeySet> ORDER = Comparator.comparing((KeySet s) -> fold(s.name())).thenComparing(KeySet::name);

    private static final Pattern COPY_SUFFIX = Pattern.compile("^(.*?) \\(copy(?: \\d+)?\\)$");

    private Names() {
    }

    /**
     * The form two names are compared in. Upper- then lower-casing (rather than lower-casing alone) also matches
     * names that differ only in characters like 'ß'/'SS' or the Greek final sigma, as equalsIgnoreCase does.
     */
    static String fold(String name) {
        return name.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }

    static boolean same(String a, String b) {
        return fold(a).equals(fold(b));
    }

    /** The base a duplicate is named after: "Homepage (copy 2)" is copied as another "Homepage (copy …)". */
    static String copyBase(String name) {
        Matcher m = COPY_SUFFIX.matcher(name);
        return m.matches() && !m.group(1).isBlank() ? m.group(1) : name;
    }

    /** {@code base (word)}, then {@code base (word 2)}, … : the first that is not taken, always within 80 characters. */
    static String unique(String base, String word, Predicate<String> taken) {
        for (int n = 1; ; n++) {
            String candidate = fit(base, n == 1 ? " (" + word + ")" : " (" + word + " " + n + ")");
            if (!taken.test(candidate)) {
                return candidate;
            }
        }
    }

    /** Shortens {@code base} (never the suffix) so a long name still has room for its suffix. */
    private static String fit(String base, String suffix) {
        int room = MAX_LENGTH - suffix.codePointCount(0, suffix.length());
        if (base.codePointCount(0, base.length()) > room) {
            base = base.substring(0, base.offsetByCodePoints(0, room)).stripTrailing();
        }
        return base + suffix;
    }
}
