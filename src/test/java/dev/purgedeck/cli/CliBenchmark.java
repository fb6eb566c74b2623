package dev.purgedeck.cli;

import dev.purgedeck.sandbox.DemoAccount;
import dev.purgedeck.sandbox.SandboxConfig;
import dev.purgedeck.sandbox.SandboxServer;
import dev.purgedeck.testsupport.Sandboxes;
import java.io.File;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * {@code purgedeck purge} against the real Fastly CLI on one sandbox with 20 ms latency: 1,000 URLs from a file
 * versus {@code fastly purge --url} once per URL, and 10,000 keys from a file versus {@code fastly purge --file}
 * (which sends every key in one request; above 256 keys Fastly, and the sandbox, answer 400, so it is also timed in
 * 40 runs of 256). Prints the times and the ratios; the target is PurgeDeck at least 20x faster on the URLs.
 *
 * <p>Run: {@code mvn -B -q -Pbench test-compile exec:java -Dexec.mainClass=dev.purgedeck.cli.CliBenchmark}. The
 * Fastly CLI is the one {@code .ci/fastly-cli-check.sh} installs in {@code target/fastly-cli} (or
 * {@code -Dfastly.cli=PATH}); without it only PurgeDeck's figures are printed. {@code -Dbench.cliRuns=N} times N of
 * the 1,000 per-URL CLI runs and extrapolates (default: all 1,000). PurgeDeck is timed in-process (warm), as a plain
 * {@code java -cp} process, and as the packaged launcher (the command the .deb installs as {@code purgedeck}), when
 * {@code installer/build.sh app-image} has built it ({@code -Dpurgedeck.launcher=PATH} names another).
 */
public final class CliBenchmark {
    private static final Duration LATENCY = Duration.ofMillis(20);
    private static final int URLS = 1_000;
    private static final int KEYS = 10_000;
    private static final int CHUNK = 256;
    /** The packaged command, as installed: {@code purgedeck} is this launcher (installer/build.sh app-image). */
    private static final Path LAUNCHER = Path.of(System.getProperty("purgedeck.launcher",
            "target/installer/PurgeDeck/bin/PurgeDeck"));

    private CliBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("purgedeck-cli-bench");
        Path fastly = Path.of(System.getProperty("fastly.cli",
                "target/fastly-cli/node_modules/@fastly/cli-linux-x64/fastly"));
        try (SandboxServer sandbox = Sandboxes.start(SandboxConfig.builder().latency(LATENCY).build())) {
            String service = Sandboxes.firstService(sandbox).id();
            List<String> urls = IntStream.range(0, URLS)
                    .mapToObj(i -> "https://www.dailycourier.example/bench/page-" + i + "?v=2").toList();
            List<String> keys = IntStream.range(0, KEYS).mapToObj(i -> "bench-key-" + i).toList();
            Path urlsFile = Files.write(work.resolve("urls.txt"), urls);
            Path keysFile = Files.write(work.resolve("keys.txt"), keys);
            Map<String, String> env = purgedeckEnv(work, sandbox, service);

            System.out.printf(Locale.ROOT, "PurgeDeck command line vs Fastly CLI, sandbox latency %d ms, %d cores%n",
                    LATENCY.toMillis(), Runtime.getRuntime().availableProcessors());
            // Warm-up, so the in-process figures show steady state rather than class loading (the new-JVM run has both).
            purgedeck(env, "purge", "--urls-file", urlsFile.toString());
            purgedeck(env, "purge", "--keys-file", keysFile.toString());

            System.out.printf(Locale.ROOT, "%n%,d URLs%n", URLS);
            double pd8 = time(() -> purgedeck(env, "purge", "--urls-file", urlsFile.toString(), "--concurrency", "8"));
            double pd16 = time(() -> purgedeck(env, "purge", "--urls-file", urlsFile.toString()));
            double pdJvm = time(() -> newJvm(env, List.of(), "purge", "--urls-file", urlsFile.toString()));
            row("purgedeck purge --urls-file, in-process, concurrency 8", pd8);
            row("purgedeck purge --urls-file, in-process, concurrency 16 (the default)", pd16);
            row("purgedeck purge --urls-file, new JVM (java -cp, no tuning), concurrency 16", pdJvm);
            boolean packaged = Files.isExecutable(LAUNCHER);
            double pdLauncher = Double.NaN;
            if (packaged) {
                // The median of three: one process start is at the mercy of whatever else the machine does.
                pdLauncher = median(() -> launcher(env, "purge", "--urls-file", urlsFile.toString()));
                row("purgedeck purge --urls-file, packaged launcher (median of 3), concurrency 16", pdLauncher);
            } else {
                System.out.println("  (no packaged launcher at " + LAUNCHER + ": installer/build.sh app-image makes it, "
                        + "-Dpurgedeck.launcher=PATH names another)");
            }
            if (!Files.isExecutable(fastly)) {
                System.out.println("\nThe Fastly CLI is not installed at " + fastly + " (run .ci/fastly-cli-check.sh, or "
                        + "pass -Dfastly.cli=PATH): only PurgeDeck's figures were measured.");
                return;
            }
            FastlyCli cli = new FastlyCli(fastly, work.resolve("fastly-home"), sandbox.baseUri().toString(), service);
            int runs = Integer.getInteger("bench.cliRuns", URLS);
            double perUrl = time(() -> {
                for (String url : urls.subList(0, runs)) {
                    cli.require(cli.run("--url", url));
                }
            });
            double cliUrls = perUrl * URLS / runs;
            row(String.format(Locale.ROOT, "fastly purge --url, once per URL%s", runs == URLS ? ""
                    : String.format(Locale.ROOT, " (%d runs timed, x%.0f)", runs, (double) URLS / runs)), cliUrls);
            System.out.printf(Locale.ROOT, "  ratio: %.1fx (packaged launcher), %.1fx (in-process, 8), %.1fx (in-process, "
                    + "16), %.1fx (java -cp); target at least 20x for the command as installed%n", cliUrls / pdLauncher,
                    cliUrls / pd8, cliUrls / pd16, cliUrls / pdJvm);

            System.out.printf(Locale.ROOT, "%n%,d keys%n", KEYS);
            sandbox.requests().clear();
            double pdKeys = time(() -> purgedeck(env, "purge", "--keys-file", keysFile.toString()));
            long requests = sandbox.requests().all().stream().filter(r -> r.method().equals("POST")).count();
            row("purgedeck purge --keys-file, in-process, concurrency 16 (" + requests + " requests)", pdKeys);
            double pdKeysJvm = packaged
                    ? median(() -> launcher(env, "purge", "--keys-file", keysFile.toString()))
                    : time(() -> newJvm(env, List.of(), "purge", "--keys-file", keysFile.toString()));
            row("purgedeck purge --keys-file, " + (packaged ? "packaged launcher (median of 3)" : "new JVM (java -cp)")
                    + ", concurrency 16", pdKeysJvm);
            FastlyCli.Run whole = cli.run("--file", keysFile.toString());
            row("fastly purge --file, all " + KEYS + " keys in one request", whole.seconds());
            System.out.println("    it " + (whole.exit() == 0 ? "succeeded" : "failed, exit " + whole.exit() + ": "
                    + whole.firstLine()));
            double chunked = time(() -> {
                for (int from = 0; from < KEYS; from += CHUNK) {
                    Path chunk = Files.write(work.resolve("chunk.txt"), keys.subList(from, Math.min(KEYS, from + CHUNK)));
                    cli.require(cli.run("--file", chunk.toString()));
                }
            });
            row("fastly purge --file in chunks of " + CHUNK + " (" + (KEYS + CHUNK - 1) / CHUNK + " runs)", chunked);
            System.out.printf(Locale.ROOT, "  ratio against the chunks: %.1fx (in-process), %.1fx (%s)%n",
                    chunked / pdKeys, chunked / pdKeysJvm, packaged ? "packaged launcher" : "new JVM");
            System.out.printf(Locale.ROOT, "  ratio against the one request: %.1fx (%s)%n", whole.seconds() / pdKeysJvm,
                    packaged ? "packaged launcher" : "new JVM");
        } finally {
            deleteQuietly(work);
        }
        System.exit(0);
    }

    /** The harness's setup for PurgeDeck: the sandbox's token and address, and a data directory of its own. */
    private static Map<String, String> purgedeckEnv(Path work, SandboxServer sandbox, String service) {
        Map<String, String> env = new HashMap<>();
        env.put("PURGEDECK_HOME", work.resolve("data").toString());
        env.put("HOME", work.resolve("home").toString());
        env.put("FASTLY_API_TOKEN", DemoAccount.GLOBAL_TOKEN);
        env.put("FASTLY_API_ENDPOINT", sandbox.baseUri().toString());
        env.put("FASTLY_SERVICE_ID", service);
        return env;
    }

    private static void purgedeck(Map<String, String> env, String... args) {
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        int code = Cli.run(args, discard, System.err, env, InputStream.nullInputStream(), false);
        if (code != Cli.OK) {
            throw new IllegalStateException("purgedeck " + String.join(" ", args) + " exited with " + code);
        }
    }

    /** The command as a script runs it, JVM start included. */
    private static void newJvm(Map<String, String> env, List<String> jvmOptions, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", projectClassPath(), "dev.purgedeck.app.Main"));
        run(command, env, args);
    }

    /** The installed command: the packaged launcher, with its runtime, options and start-up archive. */
    private static void launcher(Map<String, String> env, String... args) throws Exception {
        run(new ArrayList<>(List.of(LAUNCHER.toString())), env, args);
    }

    private static void run(List<String> command, Map<String, String> env, String... args) throws Exception {
        command.addAll(Arrays.asList(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed");
        }
    }

    private static double median(ThrowingRunnable r) throws Exception {
        double[] t = {time(r), time(r), time(r)};
        Arrays.sort(t);
        return t[1];
    }

    /** Under exec:java the project is on a class loader of its own, not on java.class.path. */
    private static String projectClassPath() throws URISyntaxException {
        if (CliBenchmark.class.getClassLoader() instanceof URLClassLoader loader) {
            List<String> entries = new ArrayList<>();
            for (URL u : loader.getURLs()) {
                entries.add(Path.of(u.toURI()).toString());
            }
            return String.join(File.pathSeparator, entries);
        }
        return System.getProperty("java.class.path");
    }

    private static void row(String label, double seconds) {
        System.out.printf(Locale.ROOT, "  %-84s %8.2f s%n", label, seconds);
    }

    private static double time(ThrowingRunnable r) throws Exception {
        long t0 = System.nanoTime();
        r.run();
        return (System.nanoTime() - t0) / 1e9;
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (Exception e) {
            // A temporary directory left behind is harmless.
        }
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    /** The real Fastly CLI, pointed at the sandbox the way .ci/fastly-cli-check.sh does it: an empty HOME, env only. */
    private record FastlyCli(Path binary, Path home, String endpoint, String service) {
        record Run(int exit, String output, double seconds) {
            String firstLine() {
                return output.lines().filter(l -> !l.startsWith("DEPRECATED")).filter(l -> !l.isBlank()).findFirst()
                        .orElse("(no output)");
            }
        }

        Run run(String... args) throws Exception {
            Files.createDirectories(home);
            List<String> command = new ArrayList<>(List.of(binary.toString(), "purge", "-s", service));
            command.addAll(Arrays.asList(args));
            command.add("-i");
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            Map<String, String> env = pb.environment();
            env.clear();
            env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
            env.put("HOME", home.toString());
            env.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
            env.put("FASTLY_API_TOKEN", DemoAccount.GLOBAL_TOKEN);
            env.put("FASTLY_API_ENDPOINT", endpoint);
            env.put("FASTLY_ACCOUNT_ENDPOINT", endpoint);
            long t0 = System.nanoTime();
            Process p = pb.start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            return new Run(p.exitValue(), output, (System.nanoTime() - t0) / 1e9);
        }

        void require(Run r) {
            if (r.exit() != 0) {
                throw new IllegalStateException("fastly exited with " + r.exit() + ": " + r.output().lines()
                        .collect(Collectors.joining(" | ")));
            }
        }
    }
}
