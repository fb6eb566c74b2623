package dev.purgedeck.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** A running Fastly API emulator on 127.0.0.1, with its demo account, edge cache, faults and request log. */
public final class SandboxServer implements AutoCloseable {
    /** Connections waiting to be accepted; generous so a concurrency-32 benchmark never queues at the socket. */
    private static final int BACKLOG = 512;
    private static final String NODELAY_PROPERTY = "sun.net.httpserver.nodelay";

    private final HttpServer http;
    private final ExecutorService executor;
    private final SandboxContext ctx;
    private final AtomicBoolean closed = new AtomicBoolean();

    private SandboxServer(HttpServer http, ExecutorService executor, SandboxContext ctx) {
        this.http = http;
        this.executor = executor;
        this.ctx = ctx;
    }

    /** Binds 127.0.0.1 only: the sandbox must never be reachable from another machine. */
    public static SandboxServer start(SandboxConfig cfg) throws IOException {
        Objects.requireNonNull(cfg, "cfg");
        enableNoDelay();
        Clock clock = cfg.clock();
        DemoAccount account = DemoCatalog.account(cfg.manyServices());
        EdgeCache cache = new EdgeCache();
        EdgeNetwork edge = new EdgeNetwork(DemoCatalog.seeds(account), DemoCatalog.SHIELDED, cache, clock,
                cfg.edgeSeed(), cfg.maxPropagationDelay());
        edge.traffic(cfg.trafficPerSecond());
        edge.originCapacity(cfg.originCapacity());
        SandboxContext ctx = new SandboxContext(cfg, account, cache, edge,
                new Auth(account, clock, cfg.restrictedServiceStatus()),
                new PurgeIds(Instant.now(clock).getEpochSecond()),
                new PurgeAllLimiter(cfg.purgeAllHourlyLimit()),
                new FaultInjector(cfg.faults(), new Random(cfg.randomSeed()), clock),
                new RequestLog(RequestLog.DEFAULT_CAPACITY), new RequestLog(RequestLog.DEFAULT_CAPACITY),
                new EventLog(), new ObjectMapper(), clock);
        HttpServer http = HttpServer.create(
                new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), cfg.port()), BACKLOG);
        // Latency is a sleep on the handler thread, so threads must not be capped: a cached pool grows as needed.
        ExecutorService executor = Executors.newCachedThreadPool(daemonThreads());
        http.setExecutor(executor);
        http.createContext("/", new SandboxRouter(ctx));
        http.start();
        return new SandboxServer(http, executor, ctx);
    }

    /**
     * Without TCP_NODELAY the JDK server writes headers and body in two packets and Nagle holds the body until the
     * client's delayed ACK, about 40 ms per answer. The JDK reads this property once, when its first server is made,
     * so it is set only if nobody chose a value.
     */
    private static void enableNoDelay() {
        if (System.getProperty(NODELAY_PROPERTY) == null) {
            System.setProperty(NODELAY_PROPERTY, "true");
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "purgedeck-sandbox-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** For example {@code http://127.0.0.1:43125}, without a trailing slash. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port());
    }

    /**
     * The real-time stats API's base, {@code http://127.0.0.1:PORT/rt}: a base of its own, as Fastly's is
     * {@code https://rt.fastly.com} (docs/fastly-edge.md §5).
     */
    public URI realtimeBaseUri() {
        return URI.create(baseUri() + RealtimeRoutes.PREFIX);
    }

    /** The visitors' own counts for a service, one per simulated second, oldest first: what tests check against. */
    public List<TrafficCount> trafficCounts(String serviceId) {
        return ctx.edge().traffic().since(serviceId, Long.MIN_VALUE).stream()
                .map(s -> new TrafficCount(s.recorded, s.requests, s.hits, s.originFetches)).toList();
    }

    /** Changes the simulated visitors per second and demo service from now on. */
    public void setTrafficPerSecond(int n) {
        ctx.edge().traffic(n);
    }

    public int port() {
        return http.getAddress().getPort();
    }

    public DemoAccount account() {
        return ctx.account();
    }

    public EdgeCache cache() {
        return ctx.cache();
    }

    /** The faults in force now, as an immutable snapshot. */
    public FaultSettings faults() {
        return ctx.faults().settings();
    }

    /** Replaces the faults; the injected rate limit's count starts over. Safe from any thread. */
    public void setFaults(FaultSettings f) {
        ctx.faults().set(Objects.requireNonNull(f, "faults"));
    }

    public void clearFaults() {
        ctx.faults().set(FaultSettings.none());
    }

    public RequestLog requests() {
        return ctx.log();
    }

    /** The page requests the edge received (GET/HEAD for demo hosts), kept apart from the API requests. */
    public RequestLog edgeRequests() {
        return ctx.edgeLog();
    }

    /** Stops at once, without waiting for open exchanges, and shuts the handler threads down; safe to repeat. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        // HttpServer.stop joins its dispatcher thread; an interrupted caller would skip that join and return while
        // the port is still open, so the flag is parked for the duration and restored afterwards.
        boolean interrupted = Thread.interrupted();
        try {
            http.stop(0);
            executor.shutdownNow();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
