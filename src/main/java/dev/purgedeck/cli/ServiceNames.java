package dev.purgedeck.cli;

import dev.purgedeck.fastly.ServiceNameMatch;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How a typed service name is found among the real ones on the command line: matched as the window's
 * purge-everything confirmation does ({@link ServiceNameMatch}), case aside, with the nearest name as a hint.
 */
final class ServiceNames {
    private ServiceNames() {
    }

    /** Whether {@code typed} names {@code name}, case aside. */
    static boolean matches(String typed, String name) {
        return ServiceNameMatch.ignoringCase(typed, name);
    }

    /** The name closest to {@code typed} (by edits, case and dashes aside), for a "did you mean" hint. */
    static Optional<String> nearest(String typed, List<String> names) {
        String t = key(typed);
        return names.stream().filter(n -> n != null && !n.isBlank())
                .min(Comparator.comparingInt((String n) -> distance(t, key(n))).thenComparing(n -> n));
    }

    private static String key(String s) {
        return ServiceNameMatch.loosely(s).toLowerCase(Locale.ROOT);
    }

    /** Levenshtein distance; names are short, so two rows suffice. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] swap = prev;
            prev = cur;
            cur = swap;
        }
        return prev[b.length()];
    }
}
