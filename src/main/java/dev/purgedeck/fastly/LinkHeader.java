package dev.purgedeck.fastly;

import java.net.http.HttpHeaders;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the {@code rel="next"} target from RFC 8288 {@code Link} headers, as Fastly uses for service pages. */
final class LinkHeader {
    private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*((?:;\\s*[^;,]+)*)");

    private LinkHeader() {
    }

    static Optional<String> next(HttpHeaders headers) {
        for (String value : headers.allValues("Link")) {
            Matcher m = LINK.matcher(value);
            while (m.find()) {
                if (m.group(2).matches("(?s).*rel\\s*=\\s*\"?next\"?.*")) {
                    return Optional.of(m.group(1));
                }
            }
        }
        return Optional.empty();
    }
}
