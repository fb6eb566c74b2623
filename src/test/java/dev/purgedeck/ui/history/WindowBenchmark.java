package dev.purgedeck.ui.history;

import dev.purgedeck.app.RenderingPipeline;
import dev.purgedeck.history.BenchData;
import dev.purgedeck.history.HistoryEntry;
import dev.purgedeck.history.HistoryStore;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Prints the window's rows of issue 19's table, each measured in a fresh JVM started with the launcher's options: how
 * soon the History screen of 1,000,000 entries is usable (first page shown, filters usable) and the heap it needs,
 * and the window's resident memory in sandbox mode once it has settled (under Xvfb).
 *
 * <p>Run, after {@code mvn -o -q package -DskipTests}:
 * {@code java -cp "target/classes:target/test-classes:target/lib/*" dev.purgedeck.ui.history.WindowBenchmark [ARGS]}
 * (or through {@code -Pbench exec:java}). Arguments:
 * {@code --entries N} (1,000,000), {@code --history FILE} (an existing history to load instead of a generated one),
 * {@code --display :44} (else $DISPLAY; no display skips the resident row), {@code --settle S} (5 seconds after the
 * console is ready), {@code --launcher PATH} (an installed launcher, else {@code java} with {@link #LAUNCHER_OPTIONS}
 * on this class path), {@code --only load|rss}, {@code --jvm "OPTIONS"} (more options, e.g. {@code -Xmx256m}).
 */
public final class WindowBenchmark {
    private static final String COMPILE_QUIET = "-XX:CompileCommand=quiet";
    private static final String COMPILE_OURS_SOONER = "-XX:CompileCommand=CompileThresholdScaling,dev.purgedeck.*::*,0.2";

    /** What installer/build.sh gives the launcher (JavaFX is on the class path here, so no --add-exports). */
    static final List<String> LAUNCHER_OPTIONS = System.getProperty("os.name").startsWith("Linux")
            ? List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xms64m", COMPILE_QUIET, COMPILE_OURS_SOONER,
                    "-XX:+UseTransparentHugePages")
            : List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xms64m", COMPILE_QUIET, COMPILE_OURS_SOONER);

    /** More options for the JVMs started here ({@code --jvm "-Xmx300m"}), after the launcher's. */
    private static final List<String> extraOptions = new ArrayList<>();

    private WindowBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = options(args);
        int entries = Integer.parseInt(opt.getOrDefault("entries", "1000000"));
        String only = opt.getOrDefault("only", "");
        String classPath = classPath();
        if (opt.containsKey("jvm")) {
            extraOptions.addAll(List.of(opt.get("jvm").trim().split("\\s+")));
        }
        if (!only.equals("rss")) {
            Path history = opt.containsKey("history") ? Path.of(opt.get("history")) : generated(entries);
            loadRow(classPath, history);
        }
        String display = opt.getOrDefault("display", System.getenv("DISPLAY"));
        if (!only.equals("load")) {
            if (display == null || display.isBlank()) {
                System.out.println("window  resident memory: skipped (no --display and no DISPLAY)");
            } else {
                rssRow(classPath, display, Integer.parseInt(opt.getOrDefault("settle", "5")), opt.get("launcher"));
            }
        }
    }

    private static void loadRow(String classPath, Path history) throws Exception {
        List<String> cmd = java(classPath);
        cmd.add(HistoryLoadProbe.class.getName());
        cmd.add(history.toString());
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("the load probe failed: " + out);
        }
        System.out.println(out);
    }

    private static void rssRow(String classPath, String display, int settleSeconds, String launcher) throws Exception {
        Path home = Files.createTempDirectory("purgedeck-rss-bench");
        List<String> cmd = launcher != null ? new ArrayList<>(List.of(launcher)) : java(classPath);
        if (launcher == null) {
            cmd.add("dev.purgedeck.app.Main");
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("FASTLY_"));
        env.put("DISPLAY", display);
        env.put("PURGEDECK_HOME", home.toString());
        env.put("PURGEDECK_TRACE_STARTUP", Long.toString(System.currentTimeMillis()));
        if (launcher == null) {
            // What the Linux launcher sets (installer/build.sh, docs/performance.md §9), unless set here already.
            env.putIfAbsent("MALLOC_ARENA_MAX", "2");
            if (!RenderingPipeline.gpuPresent()) {
                env.putIfAbsent("GDK_GL", "disable");
            }
        }
        Process app = pb.start();
        try {
            long ready = consoleReady(app);
            long pid = app.toHandle().pid();
            long[] samples = new long[settleSeconds + 1];
            samples[0] = rssKb(pid);
            for (int s = 1; s <= settleSeconds; s++) {
                TimeUnit.SECONDS.sleep(1); // a wall-clock wait is what is measured here, not a synchronisation
                samples[s] = rssKb(pid);
            }
            System.out.printf(Locale.ROOT, "window  resident memory, sandbox mode, %d s after the console was ready "
                    + "(%d ms): %d MB (at ready %d MB, peak %d MB; %s)   target <= 200 MB%n", settleSeconds, ready,
                    samples[settleSeconds] >> 10, samples[0] >> 10, Arrays.stream(samples).max().orElse(0) >> 10,
                    launcher != null ? launcher : "java -cp with the launcher's options");
        } finally {
            app.destroy();
            if (!app.waitFor(10, TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
            deleteTree(home);
        }
    }

    /** Milliseconds from start to "console laid out" as the app traces it on standard error. */
    private static long consoleReady(Process app) throws IOException, InterruptedException {
        var err = new java.io.BufferedReader(new java.io.InputStreamReader(app.getErrorStream(), StandardCharsets.UTF_8));
        for (String line; (line = err.readLine()) != null; ) {
            if (line.startsWith("startup") && line.contains("console laid out")) {
                long ms = Long.parseLong(line.substring("startup".length()).trim().split(" ")[0]);
                Thread drain = new Thread(() -> {
                    try {
                        err.transferTo(java.io.Writer.nullWriter());
                    } catch (IOException e) {
                        // the app is gone
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return ms;
            }
        }
        boolean ended = app.waitFor(5, TimeUnit.SECONDS);
        throw new IllegalStateException("the window never reported its console ready ("
                + (ended ? "exit " + app.exitValue() : "still running") + "; is there an X display at DISPLAY?)");
    }

    static long rssKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IOException("no VmRSS for process " + pid);
    }

    /** A history of {@code entries} realistic entries (with IDs, as this version writes them), made once and kept. */
    private static Path generated(int entries) throws IOException {
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "purgedeck-window-bench");
        Path file = dir.resolve("history-" + entries + ".jsonl");
        if (Files.isRegularFile(file)) {
            return file;
        }
        Files.createDirectories(dir);
        Path partial = dir.resolve("partial.jsonl");
        Files.deleteIfExists(partial);
        BenchData data = new BenchData(19);
        try (HistoryStore store = HistoryStore.open(partial)) {
            for (int written = 0; written < entries; ) {
                List<HistoryEntry> job = data.job(Math.min(1000, entries - written)).stream()
                        .map(e -> e.withId(HistoryEntry.newId())).toList();
                store.append(job);
                written += job.size();
            }
        }
        Files.move(partial, file);
        return file;
    }

    private static List<String> java(String classPath) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(LAUNCHER_OPTIONS);
        cmd.addAll(extraOptions);
        cmd.add("-cp");
        cmd.add(classPath);
        return cmd;
    }

    /** This program's class path, also under exec:java (which loads it in a class loader of its own). */
    private static String classPath() throws URISyntaxException {
        Set<String> entries = new LinkedHashSet<>();
        for (ClassLoader l = WindowBenchmark.class.getClassLoader(); l != null; l = l.getParent()) {
            if (l instanceof URLClassLoader u) {
                for (URL url : u.getURLs()) {
                    entries.add(Path.of(url.toURI()).toString());
                }
            }
        }
        entries.addAll(List.of(System.getProperty("java.class.path").split(File.pathSeparator)));
        entries.removeIf(e -> e.contains("plexus-classworlds") || e.isBlank());
        return String.join(File.pathSeparator, entries);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> opt = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value, got " + args[i]);
            }
            opt.put(args[i].substring(2), args[i + 1]);
        }
        return opt;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
