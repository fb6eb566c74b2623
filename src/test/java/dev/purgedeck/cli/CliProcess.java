package dev.purgedeck.cli;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code java … dev.purgedeck.app.Main ARGS} as a separate process, as a script would, with exactly the given
 * environment; stdin is empty and not a terminal. Optionally through {@code bash -c "ulimit -f N; exec java …"}, so
 * the child meets a full disk (writes past N blocks fail) without any root trick.
 */
final class CliProcess {
    private final Map<String, String> env;
    private final Map<Process, List<CompletableFuture<String>>> outputs = new ConcurrentHashMap<>();
    private Integer fileBlocks;

    CliProcess(Map<String, String> env) {
        this.env = env;
    }

    /** The next runs may write files of at most {@code kib} KiB (bash's {@code ulimit -f} counts 1,024 bytes). */
    CliProcess fileSizeLimit(int kib) {
        this.fileBlocks = kib;
        return this;
    }

    List<String> command(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-Dfile.encoding=UTF-8",
                "-cp", System.getProperty("java.class.path"), "dev.purgedeck.app.Main"));
        command.addAll(List.of(args));
        if (fileBlocks == null) {
            return command;
        }
        // bash ignores SIGXFSZ for the exec'd JVM only if told to: with the signal ignored, a write past the limit
        // fails with EFBIG (an IOException in Java) instead of killing the process.
        StringBuilder line = new StringBuilder("trap '' XFSZ; ulimit -f " + fileBlocks + "; exec");
        for (String c : command) {
            line.append(" '").append(c.replace("'", "'\\''")).append('\'');
        }
        return List.of("bash", "-c", line.toString());
    }

    /**
     * Starts the process without waiting. Its output is read through pipes as it comes (files would fall under the
     * file-size limit too, and a full pipe would stall the child).
     */
    Process start(String name, String... args) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command(args)).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().clear();
        pb.environment().putAll(env);
        Process p = pb.start();
        outputs.put(p, List.of(drain(p.getInputStream()), drain(p.getErrorStream())));
        return p;
    }

    /** What a started process printed, once it ended (within 60 s). */
    CliHarness.Result finish(String name, Process p) throws Exception {
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("purgedeck " + name + " did not end within 60 s");
        }
        List<CompletableFuture<String>> out = outputs.remove(p);
        return new CliHarness.Result(p.exitValue(), out.get(0).get(10, TimeUnit.SECONDS),
                out.get(1).get(10, TimeUnit.SECONDS));
    }

    CliHarness.Result run(String... args) throws Exception {
        return finish("run", start("run", args));
    }

    private static CompletableFuture<String> drain(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, runnable -> {
            Thread t = new Thread(runnable, "cli-process-output");
            t.setDaemon(true);
            t.start();
        });
    }
}
