package dev.purgedeck.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code purgedeck keysets}: the window's named key sets, listed, shown, imported and exported. */
@Command(name = "keysets", mixinStandardHelpOptions = true, versionProvider = RootCommand.VersionText.class,
        descriptionHeading = "%n", optionListHeading = "%nOptions:%n",
        synopsisSubcommandLabel = "COMMAND", usageHelpWidth = 100,
        description = {"Lists, shows, imports and exports the key sets the PurgeDeck window keeps. Purge one with "
                + "'purgedeck purge --keyset NAME'."},
        commandListHeading = "%nCommands:%n")
final class KeySetsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** The command with its subcommands, each sharing the run's context. */
    static CommandLine commandLine(CliContext ctx) {
        return new CommandLine(new KeySetsCommand())
                .addSubcommand(new KeySetsList(ctx))
                .addSubcommand(new KeySetsShow(ctx))
                .addSubcommand(new KeySetsImport(ctx))
                .addSubcommand(new KeySetsExport(ctx));
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing a keysets command: list, show, import or export");
    }
}
