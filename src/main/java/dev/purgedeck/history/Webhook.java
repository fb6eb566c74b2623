package dev.purgedeck.history;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Posts a team notice to an incoming-webhook URL. Asynchronous and bounded by a timeout, and it never fails: the
 * future holds a plain reason when the notice was not delivered, so a purge is never blocked or failed by it.
 */
public final class Webhook {
    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http;
    private final Duration timeout;

    public Webhook(HttpClient http, Duration timeout) {
        this.http = http;
        this.timeout = timeout;
    }

    /** A sender with a client of its own that never follows a redirect (a redirect could carry the notice off). */
    public static Webhook withOwnClient() {
        return new Webhook(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build(), TIMEOUT);
    }

    /** An error message for a URL that cannot be a webhook, empty when it may be used. */
    public static Optional<String> problem(String url) {
        URI u;
        try {
            u = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            return Optional.of("The webhook address is not a valid URL.");
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        String host = u.getHost() == null ? "" : u.getHost();
        boolean loopback = host.equals("127.0.0.1") || host.equals("localhost") || host.equals("[::1]");
        if (host.isEmpty() || !(scheme.equals("https") || scheme.equals("http") && loopback)) {
            // The address carries the channel's secret: it only travels encrypted, except to this computer.
            return Optional.of("The webhook address must start with https:// (http:// only for this computer).");
        }
        return Optional.empty();
    }

    /** Empty when the hook took the notice (2xx); otherwise why not, never naming the URL (it is a secret). */
    public CompletableFuture<Optional<String>> send(String url, String json) {
        Optional<String> bad = problem(url);
        if (bad.isPresent()) {
            return CompletableFuture.completedFuture(Optional.of("Team notice not sent: " + bad.get()));
        }
        HttpRequest req = HttpRequest.newBuilder(URI.create(url.strip())).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return http.sendAsync(req, HttpResponse.BodyHandlers.discarding()).handle((r, e) -> {
            if (e == null && r.statusCode() / 100 == 2) {
                return Optional.<String>empty();
            }
            if (e == null) {
                return Optional.of("Team notice not sent: the webhook answered HTTP " + r.statusCode() + ".");
            }
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            String waited = timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
            return Optional.of("Team notice not sent: " + (cause instanceof HttpTimeoutException
                    ? "the webhook did not answer within " + waited + "."
                    : "the webhook could not be reached (" + cause.getClass().getSimpleName() + ")."));
        });
    }
}
