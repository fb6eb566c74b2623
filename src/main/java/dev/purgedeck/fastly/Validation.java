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

    private static final Pattern SCHEME_WITH_SLASHES = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*)://");
    private static final Pattern OTHER_SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):(?!\\d)");
    private static final Pattern SERVICE_ID = Pattern.compile("[A-Za-z0-9]{16,32}");
    private static final String URI_SAFE = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&'()*+,;=%";

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
                return Optional.of(c > 0x7E && !Character.isISOControl(c)
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
        String raw = url == null ? "" : url.strip();
        if (raw.isEmpty()) {
            throw bad(url, "is empty");
        }
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                throw bad(url, "contains a space or control character");
            }
        }
        var withSlashes = SCHEME_WITH_SLASHES.matcher(raw);
        String scheme = withSlashes.find() ? withSlashes.group(1).toLowerCase(Locale.ROOT) : null;
        if (scheme == null) {
            var other = OTHER_SCHEME.matcher(raw);
            if (other.find()) {
                throw bad(url, "is a '" + other.group(1) + ":' link: only http and https URLs can be purged");
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
        return encoded;
    }

    /** The host of a normalised URL (scheme-less URLs are read as http). */
    public static String hostOf(String normalizedUrl) {
        String full = SCHEME_WITH_SLASHES.matcher(normalizedUrl).find() ? normalizedUrl : "http://" + normalizedUrl;
        return URI.create(full).getHost();
    }

    /** Validates every key, returning them de-duplicated in first-seen order, or throws naming each bad one. */
    public static List<String> requireKeys(Collection<String> keys) {
        return requireAll(keys, Validation::keyProblem, UnaryOperator.identity(), "No surrogate keys were given.");
    }

    /** Validates every URL, returning them normalised and de-duplicated in order, or throws naming each bad one. */
    public static List<String> requireUrls(Collection<String> urls) {
        return requireAll(urls, Validation::urlProblem, Validation::normalizeUrl, "No URLs were given.");
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
            problem.apply(item).ifPresentOrElse(r -> issues.add(new ValidationIssue(index, item, r)),
                    () -> unique.add(normalize.apply(item)));
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
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        s.codePoints().limit(120).forEach(cp -> {
            if (Character.isISOControl(cp)) {
                b.append(String.format("\\u%04x", cp));
            } else {
                b.appendCodePoint(cp);
            }
        });
        return s.codePointCount(0, s.length()) > 120 ? b + "…" : b.toString();
    }

    private static String encodeUnsafe(String raw) {
        StringBuilder b = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            boolean validEscape = c == '%' && i + 2 < raw.length() && isHex(raw.charAt(i + 1)) && isHex(raw.charAt(i + 2));
            if (c < 0x80 && URI_SAFE.indexOf(c) >= 0 && (c != '%' || validEscape)) {
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

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }

    private static InvalidInputException bad(String item, String reason) {
        return new InvalidInputException(List.of(new ValidationIssue(-1, item == null ? "" : item, reason)));
    }
}
