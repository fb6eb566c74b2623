package dev.purgedeck.fastly;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A client of a PurgeDeck sandbox's own endpoints under {@code /_sandbox/} (the simulated cache, reseeding), read
 * over HTTP like any other client, so the cache panel works for the embedded sandbox and for one running in another
 * process alike. These endpoints take no token, and none is ever sent to them.
 */
public final class SandboxAdmin {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient http;
    private final ObjectMapper mapper;
    private final URI base;

    /** @param base the sandbox's API endpoint, e.g. {@code http://127.0.0.1:4010} */
    public SandboxAdmin(HttpClient http, ObjectMapper mapper, URI base) {
        this.http = http;
        this.mapper = mapper;
        String b = base.toString();
        this.base = URI.create(b.endsWith("/") ? b.substring(0, b.length() - 1) : b);
    }

    /**
     * One object of the simulated edge cache: its URL, surrogate keys, state ("fresh", "stale" or "gone") and the
     * content version the edge holds (0 from a sandbox too old to say).
     */
    public record CachedItem(String url, List<String> surrogateKeys, String state, String lastPurgeId, int version) {
    }

    /**
     * The objects the sandbox caches for {@code serviceId}; empty when the service is not a demo service. Fails with
     * {@link FastlyApiException} when the endpoint is not a sandbox or does not answer.
     */
    public CompletableFuture<Optional<List<CachedItem>>> objects(String serviceId) {
        String path = "/_sandbox/services/" + URLEncoder.encode(serviceId, StandardCharsets.UTF_8).replace("+", "%20")
                + "/objects";
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET()).thenApply(r -> {
            if (r.statusCode() == 404) {
                return Optional.<List<CachedItem>>empty();
            }
            JsonNode body = json(r);
            List<CachedItem> items = new ArrayList<>();
            for (JsonNode o : body.path("objects")) {
                List<String> keys = new ArrayList<>();
                o.path("surrogate_keys").forEach(k -> keys.add(k.asText()));
                items.add(new CachedItem(o.path("url").asText(), List.copyOf(keys), o.path("state").asText(),
                        o.hasNonNull("last_purge_id") ? o.get("last_purge_id").asText() : null,
                        o.path("version").asInt(0)));
            }
            return Optional.of(List.copyOf(items));
        });
    }

    /** The sandbox's demo token for the whole account (scope {@code global}, every service, no expiry). */
    public CompletableFuture<ApiToken> globalToken() {
        return send(HttpRequest.newBuilder(URI.create(base + "/_sandbox/tokens")).GET()).thenApply(r -> {
            for (JsonNode t : json(r).path("tokens")) {
                boolean global = t.path("scopes").size() == 1 && "global".equals(t.path("scopes").get(0).asText());
                if (global && t.path("services").isEmpty() && t.path("expires_at").isNull()) {
                    return ApiToken.of(t.path("token").asText());
                }
            }
            throw new FastlyApiException(FastlyApiException.Kind.INVALID_RESPONSE, r.statusCode(), "No demo token",
                    "The sandbox at " + base + " lists no global demo token.", RateLimitState.UNKNOWN,
                    Optional.empty(), null);
        });
    }

    /** Puts every demo object back in the cache, fresh. */
    public CompletableFuture<Void> reseed() {
        return send(HttpRequest.newBuilder(URI.create(base + "/_sandbox/reseed"))
                .POST(HttpRequest.BodyPublishers.noBody())).thenAccept(this::json);
    }

    /**
     * Publishes a new version of the page at the demo origin, as an editor's CMS would; the edge keeps the old copy
     * until it is purged or expires. Completes with the new version number; fails with {@link FastlyApiException}
     * of kind {@code NOT_FOUND} when the demo origin has no such page.
     */
    public CompletableFuture<Integer> publish(String url) {
        String body = mapper.createObjectNode().put("url", url).toString();
        return send(HttpRequest.newBuilder(URI.create(base + "/_sandbox/publish"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))).thenApply(r -> {
                    if (r.statusCode() == 404) {
                        throw new FastlyApiException(FastlyApiException.Kind.NOT_FOUND, 404, "No such page",
                                "The demo origin has no page " + url + ".", RateLimitState.UNKNOWN, Optional.empty(),
                                null);
                    }
                    return json(r).path("version").asInt();
                });
    }

    /**
     * Sets how a purge travels to the edge and shield POPs of shielded demo services: the random seed and the
     * longest delay (zero: everywhere at once).
     */
    public CompletableFuture<Void> configureEdge(long seed, Duration maxPropagationDelay) {
        String body = mapper.createObjectNode().put("seed", seed)
                .put("max_propagation_delay_ms", maxPropagationDelay.toMillis()).toString();
        return send(HttpRequest.newBuilder(URI.create(base + "/_sandbox/edge"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body))).thenAccept(this::json);
    }

    private CompletableFuture<HttpResponse<String>> send(HttpRequest.Builder b) {
        HttpRequest request = b.timeout(TIMEOUT).header("Accept", "application/json").build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((r, e) -> {
            if (e != null) {
                throw new FastlyApiException(FastlyApiException.Kind.NETWORK, 0, "Sandbox unreachable",
                        "The sandbox at " + base + " did not answer.", RateLimitState.UNKNOWN, Optional.empty(), e);
            }
            return r;
        });
    }

    private JsonNode json(HttpResponse<String> r) {
        try {
            if (r.statusCode() / 100 == 2) {
                return mapper.readTree(r.body());
            }
        } catch (Exception e) {
            // falls through: not the sandbox's JSON
        }
        throw new FastlyApiException(FastlyApiException.Kind.INVALID_RESPONSE, r.statusCode(), "Not a sandbox",
                base + " is not a PurgeDeck sandbox (HTTP " + r.statusCode() + " from /_sandbox/).",
                RateLimitState.UNKNOWN, Optional.empty(), null);
    }
}
