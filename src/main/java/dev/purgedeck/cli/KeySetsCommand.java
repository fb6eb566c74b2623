package dev.purgedeck.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;

/** {@code purgedeck keysets}: the window's named key sets, listed, shown, imported and exported. */
@Command(name = "keysets", addMethodSubcommands = false, versionProvider = RootCommand.VersionText.class,
        descriptionHeading = "%n", optionListHeading = "%nOptions:%n",
        synopsisSubcommandLabel = "COMMAND", usageHelpWidth = 100,
        description = {"Lists, shows, imports and exports the key sets the PurgeDeck window keeps. Purge one with "
                + "'purgedeck purge --keyset NAME'."},
        commandListHeading = "%nCommands:%n")
final class KeySetsCommand extends StandardOptions {
    private CommandLine commandLine;

    /** The command with its subcommands, each sharing the run's context. */
    static CommandLine commandLine(CliContext ctx) {
        KeySetsCommand command = new KeySetsCommand();
        command.commandLine = new CommandLine(command);
        return command.commandLine
                .addSubcommand(new KeySetsList(ctx))
                .addSubcommand(new KeySetsShow(ctx))
                .addSubcommand(new KeySetsImport(ctx))
                .addSubcommand(new KeySetsExport(ctx));
    }

    @Override
    public Integer call() {
        throw new ParameterException(commandLine, "Missing a keysets command: list, show, import or export");
    }
}
