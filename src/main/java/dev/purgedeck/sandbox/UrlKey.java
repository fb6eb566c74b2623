package dev.purgedeck.sandbox;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What Fastly's default cache key is made of: host plus path plus query, without the scheme (docs/fastly-api.md §3c),
 * so purging {@code http://x/a} also purges {@code https://x/a}.
 */
record UrlKey(String host, String pathAndQuery) {
    private static final Pattern SCHEME = Pattern.compile("^(?i)https?:/{1,2}");

    /** Parses {@code https://host/path?q}, {@code http://host/path} or scheme-less {@code host/path}. */
    static UrlKey parse(String url) {
        String rest = SCHEME.matcher(url).replaceFirst("");
        int cut = indexOfPathOrQuery(rest);
        String host = cut < 0 ? rest : rest.substring(0, cut);
        String tail = cut < 0 ? "/" : rest.substring(cut);
        if (tail.startsWith("?")) {
            tail = "/" + tail;
        }
        return new UrlKey(normalizeHost(host), tail);
    }

    /** Host names compare case-insensitively and default ports are not part of the Host header. */
    static String normalizeHost(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.endsWith(":80")) {
            return h.substring(0, h.length() - 3);
        }
        if (h.endsWith(":443")) {
            return h.substring(0, h.length() - 4);
        }
        return h;
    }

    private static int indexOfPathOrQuery(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '/' || c == '?') {
                return i;
            }
        }
        return -1;
    }
}
