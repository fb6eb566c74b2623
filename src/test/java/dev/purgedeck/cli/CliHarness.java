package dev.purgedeck.cli;

import dev.purgedeck.history.HistoryEntry;
import dev.purgedeck.history.HistoryStore;
import dev.purgedeck.sandbox.DemoAccount;
import dev.purgedeck.sandbox.SandboxServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the command line in-process against a sandbox, with its own data directory and an empty home (so no real
 * Fastly CLI config or PurgeDeck data can leak in), and reads back what it recorded.
 */
final class CliHarness {
    final Path dataDir;
    final Map<String, String> env = new HashMap<>();
    private String stdin = "";
    private boolean terminal;

    CliHarness(Path tempDir, SandboxServer sandbox) {
        this.dataDir = tempDir.resolve("data");
        Path home = tempDir.resolve("home");
        env.put("PURGEDECK_HOME", dataDir.toString());
        env.put("HOME", home.toString());
        env.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
        if (sandbox != null) {
            env.put("FASTLY_API_ENDPOINT", sandbox.baseUri().toString());
            env.put("FASTLY_API_TOKEN", DemoAccount.GLOBAL_TOKEN);
        }
    }

    /** What one run printed and returned. */
    record Result(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    CliHarness withoutToken() {
        env.remove("FASTLY_API_TOKEN");
        env.remove("FASTLY_API_ENDPOINT");
        return this;
    }

    /** The next runs read {@code text} as stdin, as if typed at a terminal. */
    CliHarness typing(String text) {
        this.stdin = text;
        this.terminal = true;
        return this;
    }

    Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), terminal);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A file in the temporary directory with these lines (each ending in a newline). */
    Path file(String name, String... lines) {
        try {
            Files.createDirectories(dataDir.getParent());
            Path f = dataDir.getParent().resolve(name);
            Files.writeString(f, String.join("\n", lines) + "\n");
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every entry in the shared history, oldest first. */
    List<HistoryEntry> history() {
        Path file = dataDir.resolve(HistoryStore.FILE_NAME);
        if (!Files.exists(file)) {
            return List.of();
        }
        try (HistoryStore store = HistoryStore.open(file)) {
            return store.load().entries();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
