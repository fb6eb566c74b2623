package dev.purgedeck.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

/** The demo sites' origin: every page with its current content version, which a publish raises. */
final class Origin {
    /** When version 1 of every page was published: fixed so ETags and Last-Modified are the same every run. */
    static final Instant FIRST_PUBLISHED = Instant.parse("2025-06-02T08:00:00Z");

    private record Published(int version, Instant at) {
    }

    private final Map<UrlKey, SeedObject> pages = new LinkedHashMap<>();
    private final Map<UrlKey, Published> published = new ConcurrentHashMap<>();

    Origin(Map<String, List<SeedObject>> pagesByService) {
        pagesByService.values().forEach(list -> list.forEach(p -> pages.put(UrlKey.parse(p.url()), p)));
    }

    Optional<SeedObject> page(UrlKey key) {
        return Optional.ofNullable(pages.get(key));
    }

    /** Back to version 1 of every page. */
    void reset() {
        published.clear();
    }

    /** What an editor's CMS does: a new version of the page; empty when the origin has no such page. */
    OptionalInt publish(UrlKey key, Instant now) {
        if (!pages.containsKey(key)) {
            return OptionalInt.empty();
        }
        Published next = published.merge(key, new Published(2, now), (old, n) -> new Published(old.version() + 1, now));
        return OptionalInt.of(next.version());
    }

    int version(UrlKey key) {
        return published.getOrDefault(key, new Published(1, FIRST_PUBLISHED)).version();
    }

    OriginResponse fetch(UrlKey key) {
        return fetch(key, pages.get(key));
    }

    /** Answers for a page the origin does not list itself: the simulated visitors' long tail. */
    OriginResponse fetch(UrlKey key, SeedObject page) {
        if (page == null) {
            byte[] body = ("<!DOCTYPE html>\n<html><head><title>Not found</title></head><body><h1>Not found</h1><p>"
                    + key.host() + " has no page " + key.pathAndQuery() + ".</p></body></html>\n")
                    .getBytes(StandardCharsets.UTF_8);
            return new OriginResponse(404, null, 0, FIRST_PUBLISHED, null, body, "text/html; charset=utf-8");
        }
        Published p = published.getOrDefault(key, new Published(1, FIRST_PUBLISHED));
        String etag = "\"" + sha256(page.url()).substring(0, 16) + "-v" + p.version() + "\"";
        String type = contentType(key.pathAndQuery());
        return new OriginResponse(200, page, p.version(), p.at(), etag, body(page, p, type), type);
    }

    /** The version is in the body (and the ETag), never in a header a real origin would not send. */
    private static byte[] body(SeedObject page, Published p, String type) {
        String text;
        if (type.startsWith("text/html")) {
            text = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><meta name=\"version\" content=\""
                    + p.version() + "\"><title>" + page.url() + "</title></head>\n<body><h1>" + page.url()
                    + "</h1><p>Version " + p.version() + ", published " + p.at() + ".</p></body></html>\n"
                    + "<!-- content version " + p.version() + " -->\n";
        } else if (type.startsWith("application/json")) {
            text = "{\"url\":\"" + page.url() + "\",\"version\":" + p.version() + "}\n";
        } else {
            text = "/* " + page.url() + " content version " + p.version() + " */\n";
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String contentType(String pathAndQuery) {
        int q = pathAndQuery.indexOf('?');
        String path = (q < 0 ? pathAndQuery : pathAndQuery.substring(0, q)).toLowerCase(Locale.ROOT);
        int dot = path.lastIndexOf('.');
        String ext = dot < 0 || dot < path.lastIndexOf('/') ? "" : path.substring(dot + 1);
        return switch (ext) {
            case "css" -> "text/css; charset=utf-8";
            case "js" -> "text/javascript; charset=utf-8";
            case "xml" -> "application/xml; charset=utf-8";
            case "json" -> "application/json";
            case "jpg", "jpeg" -> "image/jpeg";
            case "png" -> "image/png";
            case "webp" -> "image/webp";
            case "svg" -> "image/svg+xml";
            case "ico" -> "image/x-icon";
            default -> path.contains("/api/") || path.startsWith("/v2/") ? "application/json"
                    : "text/html; charset=utf-8";
        };
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
