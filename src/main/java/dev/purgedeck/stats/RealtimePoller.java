package dev.purgedeck.stats;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.purgedeck.fastly.ApiToken;
import dev.purgedeck.fastly.RetryScheduler;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Follows one service's real-time stats: the last 120 s from {@code /ts/h}, then one request at a time to
 * {@code /ts/{Timestamp}} (docs/fastly-edge.md §5.1, §5.3). Runs on the HTTP client's threads and the scheduler,
 * never the caller's; backs off on "No data" and on errors; stops for good on close or on a refusal.
 */
public final class RealtimePoller implements AutoCloseable {
    /** The API caches each answer for a second, so asking faster gains nothing. */
    static final Duration INTERVAL = Duration.ofSeconds(1);
    static final Duration ERROR_BACKOFF = Duration.ofSeconds(5);
    static final Duration MAX_NO_DATA_BACKOFF = Duration.ofSeconds(8);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** What the poller tells; called on a background thread, so a UI hops to its own thread in one place. */
    public interface Listener {
        /** The seconds before now, from {@code /ts/h}; empty when the service had no traffic. */
        void history(List<StatsSecond> seconds);

        /** New seconds, oldest first. */
        void seconds(List<StatsSecond> seconds);

        /** Something the user should read; {@code stopped} when polling ended because of it. */
        void problem(String message, boolean stopped);

        /** Closed: no request of this poller starts any more (told once, on the closing thread). */
        default void ended() {
        }
    }

    private final HttpClient http;
    private final ObjectMapper mapper;
    private final URI channel;
    private final ApiToken token;
    private final RetryScheduler scheduler;
    private final Listener listener;
    private final AtomicReference<CompletableFuture<?>> inFlight = new AtomicReference<>();
    private volatile boolean closed;
    private boolean endTold;
    private int noDataStreak;

    /**
     * @param realtimeBase e.g. {@code https://rt.fastly.com}, or the sandbox's {@code http://127.0.0.1:PORT/rt}
     */
    public RealtimePoller(HttpClient http, ObjectMapper mapper, URI realtimeBase, ApiToken token, String serviceId,
            RetryScheduler scheduler, Listener listener) {
        this.http = http;
        this.mapper = mapper;
        String base = realtimeBase.toString().replaceAll("/+$", "");
        this.channel = URI.create(base + "/v1/channel/" + URLEncoder.encode(serviceId, StandardCharsets.UTF_8)
                + "/ts/");
        this.token = token;
        this.scheduler = scheduler;
        this.listener = listener;
    }

    /** Asks for the history, then keeps following; returns at once. */
    public void start() {
        request("h", true);
    }

    /** No request starts after this returns; one on its way is abandoned. */
    @Override
    public void close() {
        CompletableFuture<?> f;
        boolean tell;
        synchronized (this) { // a request being started finishes starting first, so it is the one abandoned here
            closed = true;
            f = inFlight.getAndSet(null);
            tell = !endTold;
            endTold = true;
        }
        if (f != null) {
            f.cancel(true);
        }
        if (tell) {
            listener.ended();
        }
    }

    public boolean closed() {
        return closed;
    }

    private synchronized void request(String ts, boolean first) {
        if (closed) {
            return;
        }
        HttpRequest req = HttpRequest.newBuilder(channel.resolve(ts)).timeout(TIMEOUT)
                .header("Fastly-Key", token.secret()).header("Accept", "application/json").GET().build();
        CompletableFuture<Void> f = http.sendAsync(req, HttpResponse.BodyHandlers.ofString())
                .thenAccept(r -> answered(r, ts, first))
                .exceptionally(e -> {
                    if (!closed) {
                        listener.problem("The real-time stats could not be reached; trying again in "
                                + ERROR_BACKOFF.toSeconds() + " s.", false);
                        scheduler.schedule(ERROR_BACKOFF, () -> request(ts, first));
                    }
                    return null;
                });
        inFlight.set(f);
    }

    private void answered(HttpResponse<String> r, String ts, boolean first) {
        if (closed) {
            return;
        }
        int status = r.statusCode();
        if (status == 401 || status == 403) {
            closed = true;
            listener.problem("This token cannot read the service's real-time stats (it needs global:read or "
                    + "global scope, HTTP " + status + ").", true);
            return;
        }
        if (status == 404) {
            closed = true;
            listener.problem("No real-time stats for this service: the token does not see it (HTTP 404).", true);
            return;
        }
        StatsBatch batch;
        try {
            if (status != 200) {
                throw new IOException("HTTP " + status);
            }
            batch = StatsBatch.parse(mapper, r.body());
        } catch (IOException e) {
            listener.problem("The real-time stats answered oddly (" + token.scrub(e.getMessage())
                    + "); trying again in " + ERROR_BACKOFF.toSeconds() + " s.", false);
            scheduler.schedule(ERROR_BACKOFF, () -> request(ts, first));
            return;
        }
        String next = Long.toString(batch.timestamp());
        if (first) {
            listener.history(batch.data());
        } else if (!batch.data().isEmpty()) {
            listener.seconds(batch.data());
        }
        scheduler.schedule(nextDelay(batch.data().isEmpty()), () -> request(next, false));
    }

    /** "No data": wait longer each time, as Fastly's own exporter does, up to a few seconds. */
    private Duration nextDelay(boolean noData) {
        if (!noData) {
            noDataStreak = 0;
            return INTERVAL;
        }
        noDataStreak = Math.min(noDataStreak + 1, 4);
        Duration d = INTERVAL.multipliedBy(1L << (noDataStreak - 1));
        return d.compareTo(MAX_NO_DATA_BACKOFF) > 0 ? MAX_NO_DATA_BACKOFF : d;
    }
}
