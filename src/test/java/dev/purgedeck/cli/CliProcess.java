package dev.purgedeck.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code java … dev.purgedeck.app.Main ARGS} as a separate process, as a script would, with exactly the given
 * environment; stdin is empty and not a terminal. Optionally through {@code bash -c "ulimit -f N; exec java …"}, so
 * the child meets a full disk (writes past N blocks fail) without any root trick.
 */
final class CliProcess {
    private final Map<String, String> env;
    private final Path outDir;
    private Integer fileBlocks;

    CliProcess(Map<String, String> env, Path outDir) {
        this.env = env;
        this.outDir = outDir;
    }

    /** The next runs may write files of at most {@code blocks} × 512 bytes (bash's {@code ulimit -f}). */
    CliProcess fileSizeLimit(int blocks) {
        this.fileBlocks = blocks;
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

    /** Starts the process without waiting, its output going to files named after {@code name}. */
    Process start(String name, String... args) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command(args)).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().clear();
        pb.environment().putAll(env);
        pb.redirectOutput(outDir.resolve(name + ".out").toFile()).redirectError(outDir.resolve(name + ".err").toFile());
        return pb.start();
    }

    /** What a started process printed, once it ended (within 60 s). */
    CliHarness.Result finish(String name, Process p) throws Exception {
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("purgedeck " + name + " did not end within 60 s");
        }
        return new CliHarness.Result(p.exitValue(), Files.readString(outDir.resolve(name + ".out"), StandardCharsets.UTF_8),
                Files.readString(outDir.resolve(name + ".err"), StandardCharsets.UTF_8));
    }

    CliHarness.Result run(String... args) throws Exception {
        return finish("run", start("run", args));
    }
}
