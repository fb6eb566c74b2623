package dev.purgedeck.fastly;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * An HTTP client for the command line's purges: plain HTTP/1.1 on kept-alive blocking sockets (TLS on the JDK's
 * SSLSocket, with the JDK client's trust, parameters and host-name verification), one thread of {@code executor}
 * per request in flight. The JDK client's machinery costs about a millisecond of CPU per request, more than the rest
 * of a purge (docs/performance.md §7). Everything this class does not handle itself (a proxy, redirects, an
 * authenticator, cookies, a streamed body, HTTP/2 push) goes to the JDK client it wraps, unchanged.
 */
public final class LeanHttpClient extends HttpClient {
    private static final int MAX_BUFFERED_REQUEST_BODY = 1024 * 1024;
    private static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);
    /** An idle kept-alive connection older than this is closed, not reused: servers drop them after a while. */
    private static final long MAX_IDLE_NANOS = Duration.ofSeconds(30).toNanos();

    /**
     * A constant, not a lambda at its call site, which the request threads would reach together
     * (docs/performance.md §13).
     */
    private static final Function<String, ConcurrentLinkedDeque<LeanConnection>> NEW_POOL =
            origin -> new ConcurrentLinkedDeque<>();

    /** In a request's slot for its connection once the request is cancelled: no connection may be put there. */
    private static final Object CANCELLED = new Object();

    /** For tests: socket options a network would impose (a small send buffer), set before each connect. */
    volatile LeanConnection.Claim beforeConnect = s -> { };
    private final Supplier<HttpClient> build;
    private final Executor executor;
    private final Optional<Duration> connectTimeout;
    private final Optional<ProxySelector> proxy;
    private final boolean jdkOnly;
    private final Map<String, ConcurrentLinkedDeque<LeanConnection>> idle = new ConcurrentHashMap<>();
    private final AtomicLong leanRequests = new AtomicLong();
    private volatile HttpClient jdk;
    private volatile SSLContext tls;
    private volatile SSLParameters tlsParameters;
    private volatile SystemProxyAnswers systemProxyAnswers;

    /**
     * @param jdk      the client this one stands in for: its timeouts, TLS set-up and proxy are followed, and it sends
     *                 whatever this one does not handle
     * @param executor runs each request, blocking one of its threads while it is in flight
     */
    public LeanHttpClient(HttpClient jdk, Executor executor) {
        this.build = () -> jdk;
        this.jdk = jdk;
        this.executor = executor;
        this.connectTimeout = jdk.connectTimeout();
        this.proxy = jdk.proxy();
        this.jdkOnly = jdk.followRedirects() != Redirect.NEVER || jdk.authenticator().isPresent()
                || jdk.cookieHandler().isPresent();
    }

    private LeanHttpClient(Duration connectTimeout, Executor executor) {
        this.build = () -> HttpClient.newBuilder().executor(executor).connectTimeout(connectTimeout)
                .followRedirects(Redirect.NEVER).build();
        this.executor = executor;
        this.connectTimeout = Optional.of(connectTimeout);
        this.proxy = Optional.empty();
        this.jdkOnly = false;
    }

    /**
     * A client that never follows redirects, with the system's proxy settings, the default TLS context and this
     * connect timeout; its JDK client is built only when a request needs it, and TLS set up only for https. (The
     * JDK client's constructor sets up TLS and starts a selector thread: a good part of a one-URL purge.)
     */
    public static LeanHttpClient direct(Duration connectTimeout, Executor executor) {
        return new LeanHttpClient(connectTimeout, executor);
    }

    private HttpClient jdk() {
        HttpClient c = jdk;
        if (c == null) {
            synchronized (this) {
                if (jdk == null) {
                    jdk = build.get();
                }
                c = jdk;
            }
        }
        return c;
    }

    /** The JDK client's TLS context and parameters: the same trust, protocols and cipher suites. */
    private SSLContext tls() throws IOException {
        if (tls == null) {
            synchronized (this) {
                if (tls == null) {
                    HttpClient c = jdk;
                    try {
                        // What the JDK client itself takes when it is given no context (HttpClientImpl).
                        SSLContext context = c != null ? c.sslContext() : SSLContext.getDefault();
                        tlsParameters = c != null ? c.sslParameters() : context.getDefaultSSLParameters();
                        tls = context;
                    } catch (java.security.NoSuchAlgorithmException e) {
                        throw new IOException("TLS is not available", e);
                    }
                }
            }
        }
        return tls;
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        // Sent as sendAsync sends it, and waited for: an interrupt then cancels the request, which closes its socket,
        // as the JDK client's send does. A read blocked on the caller's own thread would not notice the interrupt.
        CompletableFuture<HttpResponse<T>> response = sendAsync(request, handler);
        try {
            return response.get();
        } catch (InterruptedException e) {
            response.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IOException(cause);
        }
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        byte[] body = leanBody(request);
        if (body == null) {
            return jdk().sendAsync(request, handler);
        }
        CompletableFuture<HttpResponse<T>> result = new CompletableFuture<>();
        AtomicReference<Object> busy = new AtomicReference<>();
        // Cancelling closes the socket, which ends a blocked read at once (an interrupt would not).
        result.whenComplete((r, e) -> {
            if (result.isCancelled()) {
                Object held = busy.getAndSet(CANCELLED);
                if (held instanceof LeanConnection c) {
                    c.close();
                } else if (held instanceof Socket s) {
                    LeanConnection.closeQuietly(s); // still connecting or shaking hands
                }
            }
        });
        try {
            executor.execute(() -> {
                if (result.isDone()) {
                    return;
                }
                try {
                    result.complete(exchange(request, body, handler, busy));
                } catch (Throwable e) {
                    result.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new IOException("The HTTP client is shut down", e));
        }
        return result;
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
                                                            HttpResponse.PushPromiseHandler<T> push) {
        return push == null ? sendAsync(request, handler) : jdk().sendAsync(request, handler, push);
    }

    /** The request's body when this client sends it itself, else null (the JDK client then sends the request). */
    private byte[] leanBody(HttpRequest request) {
        URI uri = request.uri();
        String scheme = uri.getScheme();
        if (!("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) || uri.getHost() == null
                || request.expectContinue() || jdkOnly
                || request.version().orElse(Version.HTTP_1_1) != Version.HTTP_1_1 || !direct(uri)
                || !isAscii(uri.getRawPath()) || !isAscii(uri.getRawQuery())) {
            return null;
        }
        Optional<HttpRequest.BodyPublisher> publisher = request.bodyPublisher();
        if (publisher.isEmpty()) {
            return new byte[0];
        }
        long length = publisher.get().contentLength();
        return length < 0 || length > MAX_BUFFERED_REQUEST_BODY ? null : LeanBodies.published(publisher.get(), (int) length);
    }

    /**
     * URI keeps non-ASCII characters raw; the JDK client percent-encodes them as UTF-8 on the wire. Such a request is
     * left to it rather than sent with other bytes, which would purge another URL.
     */
    private static boolean isAscii(String s) {
        if (s != null) {
            for (int i = 0; i < s.length(); i++) {
                if (s.charAt(i) >= 128) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Whether the JDK client would connect directly: its proxy selector (the system's when it has none) says so. */
    private boolean direct(URI uri) {
        ProxySelector selector = proxy.isPresent() ? proxy.get() : ProxySelector.getDefault();
        if (selector == null) {
            return true;
        }
        // The system's own selector answers by scheme and host alone: it is asked once per origin, not once per
        // purge (reading the proxy properties each time was a good part of a purge's CPU, docs/performance.md §13).
        // Any other selector, which may answer by path, is asked every time.
        boolean system = selector.getClass().getName().equals("sun.net.spi.DefaultProxySelector");
        String origin = system ? LeanConnection.origin(uri) : null;
        SystemProxyAnswers known = systemProxyAnswers;
        if (system && known != null && known.selector() == selector) {
            Boolean answer = known.direct().get(origin);
            if (answer != null) {
                return answer;
            }
        }
        List<Proxy> proxies = selector.select(uri);
        boolean direct = proxies.isEmpty() || proxies.get(0).type() == Proxy.Type.DIRECT;
        if (system) {
            if (known == null || known.selector() != selector) {
                known = new SystemProxyAnswers(selector, new ConcurrentHashMap<>());
                systemProxyAnswers = known;
            }
            known.direct().put(origin, direct);
        }
        return direct;
    }

    /** What the system's proxy selector said per origin, while it is the system's selector. */
    private record SystemProxyAnswers(ProxySelector selector, Map<String, Boolean> direct) {
    }

    /**
     * Sends on an idle kept-alive connection if there is one, else on a new one. A request whose reused connection
     * failed before any byte of the answer came back (the server closed it while it was idle, as servers do after a
     * while) is sent once more, on a new connection: never twice, and never after a failure on a new connection,
     * which is the caller's to retry or not (RequestExecutor, with its RetryPolicy: this layer does not see it).
     */
    private <T> HttpResponse<T> exchange(HttpRequest request, byte[] body, HttpResponse.BodyHandler<T> handler,
                                         AtomicReference<Object> busy) throws IOException {
        leanRequests.incrementAndGet();
        long deadline = System.nanoTime() + request.timeout().orElse(DEFAULT_TIMEOUT).toNanos();
        String origin = LeanConnection.origin(request.uri());
        boolean resent = false;
        while (true) {
            if (busy.get() == CANCELLED) {
                throw new IOException("Cancelled");
            }
            LeanConnection c = resent ? null : idleConnection(origin);
            boolean reused = c != null;
            if (c == null) {
                boolean https = "https".equalsIgnoreCase(request.uri().getScheme());
                // A class, not a lambda: the first requests of a job open their connections together
                // (docs/performance.md §13).
                c = LeanConnection.open(request.uri(), connectTimeout.orElse(null), https ? tls() : null,
                        tlsParameters, deadline, new LeanConnection.Claim() {
                            @Override
                            public void claim(Socket s) throws IOException {
                                if (!busy.compareAndSet(null, s)) {
                                    throw new IOException("Cancelled");
                                }
                                beforeConnect.claim(s);
                            }
                        });
            }
            if (!busy.compareAndSet(reused ? null : c.raw(), c)) {
                c.close();
                throw new IOException("Cancelled");
            }
            LeanExchange.Answer answer;
            try {
                answer = LeanExchange.exchange(c, request, body, reused, deadline);
            } catch (LeanExchange.StaleConnection e) {
                c.close();
                busy.compareAndSet(c, null);
                resent = true;
                continue;
            } catch (IOException | RuntimeException e) {
                c.close();
                busy.compareAndSet(c, null);
                throw e;
            }
            // Not back to the pool if a cancel closed it meanwhile, or if anything is waiting on it.
            if (busy.compareAndSet(c, null) && answer.reusable() && c.isQuiet()) {
                c.idleSince = System.nanoTime();
                idle.computeIfAbsent(origin, NEW_POOL).offerLast(c);
            } else {
                c.close();
            }
            return LeanResponse.of(request, answer, c.session(), handler);
        }
    }

    /** How many requests this client took itself rather than handing them to the JDK client (for tests). */
    long leanRequests() {
        return leanRequests.get();
    }

    /** Closes the kept-alive connections not in use (the JDK 17 client has no close of its own to call). */
    public void closeIdleConnections() {
        for (ConcurrentLinkedDeque<LeanConnection> q : idle.values()) {
            for (LeanConnection c = q.pollLast(); c != null; c = q.pollLast()) {
                c.close();
            }
        }
    }

    private LeanConnection idleConnection(String origin) {
        ConcurrentLinkedDeque<LeanConnection> q = idle.get(origin);
        if (q == null) {
            return null;
        }
        for (LeanConnection c = q.pollLast(); c != null; c = q.pollLast()) {
            // Bytes that came while it was idle answer no request of ours: the JDK client drops such a connection too.
            if (System.nanoTime() - c.idleSince < MAX_IDLE_NANOS && c.isQuiet()) {
                return c;
            }
            c.close();
        }
        return null;
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
        return jdk().cookieHandler();
    }

    @Override
    public Optional<Duration> connectTimeout() {
        return connectTimeout;
    }

    @Override
    public Redirect followRedirects() {
        return jdk().followRedirects();
    }

    @Override
    public Optional<ProxySelector> proxy() {
        return proxy;
    }

    @Override
    public SSLContext sslContext() {
        return jdk().sslContext();
    }

    @Override
    public SSLParameters sslParameters() {
        return jdk().sslParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
        return jdk().authenticator();
    }

    @Override
    public Version version() {
        return jdk().version();
    }

    @Override
    public Optional<Executor> executor() {
        return Optional.of(executor);
    }
}
