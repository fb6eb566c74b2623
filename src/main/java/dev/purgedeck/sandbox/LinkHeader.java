package dev.purgedeck.sandbox;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

/** The RFC 8288 {@code Link} header Fastly sends on paginated lists (docs/fastly-api.md §10.1). */
final class LinkHeader {
    private LinkHeader() {
    }

    /** Empty when everything fits on one page; parameters sorted by name, as in the recorded fixture. */
    static String build(String base, int page, int last, int perPage, String sort, String direction) {
        StringJoiner links = new StringJoiner(", ");
        if (page < last) {
            links.add(link(base, last, perPage, sort, direction, "last"));
            links.add(link(base, page + 1, perPage, sort, direction, "next"));
        }
        if (page > 1) {
            links.add(link(base, Math.min(page - 1, last), perPage, sort, direction, "prev"));
            links.add(link(base, 1, perPage, sort, direction, "first"));
        }
        return links.toString();
    }

    private static String link(String base, int page, int perPage, String sort, String direction, String rel) {
        return "<" + base + "?direction=" + enc(direction) + "&page=" + page + "&per_page=" + perPage
                + "&sort=" + enc(sort) + ">; rel=\"" + rel + "\"";
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
