package dev.purgedeck.fastly;

import com.fasterxml.jackson.databind.JsonNode;
import dev.purgedeck.files.JsonTrees;
import dev.purgedeck.files.Logs;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The asynchronous Fastly purge client. Every operation validates its input first, returns a
 * {@link CompletableFuture} at once and never blocks the caller; failures arrive as {@link FastlyApiException} or,
 * for bad input, {@link InvalidInputException}.
 */
public final class FastlyClient {
    /** Bounds a huge log to its newest 1,000 purge-alls: History shows recent work, not the whole year. */
    public static final int MAX_EVENT_PAGES = 10;
    private static final System.Logger LOG = Logs.of(FastlyClient.class);
    private static final int SERVICES_PER_PAGE = 100;
    private static final int EVENTS_PER_PAGE = 100;

    private final ClientConfig config;
    private final RequestExecutor executor;
    private final RequestExecutor edgeExecutor;
    private final AtomicReference<RateLimitState> rateLimit = new AtomicReference<>(RateLimitState.UNKNOWN);
    private final List<Consumer<RateLimitWait>> waitListeners = new CopyOnWriteArrayList<>();

    /** A client using {@code http} for both API calls and {@code PURGE}-method requests. */
    public FastlyClient(HttpClient http, ClientConfig config) {
        this(http, http, config, Clock.systemUTC());
    }

    /**
     * @param http     the client for API calls
     * @param edgeHttp the client for {@code PURGE}-method requests sent to a site itself (the sandbox configures it as
     *                 an HTTP proxy for its demo sites)
     */
    public FastlyClient(HttpClient http, HttpClient edgeHttp, ClientConfig config, Clock clock) {
        this(http, edgeHttp, config, clock, RetryScheduler.REAL);
    }

    /** @param scheduler when retries and rate-limit waits end: real time in the app, the test's say in tests */
    public FastlyClient(HttpClient http, HttpClient edgeHttp, ClientConfig config, Clock clock,
                        RetryScheduler scheduler) {
        this.config = config;
        ErrorBodyParser errors = new ErrorBodyParser(clock);
        // One method reference for both: the class-data archive keeps one lambda class per place it was made.
        Consumer<RateLimitWait> waits = this::waiting;
        this.executor = new RequestExecutor(http, errors, clock, rateLimit::set, scheduler, waits);
        this.edgeExecutor = new RequestExecutor(edgeHttp, errors, clock, s -> { }, scheduler, waits);
    }

    /**
     * Tells {@code listener} of every pause a 429 causes, on the client's threads, until the returned handle runs.
     * The rate limit is the account's, not one request's, so a job hears every pause while it runs.
     */
    public Runnable onRateLimitWait(Consumer<RateLimitWait> listener) {
        waitListeners.add(listener);
        return () -> waitListeners.remove(listener);
    }

    private void waiting(RateLimitWait wait) {
        for (Consumer<RateLimitWait> l : waitListeners) {
            try {
                l.accept(wait);
            } catch (RuntimeException e) {
                // A faulty listener must not stop the request from being retried.
                System.getLogger(FastlyClient.class.getName()).log(System.Logger.Level.WARNING, "Wait listener failed", e);
            }
        }
    }

    public ClientConfig config() {
        return config;
    }

    /** The rate-limit state from Fastly's most recent answer that carried one. */
    public RateLimitState rateLimit() {
        return rateLimit.get();
    }

    /** Purges one URL through {@code POST /purge/{url}}, keeping the scheme and query as given. */
    public CompletableFuture<PurgeResponse> purgeUrl(String url, PurgeOptions options) {
        return start(() -> {
            requireProduction(options, "URL purges");
            String target = Validation.normalizeUrl(url);
            HttpRequest req = request("/purge/" + target, options).POST(HttpRequest.BodyPublishers.noBody()).build();
            return mapCancellable(executor.send(req, config.retry(), config.token()), r -> purgeResponse(target, r));
        });
    }

    /**
     * Purges one URL by sending the {@code PURGE} method to the URL itself. The token is sent only when
     * {@code sendToken} is true, because the host may not be Fastly.
     */
    public CompletableFuture<PurgeResponse> purgeUrlAtEdge(String url, PurgeOptions options, boolean sendToken) {
        return start(() -> {
            requireProduction(options, "URL purges");
            String target = Validation.normalizeUrl(url);
            URI uri = Validation.absolute(target);
            HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(config.requestTimeout())
                    .header("User-Agent", config.userAgent()).header("Accept", "application/json")
                    .method("PURGE", HttpRequest.BodyPublishers.noBody());
            if (options.soft()) {
                b.header("Fastly-Soft-Purge", "1");
            }
            ApiToken token = sendToken ? config.token() : null;
            if (token != null) {
                b.header("Fastly-Key", token.secret());
            }
            return mapCancellable(edgeExecutor.send(b.build(), config.retry(), token), r -> purgeResponse(target, r));
        });
    }

    /** Purges at most 256 surrogate keys in one request to the batch endpoint, with the keys in a JSON body. */
    public CompletableFuture<KeyBatchResponse> purgeKeyBatch(String serviceId, List<String> keys, PurgeOptions options) {
        return start(() -> {
            String service = Validation.requireServiceId(serviceId);
            List<String> unique = Validation.requireKeys(keys);
            if (unique.size() > KeyBatcher.MAX_KEYS_PER_REQUEST) {
                throw new InvalidInputException("A batch holds at most " + KeyBatcher.MAX_KEYS_PER_REQUEST
                        + " keys; use purgeKeys or the bulk runner for more.");
            }
            byte[] body = JsonReaders.keyBatchBody(unique);
            HttpRequest req = request("/service/" + service + "/purge", options)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            return mapCancellable(executor.send(req, config.retry(), config.token()), r -> keyBatch(unique, r));
        });
    }

    /**
     * Purges any number of keys: de-duplicated in order, split into batches of 256 sent one after another. For
     * progress, concurrency and cancellation use {@link BulkPurgeRunner}.
     */
    public CompletableFuture<List<KeyBatchResponse>> purgeKeys(String serviceId, Collection<String> keys, PurgeOptions options) {
        return start(() -> {
            Validation.requireServiceId(serviceId);
            List<List<String>> batches = KeyBatcher.batches(Validation.requireKeys(keys));
            CompletableFuture<List<KeyBatchResponse>> chain = CompletableFuture.completedFuture(new ArrayList<>());
            for (List<String> batch : batches) {
                chain = chain.thenCompose(done -> purgeKeyBatch(serviceId, batch, options).thenApply(r -> {
                    done.add(r);
                    return done;
                }));
            }
            return chain.thenApply(List::copyOf);
        });
    }

    /** Purges everything on a service. Never soft: a soft request is refused before anything is sent. */
    public CompletableFuture<PurgeResponse> purgeAll(String serviceId, PurgeOptions options) {
        return start(() -> {
            if (options.soft()) {
                throw new InvalidInputException("A purge-all cannot be soft: Fastly always removes everything at once. "
                        + "Turn soft purge off, or soft-purge a surrogate key that every object carries (such as \"all\").");
            }
            String service = Validation.requireServiceId(serviceId);
            HttpRequest req = request("/service/" + service + "/purge_all", options)
                    .POST(HttpRequest.BodyPublishers.noBody()).build();
            return mapCancellable(executor.send(req, config.retry(), config.token()), r -> purgeResponse(service, r));
        });
    }

    /** Lists every service the token can see, following {@code Link: rel="next"} pages to the end. */
    public CompletableFuture<List<ServiceInfo>> listServices() {
        String first = "/service?page=1&per_page=" + SERVICES_PER_PAGE + "&sort=created&direction=ascend";
        return servicePage(first, new ArrayList<>()).thenApply(List::copyOf);
    }

    /** One service by its ID ({@code GET /service/{id}}): its name in one request, however many the account has. */
    public CompletableFuture<ServiceInfo> service(String serviceId) {
        return start(() -> get("/service/" + Validation.requireServiceId(serviceId))
                .thenApply(r -> JsonReaders.service(read(r))));
    }

    /**
     * The host names the service's active version serves ({@code active_version.domains[].name} of
     * {@code GET /service/{id}/details}, docs/fastly-edge.md §3); empty when no version is active.
     */
    public CompletableFuture<List<String>> activeDomains(String serviceId) {
        return start(() -> get("/service/" + Validation.requireServiceId(serviceId)
                + "/details?filter%5Bversions.active%5D=true").thenApply(r -> JsonReaders.domains(read(r))));
    }

    /** Reads what the token may do: {@code /tokens/self} (owner named by {@code /current_user} when allowed), falling
     * back to {@code /current_user} alone as the Fastly CLI does. */
    public CompletableFuture<TokenInfo> readToken() {
        return start(() -> get("/tokens/self").thenApply(r -> JsonReaders.token(read(r)))
                .thenCompose(this::withUserLogin)
                .exceptionallyCompose(first -> get("/current_user")
                        .thenApply(r -> JsonReaders.user(read(r)))
                        .exceptionallyCompose(second -> CompletableFuture.failedFuture(RequestExecutor.unwrap(first)))));
    }

    /** Names the owner by login when the token may read the user; scoped tokens often may not, which is fine. */
    private CompletableFuture<TokenInfo> withUserLogin(TokenInfo token) {
        return get("/current_user").thenApply(r -> {
            String login = JsonReaders.user(read(r)).owner();
            return login.isBlank() ? token : token.withOwner(login);
        }).exceptionally(e -> token);
    }

    /**
     * The purge-alls in Fastly's event log since {@code since}, newest first, at most {@link #MAX_EVENT_PAGES} pages
     * (docs/fastly-api.md §20). Fails with a 401/403/404 {@link FastlyApiException} when the token may not read it.
     */
    public CompletableFuture<List<FastlyEvent>> purgeAllEvents(Instant since) {
        return purgeAllEvents(since, null, null);
    }

    /**
     * As {@link #purgeAllEvents(Instant)}, up to and including {@code until} and of service {@code serviceId} (each
     * null for no limit), filtered by Fastly ({@code filter[created_at][lte]}, {@code filter[service_id]}).
     */
    public CompletableFuture<List<FastlyEvent>> purgeAllEvents(Instant since, Instant until, String serviceId) {
        String first = "/events?filter%5Bevent_type%5D=service.purge_all&filter%5Bcreated_at%5D%5Bgte%5D=" + since
                + (until == null ? "" : "&filter%5Bcreated_at%5D%5Blte%5D=" + until)
                + (serviceId == null ? "" : "&filter%5Bservice_id%5D=" + Validation.requireServiceId(serviceId))
                + "&sort=-created_at&page%5Bsize%5D=" + EVENTS_PER_PAGE;
        return start(() -> eventPage(first, new ArrayList<>(), 1)).thenApply(List::copyOf);
    }

    private CompletableFuture<List<FastlyEvent>> eventPage(String pathAndQuery, List<FastlyEvent> acc, int page) {
        return get(pathAndQuery).thenCompose(r -> {
            JsonNode body = read(r);
            for (JsonNode e : body.path("data")) {
                FastlyEvent event = JsonReaders.event(e);
                if (event != null) {
                    acc.add(event);
                }
            }
            String next = body.path("links").path("next").asText("");
            return next.isEmpty() || page >= MAX_EVENT_PAGES ? CompletableFuture.completedFuture(acc)
                    : eventPage(sameOrigin(next.replace("[", "%5B").replace("]", "%5D")), acc, page + 1);
        });
    }

    private CompletableFuture<List<ServiceInfo>> servicePage(String pathAndQuery, List<ServiceInfo> acc) {
        return get(pathAndQuery).thenCompose(r -> {
            for (JsonNode s : read(r)) {
                acc.add(JsonReaders.service(s));
            }
            return LinkHeader.next(r.http().headers())
                    .map(next -> servicePage(sameOrigin(next), acc))
                    .orElseGet(() -> CompletableFuture.completedFuture(acc));
        });
    }

    /** Follows a Link target only on our own endpoint, so the token never goes to a host the user did not choose. */
    private static String sameOrigin(String link) {
        URI u = URI.create(link);
        return (u.getRawPath() == null ? "" : u.getRawPath()) + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
    }

    private CompletableFuture<ApiResponse> get(String pathAndQuery) {
        HttpRequest req = request(pathAndQuery, PurgeOptions.HARD).GET().build();
        return executor.send(req, config.retry(), config.token());
    }

    private HttpRequest.Builder request(String pathAndQuery, PurgeOptions options) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(config.endpoint() + pathAndQuery))
                .timeout(config.requestTimeout())
                .header("User-Agent", config.userAgent())
                .header("Accept", "application/json");
        if (config.token() != null) {
            b.header("Fastly-Key", config.token().secret());
        }
        if (options.soft()) {
            b.header("Fastly-Soft-Purge", "1");
        }
        if (options.environment() == PurgeOptions.Environment.STAGING) {
            b.header("Fastly-Purge-Environment", "staging");
        }
        return b;
    }

    private PurgeResponse purgeResponse(String target, ApiResponse r) {
        String id;
        try {
            // A stream, not a tree: this runs once per URL of a job (docs/performance.md §7).
            id = JsonReaders.purgeId(JsonTrees.factory(), r.http().body());
        } catch (IOException | RuntimeException e) {
            throw unreadable(r);
        }
        LOG.log(System.Logger.Level.DEBUG, "Purged {0}: status {1}, purge ID {2}", target, r.http().statusCode(), id);
        return new PurgeResponse(target, id, r.http().statusCode(), r.attempts(), r.elapsed());
    }

    private KeyBatchResponse keyBatch(List<String> keys, ApiResponse r) {
        JsonNode body = read(r);
        Map<String, String> ids = new LinkedHashMap<>();
        for (String key : keys) {
            JsonNode id = body.get(key);
            if (id != null && id.isValueNode()) {
                ids.put(key, id.asText());
            }
        }
        LOG.log(System.Logger.Level.DEBUG, "Purged {0} keys ({1} purge IDs returned)", keys.size(), ids.size());
        return new KeyBatchResponse(keys, Map.copyOf(ids), r.http().statusCode(), r.attempts(), r.elapsed());
    }

    private JsonNode read(ApiResponse r) {
        try {
            JsonNode node = JsonTrees.read(r.http().body());
            if (node == null || node.isMissingNode()) {
                throw new IllegalStateException("empty body");
            }
            return node;
        } catch (Exception e) {
            throw unreadable(r);
        }
    }

    private static FastlyApiException unreadable(ApiResponse r) {
        return new FastlyApiException(FastlyApiException.Kind.INVALID_RESPONSE, r.http().statusCode(),
                "Unreadable answer", "The body is not valid JSON.", RateLimitState.UNKNOWN,
                java.util.Optional.empty(), null).withAttempts(r.attempts());
    }

    private static void requireProduction(PurgeOptions options, String what) {
        if (options.environment() == PurgeOptions.Environment.STAGING) {
            throw new InvalidInputException("Staging is not available for " + what + ": Fastly purges a URL on staging "
                    + "only when the request is sent to the service's staging IP address. Use a surrogate key instead.");
        }
    }

    /** Like {@code thenApply}, but cancelling the result also cancels {@code source}: the request and its retries. */
    private static <T, U> CompletableFuture<U> mapCancellable(CompletableFuture<T> source, java.util.function.Function<T, U> fn) {
        CompletableFuture<U> mapped = source.thenApply(fn);
        mapped.whenComplete((v, e) -> {
            if (mapped.isCancelled()) {
                source.cancel(true);
            }
        });
        return mapped;
    }

    /** Runs the validation and set-up synchronously but reports every failure through the future, never by throwing. */
    private static <T> CompletableFuture<T> start(ThrowingSupplier<CompletableFuture<T>> body) {
        try {
            return body.get();
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @FunctionalInterface
    private interface ThrowingSupplier<T> {
        T get() throws Exception;
    }
}
