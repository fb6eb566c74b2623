package dev.purgedeck.app;

import dev.purgedeck.cli.Cli;
import dev.purgedeck.context.StartupTrace;
import dev.purgedeck.context.Version;
import dev.purgedeck.sandbox.SandboxMain;
import java.io.PrintStream;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Map;
import javax.net.ssl.SSLContext;

/**
 * Entry point. No argument opens the window; {@code sandbox …} runs the Fastly API emulator headless;
 * {@code purge}, {@code history}, {@code keysets} and {@code inspect} are the scripting command line ({@link Cli});
 * {@code --version} prints the version. It does not extend {@code Application}, so JavaFX on the plain class path
 * starts (see docs/development.md §1).
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        StartupTrace.mark("main");
        commonPoolOfTwo();
        int code = run(args, System.out, System.err);
        if (code >= 0) {
            System.exit(code);
        }
    }

    /**
     * Gives the common pool at least two threads (unless set otherwise). With one (the default on two cores),
     * CompletableFuture runs each async step that names no executor on a new thread of its own, among them one
     * inside every HttpClient.sendAsync: a purge of 1,000 URLs started 1,000 threads (docs/performance.md §3).
     */
    static void commonPoolOfTwo() {
        String property = "java.util.concurrent.ForkJoinPool.common.parallelism";
        if (System.getProperty(property) == null && Runtime.getRuntime().availableProcessors() <= 2) {
            System.setProperty(property, "2");
        }
    }

    /**
     * Sets up TLS (the JDK's providers and its trusted certificates, a good part of a one-URL purge) on a thread of
     * its own while the main thread reads the command line, the settings and the profiles; the HTTP client then
     * finds it ready. A failure here is met again, and reported, where the client is built.
     */
    private static void warmTls() {
        Thread t = new Thread(() -> {
            try {
                SSLContext.getDefault();
            } catch (NoSuchAlgorithmException | RuntimeException e) {
                // The client's own set-up says what is wrong.
            }
        }, "purgedeck-tls-warmup");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Whether a purge may speak TLS: not when it goes to an {@code http://} endpoint given in the environment (a
     * sandbox) and fetches no page to verify; the purge's client then never sets TLS up (docs/performance.md §7).
     */
    static boolean needsTls(String[] args, Map<String, String> env) {
        String endpoint = env.getOrDefault("FASTLY_API_ENDPOINT", "");
        return !endpoint.regionMatches(true, 0, "http://", 0, 7)
                || Arrays.stream(args).anyMatch(a -> a.startsWith("--profile") || a.startsWith("--verify")
                || a.equals("--check") || a.startsWith("--check="));
    }

    /** Runs a command; returns its exit code, or -1 when the GUI was started and keeps the process alive. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            RenderingPipeline.apply();
            PurgeDeckApp.launchApp();
            return 0;
        }
        switch (args[0]) {
            case "--version", "-V" -> {
                out.println("PurgeDeck " + Version.get());
                return 0;
            }
            case "--help", "-h", "help" -> {
                out.println(usage());
                return 0;
            }
            case "sandbox" -> {
                return SandboxMain.run(Arrays.copyOfRange(args, 1, args.length));
            }
            case "purge", "history", "keysets", "inspect", "team" -> {
                if (args[0].equals("inspect") || args[0].equals("purge") && needsTls(args, System.getenv())) {
                    warmTls();
                }
                return Cli.run(args, out, err, System.getenv(), System.in, System.console() != null);
            }
            default -> {
                err.println("Unknown command: " + args[0]);
                err.println(usage());
                return 2;
            }
        }
    }

    static String usage() {
        return String.join(System.lineSeparator(),
                "Usage: purgedeck [COMMAND]",
                "",
                "  (no command)                         open the PurgeDeck window",
                "  purge ...                            purge URLs, keys, a key set or everything, into the history",
                "  history ...                          show or export the purge history (table, --csv, --json)",
                "  keysets list|show|import|export      manage the window's key sets",
                "  inspect URL... [--json]              how Fastly serves each page (cache, age, POPs, keys)",
                "  team init|status|sync                the team database the history is copied to",
                "  sandbox [--port N] [--latency-ms N]  run the local Fastly API sandbox until stopped",
                "  --version                            print the version",
                "  --help                               print this help",
                "",
                "'purgedeck COMMAND --help' explains a command. With no FASTLY_API_TOKEN set, the window uses its",
                "embedded sandbox.");
    }
}
