package dev.purgedeck.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Option;

/**
 * {@code -h/--help} and {@code -V/--version}, which every annotated command takes. They are fields of this base class
 * rather than picocli's {@code mixinStandardHelpOptions}: picocli builds that mixin as a command of its own, reflecting
 * on it (and on every method of {@code java.lang.Object}) on every run (docs/performance.md §14).
 */
abstract class StandardOptions implements Callable<Integer> {
    /** Listed after a command's own options. */
    static final int LAST = 10_000;
    static final String HELP = "Show this help message and exit.";
    static final String VERSION = "Print version information and exit.";

    @Option(names = {"-h", "--help"}, usageHelp = true, order = LAST, description = HELP)
    boolean helpRequested;

    @Option(names = {"-V", "--version"}, versionHelp = true, order = LAST + 1, description = VERSION)
    boolean versionRequested;
}
