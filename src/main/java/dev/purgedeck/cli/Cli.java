package dev.purgedeck.cli;

import dev.purgedeck.context.StartupTrace;
import dev.purgedeck.fastly.Validation;
import dev.purgedeck.files.SafeFiles;
import dev.purgedeck.history.HistoryScan;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code purgedeck purge|history|keysets} command line: the same client, history and key sets as the window, for
 * scripts. Exit codes: {@link #OK} when everything worked, {@link #FAILED} when Fastly or the network failed for some
 * items, {@link #USAGE} when nothing was sent because the command, its input or the configuration is wrong,
 * {@link #NOT_RECORDED} when a purge ran but its outcomes could not all be written to the history.
 */
public final class Cli {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    /** The purge ran, but the history could not take every outcome; they were saved beside it or printed. */
    public static final int NOT_RECORDED = 3;
    private static final String CONVERTERS_EXCLUDED = "picocli.converters.excludes";

    private Cli() {
    }

    /**
     * Runs one command line and returns its exit code; never calls {@code System.exit}, so tests run it in-process.
     *
     * @param env      the environment (FASTLY_API_TOKEN, FASTLY_API_ENDPOINT, FASTLY_SERVICE_ID, PURGEDECK_HOME, HOME)
     * @param in       where a typed confirmation and {@code -} files are read from
     * @param terminal whether a person is at a terminal, who may be asked to confirm a purge of everything
     */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env, InputStream in,
                          boolean terminal) {
        CliContext ctx = new CliContext(out, err, env, in, terminal);
        for (int i = 0; i < args.length; i++) {
            if (args[i].indexOf('\uFFFD') >= 0) {
                // Java decodes the arguments with the system's encoding and puts U+FFFD where bytes did not fit: the
                // argument is not what was typed, so using it would purge or filter something else.
                ctx.warn("purgedeck: argument " + (i + 1) + " ('" + Validation.printable(args[i], 80) + "') holds "
                        + "bytes that are not valid text in this system's encoding ("
                        + System.getProperty("sun.jnu.encoding", "unknown") + "); give it as UTF-8 in a UTF-8 "
                        + "locale, or in a file. Nothing was sent.");
                return USAGE;
            }
        }
        // Anyone who can change the data folder could swap PurgeDeck's files for links: one line, every run.
        SafeFiles.folderWarning(ctx.dataDir()).ifPresent(w -> ctx.warn("purgedeck: " + w));
        // 'history --search' starts reading the file now, while picocli reads the command line.
        Optional<HistoryScan> early = HistoryCommand.earlyScan(ctx, args);
        try {
            CommandLine cl = commandLine(ctx, args.length > 0 ? args[0] : "", early);
            StartupTrace.mark("command line built");
            return cl.execute(args);
        } finally {
            early.ifPresent(HistoryScan::cancel); // nothing left to stop once the command has used it
        }
    }

    /**
     * The command tree. Picocli reads an annotated command's annotations by reflection, which costs a short run a
     * good part of a second with every command, so when the first argument names a command only that command is
     * built; the root and {@code purge}, which a purge run needs, are built in code (docs/performance.md §14).
     */
    static CommandLine commandLine(CliContext ctx, String first, Optional<HistoryScan> early) {
        if (System.getProperty(CONVERTERS_EXCLUDED) == null) {
            // Picocli looks up converters for java.time, java.sql and java.nio types by reflection whenever a command
            // line is built; every option of ours is text, a number, a flag, an enum, or has its own converter.
            System.setProperty(CONVERTERS_EXCLUDED, "java\\.time\\..*,java\\.sql\\..*,java\\.nio\\..*");
        }
        CommandLine cl = RootCommand.commandLine();
        boolean all = !List.of("purge", "history", "keysets", "inspect", "team").contains(first);
        if (all || first.equals("purge")) {
            cl.addSubcommand(PurgeCommand.spec(ctx));
        }
        if (all || first.equals("history")) {
            cl.addSubcommand(new HistoryCommand(ctx, early));
        }
        if (all || first.equals("keysets")) {
            cl.addSubcommand(KeySetsCommand.commandLine(ctx));
        }
        if (all || first.equals("inspect")) {
            cl.addSubcommand(new InspectCommand(ctx));
        }
        if (all || first.equals("team")) {
            cl.addSubcommand(new TeamCommand(ctx));
        }
        // Set last: picocli hands these settings only to the subcommands that exist at the time.
        cl.setOut(new PrintWriter(ctx.out(), true));
        cl.setErr(new PrintWriter(ctx.err(), true));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler(usageErrors(ctx));
        cl.setExecutionExceptionHandler(failures(ctx));
        return cl;
    }

    /**
     * A mistyped command line: say what is wrong and where the help is, and exit 2. Classes rather than lambdas:
     * picocli's interfaces are of a class-file version the class-data archive does not take, so a lambda for them
     * was made anew, with the JDK's bytecode library, on every run (docs/performance.md §13).
     */
    private static IParameterExceptionHandler usageErrors(CliContext ctx) {
        return new IParameterExceptionHandler() {
            @Override
            public int handleParseException(CommandLine.ParameterException ex, String[] args) {
                CommandLine c = ex.getCommandLine();
                ctx.warn("purgedeck: " + ex.getMessage());
                UnmatchedArgumentException.printSuggestions(ex, c.getErr());
                ctx.warn("Run '" + c.getCommandSpec().qualifiedName() + " --help' for how to use it.");
                return USAGE;
            }
        };
    }

    private static IExecutionExceptionHandler failures(CliContext ctx) {
        return new IExecutionExceptionHandler() {
            @Override
            public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parseResult) {
                if (ex instanceof CliFailure f) {
                    for (String line : f.lines()) {
                        ctx.warn("purgedeck: " + line);
                    }
                    return f.exitCode();
                }
                // A bug, not the user's fault: show enough to report it, never the token.
                ctx.warn("purgedeck: unexpected error: " + ex);
                return FAILED;
            }
        };
    }
}
