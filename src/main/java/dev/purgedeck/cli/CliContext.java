package dev.purgedeck.cli;

import dev.purgedeck.context.DataDirs;
import dev.purgedeck.fastly.ApiToken;
import dev.purgedeck.history.HistoryStore;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What one command line run may use: its streams, its environment, whether a person sits at a terminal, and the
 * shared data directory. Passed in rather than read from {@code System}, so tests run commands in-process.
 */
final class CliContext {
    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;
    private final InputStream in;
    private final boolean terminal;
    private volatile ApiToken token;

    CliContext(PrintStream out, PrintStream err, Map<String, String> env, InputStream in, boolean terminal) {
        this.out = out;
        this.err = err;
        this.env = Map.copyOf(env);
        this.in = in;
        this.terminal = terminal;
    }

    PrintStream out() {
        return out;
    }

    InputStream in() {
        return in;
    }

    boolean terminal() {
        return terminal;
    }

    Map<String, String> env() {
        return env;
    }

    /** The variable when it is set and not blank. */
    Optional<String> env(String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
    }

    /** The GUI's data directory ($PURGEDECK_HOME first), so both share one history and one set of key sets. */
    Path dataDir() {
        return DataDirs.resolve(env, System.getProperty("os.name", ""), home());
    }

    Path historyFile() {
        return HistoryStore.fileIn(dataDir());
    }

    /** $HOME as this run sees it (the Fastly CLI's config lives under it), else the JVM's idea of it. */
    String home() {
        return env("HOME").orElseGet(() -> System.getProperty("user.home"));
    }

    /** Remembers the token in use so that nothing printed afterwards can show it. */
    void useToken(ApiToken t) {
        this.token = t;
    }

    /** The text with the token in use, if any, replaced by its masked form. */
    String scrub(String text) {
        ApiToken t = token;
        return t == null || text == null ? text : t.scrub(text);
    }

    /**
     * One message on stderr, the token masked and control characters shown as escapes, so that text from the
     * command line, a file or Fastly can never drive the terminal.
     */
    void warn(String message) {
        err.println(TerminalText.safe(scrub(message)));
    }

    PrintStream err() {
        return err;
    }
}
