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
 * the 1,000 per-URL CLI runs and extrapolates (default: all 1,000).
 */
public final class CliBenchmark {
    private static final Duration LATENCY = Duration.ofMillis(20);
    private static final int URLS = 1_000;
    private static final int KEYS = 10_000;
    private static final int CHUNK = 256;
    /** A launcher option worth knowing for short runs: the quick JIT only, which starts doing useful work sooner. */
    private static final String C1 = "-XX:TieredStopAtLevel=1";

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
            double pd8 = time(() -> purgedeck(env, "purge", "--urls-file", urlsFile.toString()));
            double pd16 = time(() -> purgedeck(env, "purge", "--urls-file", urlsFile.toString(), "--concurrency", "16"));
            double pdJvm = time(() -> newJvm(env, List.of(), "purge", "--urls-file", urlsFile.toString()));
            double pdJvmC1 = time(() -> newJvm(env, List.of(C1), "purge", "--urls-file", urlsFile.toString()));
            row("purgedeck purge --urls-file, in-process, concurrency 8", pd8);
            row("purgedeck purge --urls-file, in-process, concurrency 16", pd16);
            row("purgedeck purge --urls-file, new JVM, concurrency 8", pdJvm);
            row("purgedeck purge --urls-file, new JVM with " + C1 + ", concurrency 8", pdJvmC1);
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
            System.out.printf(Locale.ROOT, "  ratio: %.0fx (in-process, 8), %.0fx (in-process, 16), %.0fx (new JVM), "
                    + "%.0fx (new JVM, C1); target at least 20x%n", cliUrls / pd8, cliUrls / pd16, cliUrls / pdJvm,
                    cliUrls / pdJvmC1);

            System.out.printf(Locale.ROOT, "%n%,d keys%n", KEYS);
            sandbox.requests().clear();
            double pdKeys = time(() -> purgedeck(env, "purge", "--keys-file", keysFile.toString()));
            long requests = sandbox.requests().all().stream().filter(r -> r.method().equals("POST")).count();
            row("purgedeck purge --keys-file, in-process, concurrency 8 (" + requests + " requests)", pdKeys);
            double pdKeysJvm = time(() -> newJvm(env, List.of(), "purge", "--keys-file", keysFile.toString()));
            row("purgedeck purge --keys-file, new JVM, concurrency 8", pdKeysJvm);
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
            System.out.printf(Locale.ROOT, "  ratio against the chunks: %.1fx (in-process), %.1fx (new JVM)%n",
                    chunked / pdKeys, chunked / pdKeysJvm);
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
        command.addAll(Arrays.asList(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("purgedeck " + String.join(" ", args) + " failed");
        }
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
