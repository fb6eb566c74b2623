package dev.purgedeck.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Ends a command with a message for stderr and an exit code: {@link Cli#USAGE} when nothing was sent because the
 * input or the configuration is wrong, {@link Cli#FAILED} when Fastly or the network failed.
 */
final class CliFailure extends RuntimeException {
    private final int exitCode;
    private final List<String> lines;

    private CliFailure(int exitCode, List<String> lines) {
        super(String.join("; ", lines));
        this.exitCode = exitCode;
        this.lines = List.copyOf(lines);
    }

    /** Bad usage or configuration: exit 2. */
    static CliFailure usage(String message) {
        return new CliFailure(Cli.USAGE, List.of(message));
    }

    /** Bad usage naming several problems, one per line: exit 2. */
    static CliFailure usage(List<String> lines) {
        return new CliFailure(Cli.USAGE, lines);
    }

    /** Fastly, the network or the disk failed: exit 1. */
    static CliFailure failed(String message) {
        return new CliFailure(Cli.FAILED, List.of(message));
    }

    /** The same failure with its first line prefixed, e.g. by where the bad value came from. */
    CliFailure prefixed(String prefix) {
        List<String> l = new ArrayList<>(lines);
        l.set(0, prefix + l.get(0));
        return new CliFailure(exitCode, l);
    }

    int exitCode() {
        return exitCode;
    }

    List<String> lines() {
        return lines;
    }
}
