package dev.purgedeck.cli;

import dev.purgedeck.context.Version;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * The {@code purgedeck} command that holds the scripting subcommands. Built in code, as {@link PurgeCommand} is, since
 * every run builds it (docs/performance.md §14).
 */
final class RootCommand implements Callable<Integer> {
    private CommandLine commandLine;

    private RootCommand() {
    }

    /** The command line with no subcommands yet; {@link Cli} adds the ones a run needs. */
    static CommandLine commandLine() {
        RootCommand root = new RootCommand();
        CommandSpec spec = CommandSpec.wrapWithoutInspection(root).name("purgedeck");
        spec.usageMessage().descriptionHeading("%n").optionListHeading("%nOptions:%n")
                .synopsisSubcommandLabel("COMMAND")
                .description("Purges Fastly content from scripts with the same history, key sets and profiles as the "
                        + "PurgeDeck window. Run 'purgedeck' alone to open the window.")
                .commandListHeading("%nCommands:%n")
                .exitCodeListHeading("%nExit codes:%n")
                .exitCodeList(CliOptions.exitCodes("0", "everything worked",
                        "1", "Fastly or the network failed for some items",
                        "2", "bad usage or configuration; nothing was sent"));
        CliOptions.addStandard(spec);
        root.commandLine = new CommandLine(spec);
        return root.commandLine;
    }

    @Override
    public Integer call() {
        throw new ParameterException(commandLine, "Missing a command: purge, history, keysets, inspect or team");
    }

    /** "PurgeDeck 0.1.0" for {@code --version}. */
    static final class VersionText implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"PurgeDeck " + Version.get()};
        }
    }
}
