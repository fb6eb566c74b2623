package dev.purgedeck.cli;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Options built in code with picocli's model API, for the commands that are not declared with annotations
 * ({@link PurgeCommand} and the root command, docs/performance.md §14). Each option keeps its own value, read after
 * parsing with {@link OptionSpec#getValue()}.
 */
final class CliOptions {
    private CliOptions() {
    }

    /** An option without a value: set when given. */
    static OptionSpec flag(int order, String description, String... names) {
        return OptionSpec.builder(names).type(boolean.class).order(order).description(description).build();
    }

    /** An option with one value of {@code type}, null when not given. */
    static OptionSpec value(int order, String label, Class<?> type, String description, String... names) {
        return OptionSpec.builder(names).paramLabel(label).type(type).order(order).description(description).build();
    }

    /** An option with a time such as 500ms, 30s, 5m or 2h, null when not given. */
    static OptionSpec time(int order, String description, String... names) {
        return OptionSpec.builder(names).paramLabel("TIME").type(Duration.class).converters(new DurationArg())
                .order(order).description(description).build();
    }

    /** Whether a {@link #flag} was given. */
    static boolean isSet(OptionSpec flag) {
        return Boolean.TRUE.equals(flag.getValue());
    }

    /** The values of a repeatable option, empty when it was not given. */
    static List<String> list(OptionSpec option) {
        List<String> values = option.getValue();
        return values == null ? List.of() : values;
    }

    /** An exit-code list for a command's help, from pairs of code and meaning. */
    static Map<String, String> exitCodes(String... codesAndMeanings) {
        Map<String, String> list = new LinkedHashMap<>();
        for (int i = 0; i + 1 < codesAndMeanings.length; i += 2) {
            list.put(codesAndMeanings[i], codesAndMeanings[i + 1]);
        }
        return list;
    }

    /** {@code -h/--help} and {@code -V/--version}, as {@link StandardOptions} gives the annotated commands. */
    static void addStandard(CommandSpec spec) {
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).order(StandardOptions.LAST)
                .description(StandardOptions.HELP).build());
        spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true).order(StandardOptions.LAST + 1)
                .description(StandardOptions.VERSION).build());
        spec.versionProvider(new RootCommand.VersionText());
    }
}
