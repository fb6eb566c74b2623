package dev.purgedeck.cli;

import dev.purgedeck.fastly.PurgeKind;
import dev.purgedeck.fastly.TextLines;
import dev.purgedeck.fastly.UrlListParser;
import dev.purgedeck.fastly.Validation;
import dev.purgedeck.fastly.ValidationIssue;
import dev.purgedeck.keysets.KeySet;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.OptionSpec;

/** The "what to purge" options of {@code purge}, read and checked completely before anything is sent. */
final class PurgeTargets {
    private static final int MAX_LISTED = 20;

    private PurgeTargets() {
    }

    /** Exactly one of these is given; picocli enforces that. */
    static final class Choice {
        private final OptionSpec urls = OptionSpec.builder("--url").arity("1..*").paramLabel("URL").order(1)
                .type(List.class).auxiliaryTypes(String.class)
                .description("Purge these URLs, each in its own request (list several, or repeat the option).")
                .build();

        private final OptionSpec urlsFile = CliOptions.value(2, "FILE", String.class,
                "Purge the URLs in FILE (- for stdin), one per line; blank lines are skipped.", "--urls-file");

        private final OptionSpec keys = OptionSpec.builder("--key").arity("1..*").paramLabel("KEY").order(3)
                .type(List.class).auxiliaryTypes(String.class)
                .description("Purge the objects tagged with these surrogate keys (sent in batches of 256).")
                .build();

        private final OptionSpec keysFile = CliOptions.value(4, "FILE", String.class,
                "Purge the surrogate keys in FILE (- for stdin), one per line as 'fastly purge --file' reads it; "
                        + "blank lines are skipped and spaces around a key trimmed.", "--keys-file");

        private final OptionSpec keySet = CliOptions.value(5, "NAME", String.class,
                "Purge the keys of a saved key set, on its service and soft/hard unless told otherwise ('purgedeck "
                        + "keysets list' shows them). With a team database, a set shared with the team is found "
                        + "when no personal set has that name (a personal set wins); 'team:NAME' always takes the "
                        + "shared one.", "--keyset");

        private final OptionSpec all = CliOptions.flag(6, "Purge everything on the service. Needs --yes, or typing "
                + "the service's name when run at a terminal. Never soft.", "--all");

        /** The group of options, for the command's spec. */
        ArgGroupSpec group() {
            return ArgGroupSpec.builder().exclusive(true).multiplicity("1")
                    .heading("%nWhat to purge (exactly one):%n")
                    .addArg(urls).addArg(urlsFile).addArg(keys).addArg(keysFile).addArg(keySet).addArg(all)
                    .build();
        }
    }

    /**
     * What to purge, checked.
     *
     * @param kind       url, key or all
     * @param items      valid, normalised and de-duplicated URLs or keys (empty for all)
     * @param duplicates how many given items repeated an earlier one
     * @param keySet     the set named by {@code --keyset}, else null
     */
    record Targets(PurgeKind kind, List<String> items, int duplicates, KeySet keySet) {
    }

    /** Reads and checks the chosen targets; throws a usage failure naming every bad item and where it is. */
    static Targets read(Choice c, CliContext ctx) {
        List<String> urls = c.urls.getValue();
        String urlsFile = c.urlsFile.getValue();
        List<String> keys = c.keys.getValue();
        String keysFile = c.keysFile.getValue();
        String keySet = c.keySet.getValue();
        if (urls != null) {
            return checked(PurgeKind.URL, urls, i -> "--url", Validation::urlProblem, Validation::normalizeUrl);
        }
        if (urlsFile != null) {
            return urlsFile(InputFiles.readList(ctx, urlsFile, "--urls-file"), urlsFile);
        }
        if (keys != null) {
            return checked(PurgeKind.KEY, keys, i -> "--key", Validation::keyProblem, Function.identity());
        }
        if (keysFile != null) {
            return keysFile(InputFiles.readList(ctx, keysFile, "--keys-file"), keysFile);
        }
        if (keySet != null) {
            KeySet set = KeySetAccess.find(ctx, keySet);
            if (set.keys().isEmpty()) {
                throw CliFailure.usage("the key set '" + set.name() + "' has no keys; nothing was purged");
            }
            return new Targets(PurgeKind.KEY, set.keys(), 0, set);
        }
        return new Targets(PurgeKind.ALL, List.of(), 0, null);
    }

    private static Targets urlsFile(String text, String file) {
        UrlListParser.Result r = UrlListParser.parse(text);
        List<String> problems = r.issues().stream().map(i -> where(file, i.index()) + ": " + describe(i)).toList();
        reject(problems, "URL");
        if (r.urls().isEmpty()) {
            throw CliFailure.usage("--urls-file: " + file + " lists no URLs; nothing was purged");
        }
        return new Targets(PurgeKind.URL, r.urls(), r.duplicates(), null);
    }

    /** Lines are trimmed and blank ones skipped: a stray space or empty line must not become a key of its own. */
    private static Targets keysFile(String text, String file) {
        List<String> lines = TextLines.split(text);
        List<String> keys = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String key = Validation.trimBlanks(lines.get(i));
            if (!key.isEmpty()) {
                keys.add(key);
                lineNumbers.add(i);
            }
        }
        if (keys.isEmpty()) {
            throw CliFailure.usage("--keys-file: " + file + " lists no keys; nothing was purged");
        }
        return checked(PurgeKind.KEY, keys, i -> where(file, lineNumbers.get(i)),
                Validation::keyProblem, Function.identity());
    }

    private static Targets checked(PurgeKind kind, List<String> given, Function<Integer, String> location,
                                   Function<String, Optional<String>> problem, Function<String, String> normalize) {
        List<String> problems = new ArrayList<>();
        LinkedHashSet<String> unique = new LinkedHashSet<>();
        for (int i = 0; i < given.size(); i++) {
            String item = given.get(i);
            Optional<String> p = problem.apply(item);
            if (p.isPresent()) {
                problems.add(location.apply(i) + ": " + describe(new ValidationIssue(-1, item, p.get())));
            } else {
                unique.add(normalize.apply(item));
            }
        }
        reject(problems, kind == PurgeKind.URL ? "URL" : "key");
        return new Targets(kind, List.copyOf(unique), given.size() - unique.size(), null);
    }

    private static String where(String file, int zeroBasedLine) {
        return file + " line " + (zeroBasedLine + 1);
    }

    private static String describe(ValidationIssue issue) {
        return new ValidationIssue(-1, issue.item(), issue.reason()).describe();
    }

    /** Lists the first problems and how many more there are; nothing is sent when there is any. */
    private static void reject(List<String> problems, String noun) {
        if (problems.isEmpty()) {
            return;
        }
        List<String> lines = new ArrayList<>(problems.subList(0, Math.min(MAX_LISTED, problems.size())));
        if (problems.size() > MAX_LISTED) {
            lines.add("… and " + (problems.size() - MAX_LISTED) + " more");
        }
        int n = problems.size();
        lines.add("nothing was purged: " + n + " invalid " + noun + (n == 1 ? "" : "s") + "; fix or remove "
                + (n == 1 ? "it" : "them") + " and run the command again");
        throw CliFailure.usage(lines);
    }
}
