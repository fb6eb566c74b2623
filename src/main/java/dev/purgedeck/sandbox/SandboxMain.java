package dev.purgedeck.sandbox;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/** The {@code sandbox} subcommand: starts the emulator, prints how to reach it, and runs until stopped. */
public final class SandboxMain {
    static final String USAGE = "usage: purgedeck sandbox [--port N] [--latency-ms N] [--many-services]";

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
            out.println(USAGE);
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
