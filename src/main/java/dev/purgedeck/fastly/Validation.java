package dev.purgedeck.fastly;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/** Checks URLs, surrogate keys and service IDs before anything is sent, with a plain reason for each rejection. */
public final class Validation {
    /** Fastly ignores keys longer than this many bytes. */
    public static final int MAX_KEY_BYTES = 1024;
    /**
     * The longest URL accepted, after encoding: Fastly documents 8 KB as its limit on a request URL, so a longer one
     * is never cached there, and a longer request path to the API is refused by servers on the way.
     */
    public static final int MAX_URL_CHARS = 8192;

    private static final Pattern SERVICE_ID = Pattern.compile("[A-Za-z0-9]{16,32}");
    private static final String URI_SAFE = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&'()*+,;=%";
    /** {@link #URI_SAFE} as a table by ASCII code, for the per-character loop. */
    private static final boolean[] URI_SAFE_ASCII = new boolean[0x80];

    static {
        URI_SAFE.chars().forEach(c -> URI_SAFE_ASCII[c] = true);
    }

    private Validation() {
    }

    /** Why {@code key} cannot be purged, or empty when it is a valid surrogate key. */
    public static Optional<String> keyProblem(String key) {
        if (key == null || key.isEmpty()) {
            return Optional.of("is empty");
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c == ' ') {
                return Optional.of("contains a space (keys are separated by spaces, so a key cannot hold one)");
            }
            if (c < 0x21 || c > 0x7E) {
                Optional<String> special = specialCharacter(key, i);
                if (special.isPresent()) {
                    return special;
                }
                return Optional.of(c > 0x7E && !Character.isISOControl(c) && !Character.isWhitespace(c)
                        ? "contains '" + c + "': keys may use printable ASCII characters only"
                        : "contains a control or white-space character");
            }
        }
        if (key.getBytes(StandardCharsets.US_ASCII).length > MAX_KEY_BYTES) {
            return Optional.of("is longer than " + MAX_KEY_BYTES + " bytes");
        }
        return Optional.empty();
    }

    /** Why {@code id} is not a service ID, or empty when it looks like one. */
    public static Optional<String> serviceIdProblem(String id) {
        if (id == null || id.isBlank()) {
            return Optional.of("is empty: choose a service or type its ID");
        }
        if (!SERVICE_ID.matcher(id.strip()).matches()) {
            return Optional.of("is not a service ID (16 to 32 letters and digits, like SU1Z0isxPaozGVKXdv0eY)");
        }
        return Optional.empty();
    }

    /** Why {@code url} cannot be purged, or empty when {@link #normalizeUrl} will accept it. */
    public static Optional<String> urlProblem(String url) {
        try {
            normalizeUrl(url);
            return Optional.empty();
        } catch (InvalidInputException e) {
            return Optional.of(e.issues().get(0).reason());
        }
    }

    /**
     * The URL as it will be sent: scheme kept when given (http or https), scheme-less {@code host/path} accepted,
     * characters that are not allowed raw in a URI percent-encoded as UTF-8, the query kept exactly as typed and
     * the fragment dropped.
     */
    public static String normalizeUrl(String url) {
        String raw = trimBlanks(url == null ? "" : url);
        if (raw.isEmpty()) {
            throw bad(url, "is empty");
        }
        if (raw.length() > MAX_URL_CHARS) {
            throw bad(url, "is longer than " + MAX_URL_CHARS + " characters, the most Fastly serves");
        }
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            Optional<String> special = c < 0x80 ? Optional.empty() : specialCharacter(raw, i); // all beyond ASCII
            if (special.isPresent()) {
                throw bad(url, special.get());
            }
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                // A plain space needs no code; any other is invisible or looks like one, so it is named.
                throw bad(url, "contains a space or control character" + (c == ' ' ? "" : " (" + codePoint(c) + ")"));
            }
        }
        int colon = schemeEnd(raw);
        String scheme = colon > 0 && raw.startsWith("//", colon + 1) ? raw.substring(0, colon).toLowerCase(Locale.ROOT)
                : null;
        if (scheme == null) {
            // "mailto:x" is a link of another kind; "example.com:8080/" is a host and its port.
            boolean port = colon > 0 && colon + 1 < raw.length() && isAsciiDigit(raw.charAt(colon + 1));
            if (colon > 0 && !port) {
                throw bad(url, "is a '" + raw.substring(0, colon) + ":' link: only http and https URLs can be purged");
            }
        } else if (!scheme.equals("http") && !scheme.equals("https")) {
            throw bad(url, "uses '" + scheme + "://': only http and https URLs can be purged");
        }
        int fragment = raw.indexOf('#');
        // The fragment never reaches a server, so it is not part of what Fastly caches.
        String encoded = encodeUnsafe(fragment >= 0 ? raw.substring(0, fragment) : raw);
        String host;
        try {
            host = new URI(scheme == null ? "http://" + encoded : encoded).getHost();
        } catch (URISyntaxException e) {
            throw bad(url, "is not a valid URL (" + e.getReason() + ")");
        }
        if (host == null || host.isBlank()) {
            throw bad(url, "has no host name, e.g. www.example.com/path");
        }
        if (host.startsWith("[")) {
            throw bad(url, "has an IPv6 address as its host: Fastly purges by host name, so use the site's name");
        }
        if (encoded.length() > MAX_URL_CHARS) {
            throw bad(url, "is longer than " + MAX_URL_CHARS + " characters once encoded, the most Fastly serves");
        }
        // Sent as the path of POST /purge/{url}, the URL is valid there too: in java.net.URI's grammar (RFC 2396 with
        // RFC 2732) a path takes every character an authority does but '[' and ']', which only an IPv6 host has, and
        // that is refused above; the query is the same query. One parse per URL, not two (docs/performance.md §14);
        // HostileInputFuzzTest builds the request for whatever passes.
        return encoded;
    }

    /**
     * The text without surrounding spaces and tabs (and other space separators such as U+3000). Line and paragraph
     * separators and control characters are kept, so that validation reports them rather than hiding them.
     */
    public static String trimBlanks(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isBlank(s.charAt(start))) {
            start++;
        }
        while (end > start && isBlank(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || Character.getType(c) == Character.SPACE_SEPARATOR;
    }

    /**
     * A reason for characters that mean the text was damaged on its way in, named so the user can find them: the
     * replacement character (bytes that were not valid UTF-8), a broken surrogate pair, or a line separator that is
     * not a line end here.
     */
    private static Optional<String> specialCharacter(String s, int i) {
        char c = s.charAt(i);
        if (c == '\uFFFD') {
            return Optional.of("contains U+FFFD, the mark of bytes that were not valid UTF-8 text; give the "
                    + "text in UTF-8");
        }
        if (Character.isHighSurrogate(c) ? i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))
                : Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)))) {
            return Optional.of("contains a broken character (a lone UTF-16 surrogate, " + codePoint(c) + ")");
        }
        if (c == '\u2028' || c == '\u2029' || c == '\u0085') {
            return Optional.of("contains " + codePoint(c) + ", a line separator that does not end a line here "
                    + "(lines end only at a line feed)");
        }
        return Optional.empty();
    }

    private static String codePoint(char c) {
        return String.format("U+%04X", (int) c);
    }

    /**
     * Where the scheme at the start of {@code s} ends (the index of its ':'), or -1 when it starts with none: a letter,
     * then letters, digits, '+', '-' or '.' (RFC 3986). By hand, not by a regular expression: it runs for every URL of
     * a job, and a short run would compile the expression engine for it (docs/performance.md §13).
     */
    private static int schemeEnd(String s) {
        if (s.isEmpty() || !isAsciiLetter(s.charAt(0))) {
            return -1;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ':') {
                return i;
            }
            if (!(isAsciiLetter(c) || isAsciiDigit(c) || c == '+' || c == '-' || c == '.')) {
                return -1;
            }
        }
        return -1;
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** The host of a normalised URL (scheme-less URLs are read as http). */
    public static String hostOf(String normalizedUrl) {
        return absolute(normalizedUrl).getHost();
    }

    /**
     * A normalised URL as an absolute URI, scheme-less ones read as http. Whether it has a scheme is decided at its
     * start only: {@code example.com/?next=https://x} has none.
     */
    public static URI absolute(String normalizedUrl) {
        int colon = schemeEnd(normalizedUrl);
        boolean hasScheme = colon > 0 && normalizedUrl.startsWith("//", colon + 1);
        return URI.create(hasScheme ? normalizedUrl : "http://" + normalizedUrl);
    }

    /** Validates every key, returning them de-duplicated in first-seen order, or throws naming each bad one. */
    public static List<String> requireKeys(Collection<String> keys) {
        return requireAll(keys, Validation::keyProblem, UnaryOperator.identity(), "No surrogate keys were given.");
    }

    /** Validates every URL, returning them normalised and de-duplicated in order, or throws naming each bad one. */
    public static List<String> requireUrls(Collection<String> urls) {
        // normalizeUrl says what is wrong itself: one pass per URL, not a check and then the same work again.
        return requireAll(urls, u -> Optional.empty(), Validation::normalizeUrl, "No URLs were given.");
    }

    private static List<String> requireAll(Collection<String> items, Function<String, Optional<String>> problem,
                                           UnaryOperator<String> normalize, String whenEmpty) {
        if (items == null || items.isEmpty()) {
            throw new InvalidInputException(whenEmpty);
        }
        List<ValidationIssue> issues = new ArrayList<>();
        LinkedHashSet<String> unique = new LinkedHashSet<>();
        int i = 0;
        for (String item : items) {
            int index = i++;
            try {
                problem.apply(item).ifPresentOrElse(r -> issues.add(new ValidationIssue(index, item, r)),
                        () -> unique.add(normalize.apply(item)));
            } catch (InvalidInputException e) {
                issues.add(new ValidationIssue(index, item, e.issues().get(0).reason()));
            }
        }
        if (!issues.isEmpty()) {
            throw new InvalidInputException(issues);
        }
        return List.copyOf(unique);
    }

    /** Validates a service ID, returning it trimmed, or throws. */
    public static String requireServiceId(String id) {
        Optional<String> problem = serviceIdProblem(id);
        if (problem.isPresent()) {
            throw new InvalidInputException(List.of(new ValidationIssue(-1, id == null ? "" : id, "service ID " + problem.get())));
        }
        return id.strip();
    }

    /** Shows control characters visibly so a message never hides what was wrong; values over 120 characters are cut. */
    public static String printable(String s) {
        return printable(s, 120);
    }

    /**
     * {@code s} safe to print on a terminal or in a dialog: control characters, line separators, bidi overrides and
     * other invisible format characters, and broken surrogates shown as {@code \\uXXXX}, so that stored or typed text
     * can never move the cursor, recolour the screen or reorder what is shown; cut with "…" after {@code max} code
     * points.
     */
    public static String printable(String s, int max) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(Math.min(s.length(), max + 8));
        int count = 0;
        for (int i = 0; i < s.length(); ) {
            if (count++ == max) {
                return b.append('…').toString();
            }
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (Character.isISOControl(cp) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE) {
                b.append(String.format("\\u%04x", cp));
            } else {
                b.appendCodePoint(cp);
            }
        }
        return b.toString();
    }

    private static String encodeUnsafe(String raw) {
        if (needsNoEscape(raw)) {
            return raw; // the usual URL: nothing to build
        }
        StringBuilder b = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            boolean validEscape = c == '%' && i + 2 < raw.length() && isHex(raw.charAt(i + 1)) && isHex(raw.charAt(i + 2));
            if (c < 0x80 && URI_SAFE_ASCII[c] && (c != '%' || validEscape)) {
                b.append(c);
            } else {
                int end = Character.isHighSurrogate(c) && i + 1 < raw.length() ? i + 2 : i + 1;
                for (byte x : raw.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                    b.append('%').append(String.format("%02X", x & 0xFF));
                }
                i = end - 1;
            }
        }
        return b.toString();
    }

    /** Whether {@link #encodeUnsafe} would give {@code raw} back unchanged. */
    private static boolean needsNoEscape(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= 0x80 || !URI_SAFE_ASCII[c]
                    || c == '%' && !(i + 2 < raw.length() && isHex(raw.charAt(i + 1)) && isHex(raw.charAt(i + 2)))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }

    private static InvalidInputException bad(String item, String reason) {
        return new InvalidInputException(List.of(new ValidationIssue(-1, item == null ? "" : item, reason)));
    }
}
