package dev.purgedeck.cli;

import dev.purgedeck.context.Version;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The {@code purgedeck} command that holds the scripting subcommands. */
@Command(name = "purgedeck", mixinStandardHelpOptions = true, versionProvider = RootCommand.VersionText.class,
        descriptionHeading = "%n", optionListHeading = "%nOptions:%n",
        synopsisSubcommandLabel = "COMMAND",
        description = {"Purges Fastly content from scripts with the same history, key sets and profiles as the "
                + "PurgeDeck window. Run 'purgedeck' alone to open the window."},
        commandListHeading = "%nCommands:%n",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:everything worked", "1:Fastly or the network failed for some items",
                "2:bad usage or configuration; nothing was sent"})
final class RootCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing a command: purge, history, keysets, inspect or team");
    }

    /** "PurgeDeck 0.1.0" for {@code --version}. */
    static final class VersionText implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"PurgeDeck " + Version.get()};
        }
    }
}
