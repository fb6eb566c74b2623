package dev.purgedeck.edge;

import dev.purgedeck.fastly.Validation;
import dev.purgedeck.settings.Connection;
import dev.purgedeck.settings.Endpoints;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Fetches a page the way {@code curl -H "Fastly-Debug: 1"} does and reads its cache headers into a
 * {@link PageReport}. Real pages are fetched directly (HTTPS with normal certificate checks); demo pages go through
 * the sandbox as an HTTP proxy. The request is the same either way, never carries an API token and never follows a
 * redirect, so the report describes exactly the URL given.
 */
public final class PageFetcher {
    static final int MAX_URL_LENGTH = 8192;

    private final HttpClient http;
    private final Executor executor;
    private final String userAgent;
    private final FetchLimits limits;
    private final String via;

    private PageFetcher(HttpClient.Builder builder, Executor executor, String userAgent, FetchLimits limits,
                        String via) {
        this.http = builder.executor(executor).connectTimeout(limits.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
        this.executor = executor;
        this.userAgent = userAgent;
        this.limits = limits;
        this.via = via;
    }

    /** Fetches pages from the network, for a real Fastly profile. */
    public static PageFetcher direct(String userAgent, FetchLimits limits, Executor executor) {
        return new PageFetcher(HttpClient.newBuilder(), executor, userAgent, limits, "");
    }

    /**
     * Fetches pages through the sandbox at {@code sandbox} (its loopback API address), which serves its demo sites as
     * a Fastly POP would; no name of a demo host is ever looked up.
     */
    public static PageFetcher viaSandbox(URI sandbox, String userAgent, FetchLimits limits, Executor executor) {
        int port = sandbox.getPort() > 0 ? sandbox.getPort() : 80;
        return new PageFetcher(HttpClient.newBuilder().proxy(ProxySelector.of(new InetSocketAddress(sandbox.getHost(),
                port))), executor, userAgent, limits, " (through the sandbox at " + sandbox.getAuthority() + ")");
    }

    /**
     * The fetcher for pages served where {@code connection} purges: through the sandbox for a sandbox profile, or for
     * an endpoint that is plain http on this computer (a sandbox started with {@code purgedeck sandbox}, which is
     * the only thing that speaks the Fastly API there); directly otherwise.
     */
    public static PageFetcher forConnection(Connection connection, String userAgent, FetchLimits limits,
                                            Executor executor) {
        URI endpoint = connection.endpoint();
        boolean local = "http".equalsIgnoreCase(endpoint.getScheme()) && Endpoints.isLoopback(endpoint);
        return connection.kind() == Connection.Kind.SANDBOX || local
                ? viaSandbox(endpoint, userAgent, limits, executor) : direct(userAgent, limits, executor);
    }

    /** The threads that send the requests and read the answers. */
    Executor executor() {
        return executor;
    }

    /** Whether pages go through the sandbox. */
    public boolean viaSandbox() {
        return !via.isEmpty();
    }

    /**
     * Fetches {@code url} with {@code Fastly-Debug: 1}. Never blocks: the future fails with a
     * {@link PageFetchException} whose message says in plain words what went wrong (not a web address, a host that
     * does not resolve, no answer in time, a header too large).
     */
    public CompletableFuture<PageReport> inspect(String url) {
        URI page;
        try {
            page = checked(url);
        } catch (PageFetchException e) {
            return CompletableFuture.failedFuture(e);
        }
        HttpRequest request = HttpRequest.newBuilder(target(page)).GET().timeout(limits.totalTimeout())
                .header("Fastly-Debug", "1").header("User-Agent", userAgent).header("Accept", "*/*").build();
        CompletableFuture<PageReport> result = new CompletableFuture<>();
        // Started from the executor: resolving a host name must not happen on the caller's (maybe the FX) thread.
        CompletableFuture<HttpResponse<CappedBody.Read>> sent = CompletableFuture.supplyAsync(() -> request, executor)
                .thenCompose(r -> http.sendAsync(r, info -> new CappedBody(tooLarge(info.headers()).isPresent()
                        ? 0 : limits.maxBodyBytes())));
        sent.whenComplete((response, error) -> {
            if (error != null) {
                result.completeExceptionally(FetchErrors.explain(error, page, via, limits));
                return;
            }
            Optional<String> problem = tooLarge(response.headers());
            if (problem.isPresent()) {
                result.completeExceptionally(new PageFetchException(problem.get()));
            } else {
                result.complete(DebugHeaders.parse(page, response.statusCode(), response.headers().map(),
                        response.body().bytes(), response.body().head()));
            }
        });
        // The request timeout covers the headers only; a body that trickles forever is cut here.
        result.orTimeout(limits.totalTimeout().toMillis() + 500, TimeUnit.MILLISECONDS).whenComplete((r, e) -> {
            if (e != null) {
                sent.cancel(true);
            }
        });
        return result.exceptionallyCompose(e -> CompletableFuture.failedFuture(FetchErrors.explain(e, page, via,
                limits)));
    }

    /** The URL as given, or a plain message when it is not a web page's address. */
    static URI checked(String url) {
        String text = url == null ? "" : url.strip();
        if (text.isEmpty()) {
            throw new PageFetchException("Type or paste the address of a page, e.g. https://www.example.com/news.");
        }
        if (text.length() > MAX_URL_LENGTH) {
            throw new PageFetchException("That address is " + text.length() + " characters long; PurgeDeck inspects "
                    + "addresses of up to " + MAX_URL_LENGTH + ".");
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new PageFetchException("Not a web address: " + Validation.printable(text, 80) + " ("
                    + e.getReason() + ").");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new PageFetchException("Only http:// and https:// pages can be inspected, not "
                    + Validation.printable(text, 80) + ".");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new PageFetchException("The address has no host name: " + Validation.printable(text, 80) + ".");
        }
        if (uri.getRawUserInfo() != null) {
            // It may hold a password; a page's cache state never needs one.
            throw new PageFetchException("Addresses with a user name or password cannot be inspected; remove the "
                    + "part before the @.");
        }
        return uri;
    }

    /** The sandbox speaks plain HTTP, so there an https page is asked for as http: same host, path and query. */
    private URI target(URI page) {
        String s = page.toString();
        int hash = s.indexOf('#');
        String noFragment = hash < 0 ? s : s.substring(0, hash);
        if (viaSandbox() && page.getScheme().equalsIgnoreCase("https")) {
            return URI.create("http" + noFragment.substring("https".length()));
        }
        return URI.create(noFragment);
    }

    private Optional<String> tooLarge(HttpHeaders headers) {
        long total = 0;
        for (Map.Entry<String, List<String>> e : headers.map().entrySet()) {
            for (String v : e.getValue()) {
                int line = e.getKey().length() + 2 + v.length();
                total += line;
                if (line > limits.maxHeaderLine()) {
                    return Optional.of("The server sent a header line of " + kb(line) + " (" + Validation.printable(
                            e.getKey(), 40) + "); PurgeDeck reads header lines of up to "
                            + kb(limits.maxHeaderLine()) + ", so it did not read this page.");
                }
            }
        }
        return total > limits.maxHeaderBytes() ? Optional.of("The server sent " + kb(total) + " of headers; "
                + "PurgeDeck reads up to " + kb(limits.maxHeaderBytes()) + ", so it did not read this page.")
                : Optional.empty();
    }

    private static String kb(long bytes) {
        return bytes < 1024 ? bytes + " bytes" : (bytes + 512) / 1024 + " KB";
    }
}
