package dev.purgedeck.keysets;

import dev.purgedeck.fastly.InvalidInputException;
import dev.purgedeck.fastly.Validation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The pages that show whether a purge of keys (or of everything) worked: a key set's sample URLs and the console's
 * "Check these pages" list. Each is looked at after the purge, so the list is short and every entry a page URL.
 */
public final class SampleUrls {
    /** Each page costs a fetch per purge; a handful shows whether the purge worked. */
    public static final int MAX = 20;

    private SampleUrls() {
    }

    /** Why {@code url} cannot be a page to check, or empty when it can. */
    public static Optional<String> problem(String url) {
        return Validation.urlProblem(url);
    }

    /** Why {@code url} cannot be added to {@code pages}: not a URL, already there, or the list is full. */
    public static Optional<String> problemAdding(List<String> pages, String url) {
        Optional<String> p = problem(url);
        if (p.isPresent()) {
            return Optional.of("'" + Validation.printable(url == null ? "" : url.strip(), 80) + "' " + p.get() + ".");
        }
        if (pages.contains(normalize(url))) {
            return Optional.of("This page is already in the list.");
        }
        return pages.size() >= MAX ? Optional.of("At most " + MAX + " pages: remove one first.") : Optional.empty();
    }

    /** The page as it is fetched: normalised, and over HTTPS when typed without a scheme (as sites are served). */
    public static String normalize(String url) {
        String n = Validation.normalizeUrl(url);
        String lower = n.toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://") ? n : "https://" + n;
    }

    /** Checks a whole list: normalised, de-duplicated, at most {@link #MAX}; throws naming the first bad entry. */
    public static List<String> check(List<String> urls) {
        if (urls == null) {
            return List.of();
        }
        LinkedHashSet<String> unique = new LinkedHashSet<>();
        int position = 0;
        for (String url : urls) {
            position++;
            Optional<String> p = problem(url);
            if (p.isPresent()) {
                throw new InvalidKeySetException("Sample URL " + position + " '" + Validation.printable(
                        url == null ? "" : url, 80) + "' " + p.get() + ".");
            }
            unique.add(normalize(url));
        }
        if (unique.size() > MAX) {
            throw new InvalidKeySetException("A key set holds at most " + MAX + " sample URLs; this one has "
                    + unique.size() + ".");
        }
        return List.copyOf(new ArrayList<>(unique));
    }

    /** Normalises what passes and leaves out what does not, for lists read back from a file. */
    public static List<String> lenient(List<String> urls) {
        LinkedHashSet<String> unique = new LinkedHashSet<>();
        for (String url : urls) {
            try {
                if (unique.size() < MAX) {
                    unique.add(normalize(url));
                }
            } catch (InvalidInputException e) {
                // a damaged entry costs only itself
            }
        }
        return List.copyOf(unique);
    }
}
