package dev.purgedeck.sandbox;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/** The {@code sandbox} subcommand: starts the emulator, prints how to reach it, and runs until stopped. */
public final class SandboxMain {
    static final String USAGE = "usage: purgedeck sandbox [--port N] [--latency-ms N] [--many-services]";
    /** What --help prints: the options, the sandbox-only endpoints and every demo token, so nobody reads the source. */
    static final String HELP = USAGE + """


            Starts an emulated Fastly API with a simulated edge cache on 127.0.0.1, for trying PurgeDeck safely.
            It also serves the demo sites as a Fastly POP would, with X-Cache, Age and (ask with Fastly-Debug: 1)
            the Fastly-Debug-* and Surrogate-Key headers: use it as an HTTP proxy for http:// demo URLs, e.g.
              curl -x http://127.0.0.1:PORT -H 'Fastly-Debug: 1' -i http://www.dailycourier.example/news
            Demo sites: www. and img.dailycourier.example (www is shielded), shop. and www.northwind.example
            (www redirects), docs.northwind.example (strips debug headers), api.northwind.example.

            Options:
              --port N          listen on port N (0: any free port; the banner says which)
              --latency-ms N    delay every API answer by N milliseconds
              --many-services   add generated services, to try pagination and long lists

            Sandbox-only endpoints (no token needed, never faulted, not in the request log):
              GET    /_sandbox/services                 the demo services
              GET    /_sandbox/services/{id}/objects    the cached objects of a service, with their state
                                                        (fresh, stale or gone); ?environment=staging for staging
              POST   /_sandbox/reseed                   fill the cache again as at start
              GET    /_sandbox/faults                   the faults injected now
              PUT    /_sandbox/faults                   replace them with a JSON object (omitted fields: off)
              DELETE /_sandbox/faults                   inject no faults
              GET    /_sandbox/requests?limit=N         the newest API requests received (default 100)
              DELETE /_sandbox/requests                 forget the requests received
              GET    /_sandbox/tokens                   the demo tokens with their scopes
              POST   /_sandbox/publish                  {"url": "https://…"}: a new version of that page at the
                                                        origin; the edge keeps the old one until purged or expired
              GET    /_sandbox/edge                     edge and shield POPs, seed, propagation delay, purges on
                                                        their way
              PUT    /_sandbox/edge                     {"seed": N, "max_propagation_delay_ms": N}: how a purge
                                                        reaches edge and shield (0 ms: at once); replays a race
              GET    /_sandbox/edge/requests?limit=N    the newest page requests the edge received

            Fault fields (PUT /_sandbox/faults; unknown fields are refused):
              latency_ms            extra delay per request
              latency_jitter_ms     extra random delay, from 0 to this
              error_rate            share of requests (0 to 1) answered with error_status
              error_status          the status of those errors, e.g. 503
              rate_limit_after      after this many more requests, answer 429 until the reset
              rate_limit_reset_ms   how long that 429 lasts
              retry_after_seconds   put Retry-After on injected 429 and 503 answers
              drop_rate             share of requests whose connection is closed with no answer
              malformed_rate        share of requests answered 200 with an unreadable body
              e.g. curl -X PUT -d '{"error_rate":0.2,"error_status":503}' http://127.0.0.1:PORT/_sandbox/faults

            Demo tokens (fixed strings, not secrets; send as Fastly-Key):
              %s   global: everything
              %s   purge_select: URL and key purges only
              %s   purge_all and purge_select: every purge
              %s   global:read: reads services, cannot purge
              %s   global, limited to the first demo service
              %s   expired: every request is refused
            """.formatted(DemoAccount.GLOBAL_TOKEN, DemoAccount.PURGE_SELECT_TOKEN, DemoAccount.PURGE_ALL_TOKEN,
            DemoAccount.READ_ONLY_TOKEN, DemoAccount.RESTRICTED_TOKEN, DemoAccount.EXPIRED_TOKEN);

    private SandboxMain() {
    }

    public static void main(String[] args) {
        int code = run(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Runs until the JVM is terminated (Ctrl+C); a shutdown hook closes the server. Returns 2 on bad arguments. */
    public static int run(String[] args) {
        return run(args, System.out, System.err, true);
    }

    /**
     * Same, writing to the given streams, for tests and embedding: blocks until the calling thread is interrupted,
     * then closes the server and returns 0.
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, false);
    }

    private static int run(String[] args, PrintStream out, PrintStream err, boolean shutdownHook) {
        SandboxConfig config;
        try {
            config = parse(args);
        } catch (IllegalArgumentException e) {
            err.println("sandbox: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        if (config == null) {
            out.print(HELP);
            out.flush();
            return 0;
        }
        SandboxServer server;
        try {
            server = SandboxServer.start(config);
        } catch (IOException e) {
            err.println("sandbox: cannot listen on port " + config.port() + ": " + e.getMessage());
            return 1;
        }
        if (shutdownHook) {
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "purgedeck-sandbox-shutdown"));
        }
        printBanner(server, out);
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            server.close();
        }
        return 0;
    }

    static void printBanner(SandboxServer server, PrintStream out) {
        out.println("PurgeDeck sandbox listening on " + server.baseUri());
        out.println("Demo token (global): " + DemoAccount.GLOBAL_TOKEN);
        out.println("Demo services:");
        for (DemoService s : server.account().services()) {
            out.println("  " + s.id() + "  " + s.name());
        }
        out.println("Press Ctrl+C to stop.");
        out.flush();
    }

    /** Null means help was asked for. */
    static SandboxConfig parse(String[] args) {
        SandboxConfig.Builder b = SandboxConfig.builder();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            switch (name) {
                case "--help", "-h" -> {
                    return null;
                }
                case "--many-services" -> b.manyServices(true);
                case "--port" -> b.port(number(name, value(args, i, arg)));
                case "--latency-ms" -> b.latency(Duration.ofMillis(number(name, value(args, i, arg))));
                default -> throw new IllegalArgumentException("unknown argument: " + arg);
            }
            if (!arg.contains("=") && (name.equals("--port") || name.equals("--latency-ms"))) {
                i++;
            }
        }
        return b.build();
    }

    private static String value(String[] args, int i, String arg) {
        if (arg.contains("=")) {
            return arg.substring(arg.indexOf('=') + 1);
        }
        if (i + 1 >= args.length) {
            throw new IllegalArgumentException(arg + " needs a value");
        }
        return args[i + 1];
    }

    private static int number(String name, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n < 0) {
                throw new IllegalArgumentException(name + " must not be negative: " + value);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs a number, got '" + value + "'");
        }
    }
}
