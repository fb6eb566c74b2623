package dev.purgedeck.fastly;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * Any failure talking to Fastly: an error answer, a timeout, no network or an unreadable answer. Carries the HTTP
 * status (0 when there was none), Fastly's title and detail, the rate-limit state, and a message a content editor
 * understands. No message ever contains the API token.
 */
public final class FastlyApiException extends RuntimeException {
    /** The broad cause, which decides the plain-language message and whether a retry may help. */
    public enum Kind {
        BAD_REQUEST, UNAUTHORIZED, TOKEN_EXPIRED, FORBIDDEN, NOT_FOUND, RATE_LIMITED, SERVER_ERROR,
        TIMEOUT, NETWORK, INVALID_RESPONSE, HTTP_ERROR
    }

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private final Kind kind;
    private final int status;
    private final String title;
    private final String detail;
    private final transient RateLimitState rateLimit;
    private final transient Optional<Instant> retryAt;
    private volatile int attempts = 1;

    public FastlyApiException(Kind kind, int status, String title, String detail, RateLimitState rateLimit,
                              Optional<Instant> retryAt, Throwable cause) {
        super(technical(status, title, detail), cause);
        this.kind = kind;
        this.status = status;
        this.title = title == null ? "" : title;
        this.detail = detail == null ? "" : detail;
        this.rateLimit = rateLimit == null ? RateLimitState.UNKNOWN : rateLimit;
        this.retryAt = retryAt == null ? Optional.empty() : retryAt;
    }

    /** A failure with no HTTP answer (timeout, connection refused or dropped). */
    public static FastlyApiException transport(Kind kind, String what, Throwable cause) {
        return new FastlyApiException(kind, 0, what, "", RateLimitState.UNKNOWN, Optional.empty(), cause);
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status, or 0 when no answer arrived. */
    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }

    public RateLimitState rateLimit() {
        return rateLimit;
    }

    /** When a rate-limited request may be tried again (Retry-After, else Fastly-RateLimit-Reset). */
    public Optional<Instant> retryAt() {
        return retryAt;
    }

    /** How many attempts were made before giving up. */
    public int attempts() {
        return attempts;
    }

    FastlyApiException withAttempts(int n) {
        this.attempts = n;
        return this;
    }

    /** Whether trying the same request again may succeed: server errors, timeouts and network failures. */
    public boolean isTransient() {
        return kind == Kind.SERVER_ERROR || kind == Kind.TIMEOUT || kind == Kind.NETWORK;
    }

    /**
     * What to tell a user about any failure from the client: the plain message of a {@code FastlyApiException} or
     * {@code InvalidInputException} (unwrapped from a future's wrapper), else {@code fallback}.
     */
    public static String plainMessage(Throwable error, String fallback) {
        Throwable cause = RequestExecutor.unwrap(error);
        if (cause instanceof FastlyApiException f) {
            return f.userMessage();
        }
        return cause instanceof InvalidInputException i ? i.getMessage() : fallback;
    }

    /** The message shown to a content editor, in the local time zone. */
    public String userMessage() {
        return userMessage(ZoneId.systemDefault());
    }

    /** The message shown to a content editor, times given in {@code zone}. */
    public String userMessage(ZoneId zone) {
        String why = detail.isBlank() ? title : title.isBlank() ? detail : title + ": " + detail;
        return switch (kind) {
            case UNAUTHORIZED -> "Fastly did not accept the API token: it is missing, wrong or was revoked. "
                    + "Check the token in Settings.";
            case TOKEN_EXPIRED -> "The API token has expired. Create a new token in Fastly and enter it in Settings.";
            case FORBIDDEN -> "The API token is not allowed to do this. It may lack the needed scope "
                    + "(purge_select for URLs and keys, purge_all for everything) or access to this service.";
            case NOT_FOUND -> "Fastly could not find that service, or the token may not use it. Check the service ID.";
            case RATE_LIMITED -> retryAt.map(t -> "Fastly's rate limit was reached. You can purge again after "
                    + HH_MM.format(t.atZone(zone)) + ".").orElse("Fastly's rate limit was reached. Wait a while and try again.");
            case SERVER_ERROR -> "Fastly is unavailable right now (HTTP " + status + "). Try again in a moment.";
            case TIMEOUT -> "Fastly did not answer in time. Check your connection and try again.";
            case NETWORK -> "Could not reach Fastly: no network connection, or the endpoint is down. " + title;
            case INVALID_RESPONSE -> answeredOk()
                    ? "Fastly answered " + status + " but the body could not be read; the purge may have happened. "
                    + "Purging again is safe."
                    : "Fastly sent an answer PurgeDeck could not read. The purge may or may not have "
                    + "happened; purging again is safe.";
            case BAD_REQUEST -> "Fastly refused the request: " + (why.isBlank() ? "bad request" : why) + ".";
            case HTTP_ERROR -> "Fastly answered HTTP " + status + (why.isBlank() ? "." : ": " + why + ".");
        };
    }

    /**
     * An unreadable answer with a success status: Fastly most likely did purge, so the item is unconfirmed rather than
     * plainly failed.
     */
    public boolean answeredOk() {
        return kind == Kind.INVALID_RESPONSE && status >= 200 && status < 300;
    }

    private static String technical(int status, String title, String detail) {
        StringBuilder b = new StringBuilder();
        if (status > 0) {
            b.append("HTTP ").append(status).append(' ');
        }
        b.append(title == null || title.isBlank() ? "error" : title);
        if (detail != null && !detail.isBlank()) {
            b.append(" (").append(detail).append(')');
        }
        return b.toString();
    }
}
