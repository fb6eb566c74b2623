package dev.purgedeck.cli;

import dev.purgedeck.context.StartupTrace;
import dev.purgedeck.edge.Freshness;
import dev.purgedeck.fastly.PurgeKind;
import dev.purgedeck.history.HistoryEntry;
import dev.purgedeck.history.HistoryExport;
import dev.purgedeck.history.HistoryQuery;
import dev.purgedeck.history.HistoryScan;
import dev.purgedeck.history.HistorySearch;
import dev.purgedeck.history.HistoryStore;
import dev.purgedeck.history.JobNotes;
import dev.purgedeck.history.LoadResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code purgedeck history}: the purges the window and the command line recorded, filtered, as a table, CSV or JSON. */
@Command(name = "history", addMethodSubcommands = false, versionProvider = RootCommand.VersionText.class,
        sortOptions = false, usageHelpWidth = 100, descriptionHeading = "%n", optionListHeading = "%nOptions:%n",
        description = {"Shows the purge history that the PurgeDeck window and 'purgedeck purge' share, newest "
                + "first: a table of the newest entries, or every matching entry as CSV or JSON (the window's "
                + "export formats)."},
        footerHeading = "%nExamples:%n",
        footer = {"  purgedeck history --since 2h --outcome failed --profile production",
                "  purgedeck history --service 'Northwind Shop' --kind key --since 2025-06-01 --csv --bom > keys.csv",
                "  purgedeck history --since 1d --json | jq '.[] | select(.outcome == \"failed\") | .target'"})
final class HistoryCommand extends StandardOptions {
    static final int DEFAULT_LIMIT = 50;
    private static final int EVENT_DAYS = 30;
    /** Options with which the command does not stream the file for the text (see {@link #earlyScan}). */
    private static final Set<String> NO_EARLY_SCAN = Set.of("--team", "--fastly-events", "--help", "-h",
            "--version", "-V");

    @Option(names = "--since", paramLabel = "WHEN", converter = TimeArg.class,
            description = "Only purges at or after WHEN: 2h, 3d, 1w ago; today; 2025-06-01 or 2025-06-01T14:30 "
                    + "(local time); or 2025-06-01T12:30:00Z.")
    Instant since;

    @Option(names = "--until", paramLabel = "WHEN", converter = TimeArg.class,
            description = "Only purges before WHEN (same forms as --since).")
    Instant until;

    @Option(names = {"-s", "--service"}, paramLabel = "ID|NAME",
            description = "Only this service: its ID, or the name recorded with the purge (ignoring case).")
    String service;

    @Option(names = {"-p", "--profile"}, paramLabel = "NAME",
            description = "Only purges made on this profile (ignoring case), e.g. to leave sandbox purges out.")
    String profile;

    @Option(names = "--outcome", split = ",", paramLabel = "OUTCOME",
            description = "Only these outcomes: ok, failed, cancelled (comma-separated, or repeat the option).")
    List<HistoryEntry.Outcome> outcomes;

    @Option(names = "--kind", split = ",", paramLabel = "KIND",
            description = "Only these kinds: url, key, all (comma-separated, or repeat the option).")
    List<PurgeKind> kinds;

    @Option(names = "--verdict", split = ",", paramLabel = "VERDICT",
            description = "Only purges verified with these verdicts: fresh, refreshing, old_copy, not_cached, "
                    + "cant_tell, not_verified (comma-separated, or repeat the option).")
    List<String> verdicts;

    @Option(names = "--search", paramLabel = "TEXT",
            description = "Only entries whose target, purge ID, error, service name or job ID contains TEXT.")
    String text;

    @Option(names = "--limit", paramLabel = "N",
            description = "At most the N newest entries. Default: " + DEFAULT_LIMIT + " in the table; every match "
                    + "with --csv or --json.")
    Integer limit;

    @Option(names = "--team", description = "The team's history from the team database (see 'purgedeck team'), "
            + "filtered there: every computer's purges, with who made them.")
    boolean team;

    @Option(names = "--user", paramLabel = "NAME", description = "With --team: only purges by this OS user.")
    String user;

    @Option(names = "--fastly-events", description = "Also list the purge-alls in Fastly's event log that were "
            + "made outside PurgeDeck (another tool or person), since --since or the last 30 days. Needs a token that "
            + "may read the event log; uses --profile's connection or FASTLY_API_TOKEN.")
    boolean fastlyEvents;

    @Option(names = "--bom", description = "With --csv: start with a UTF-8 byte-order mark, as the window's export does, "
            + "for a file meant for a spreadsheet (Excel then reads non-ASCII text right).")
    boolean bom;

    @ArgGroup(exclusive = true)
    Format format;

    private final CliContext ctx;
    /** The scan {@link Cli} started for the text before picocli read the options (see {@link #earlyScan}). */
    private final Optional<HistoryScan> early;

    /** The export formats; without either, a table. */
    static final class Format {
        @Option(names = "--csv", description = "Print the matches as CSV (UTF-8, no byte-order mark; see --bom).")
        boolean csv;

        @Option(names = "--json", description = "Print the matches as a JSON array, one entry per line.")
        boolean json;
    }

    HistoryCommand(CliContext ctx, Optional<HistoryScan> early) {
        this.ctx = ctx;
        this.early = early;
    }

    /**
     * For {@code history --search TEXT}, the scan of the history for TEXT, started before picocli reads the command
     * line (a good part of a short run), so the two run side by side. A quick look at the arguments: where picocli
     * reads them otherwise, {@link HistoryScan#finish} sees another text and searches anew. Options that never
     * search the file this way start nothing.
     */
    static Optional<HistoryScan> earlyScan(CliContext ctx, String[] args) {
        if (args.length == 0 || !args[0].equals("history")) {
            return Optional.empty();
        }
        String text = null;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--") || NO_EARLY_SCAN.contains(a) || a.startsWith("--verdict")) {
                return Optional.empty();
            }
            if (a.equals("--search") && i + 1 < args.length) {
                text = args[++i];
            } else if (a.startsWith("--search=")) {
                text = a.substring("--search=".length());
            }
        }
        return text == null ? Optional.empty() : HistoryScan.start(text, ctx.historyFile());
    }

    @Override
    public Integer call() throws IOException {
        StartupTrace.mark("history: arguments read");
        if (limit != null && limit < 1) {
            throw CliFailure.usage("--limit must be at least 1");
        }
        // "--outcome=," splits into nothing; an empty filter would match nothing, which is surely not what was meant.
        if (outcomes != null && outcomes.isEmpty()) {
            throw CliFailure.usage("--outcome needs at least one of ok, failed, cancelled");
        }
        if (kinds != null && kinds.isEmpty()) {
            throw CliFailure.usage("--kind needs at least one of url, key, all");
        }
        if (team) {
            return TeamHistoryTable.print(this, ctx);
        }
        if (user != null) {
            throw CliFailure.usage("--user goes with --team (the local history is this computer's user's)");
        }
        HistoryQuery query = new HistoryQuery(text, null, outcomes == null ? null : EnumSet.copyOf(outcomes),
                kinds == null ? null : EnumSet.copyOf(kinds), since, until, profile).withVerdicts(verdictIds());
        JobNotes.Index notes = CliJobNotes.load(ctx, ctx.historyFile());
        StartupTrace.mark("history: notes read");
        boolean export = format != null && (format.csv || format.json);
        if (bom && (format == null || !format.csv)) {
            throw CliFailure.usage("--bom goes with --csv");
        }
        if (fastlyEvents && export) {
            throw CliFailure.usage("--fastly-events goes with the table, not with --csv or --json");
        }
        int n = limit != null ? limit : export ? Integer.MAX_VALUE : DEFAULT_LIMIT;
        String s = service == null ? null : service.strip();
        Predicate<HistoryEntry> inService = s == null ? e -> true
                : e -> s.equals(e.serviceId()) || s.equalsIgnoreCase(e.serviceName());
        // A text search streams the file and parses only the lines that hold the text: a million entries are never
        // all in memory. The event log needs every entry, and a text that raw bytes cannot show needs the loader; so
        // does a verdict filter, since a verdict may live in a job note rather than on the entry's own line.
        Optional<HistorySearch> search = fastlyEvents || !query.verdicts().isEmpty() ? Optional.empty()
                : HistorySearch.of(query, inService, n);
        List<HistoryEntry> all = List.of();
        List<HistoryEntry> shown;
        int matching;
        if (search.isPresent()) {
            HistorySearch.Result r = search(search.get(), ctx.historyFile());
            StartupTrace.mark("history: searched");
            shown = notes.applyAll(r.newest());
            matching = r.matching();
        } else {
            early.ifPresent(HistoryScan::cancel); // the loader reads the file instead: stop the early scan now
            all = notes.applyAll(load(ctx.historyFile()));
            List<HistoryEntry> matches = query.run(all, null);
            if (s != null) {
                matches = matches.stream().filter(inService).toList();
            }
            shown = matches.subList(0, Math.min(n, matches.size()));
            matching = matches.size();
        }
        if (export && format.csv) {
            HistoryExport.csv(shown, ctx.out(), bom);
        } else if (export) {
            HistoryExport.json(shown, ctx.out(), notes);
        } else {
            table(shown, matching);
        }
        StartupTrace.mark("history: printed");
        if (fastlyEvents) {
            Instant from = since != null ? since : Instant.now().minus(EVENT_DAYS, ChronoUnit.DAYS);
            return EventLogSection.print(ctx, profile, from, until, service, all) ? Cli.OK : Cli.FAILED;
        }
        return Cli.OK;
    }

    /** The verdict's words; one written by a newer version is shown as it is. */
    private static String label(String verdict) {
        return Freshness.labelOf(verdict);
    }

    private Set<String> verdictIds() {
        if (verdicts == null) {
            return Set.of();
        }
        if (verdicts.isEmpty()) {
            throw CliFailure.usage("--verdict needs at least one of fresh, refreshing, old_copy, not_cached, "
                    + "cant_tell, not_verified");
        }
        Set<String> ids = new LinkedHashSet<>();
        for (String v : verdicts) {
            try {
                ids.add(Freshness.of(v).id());
            } catch (IllegalArgumentException e) {
                throw CliFailure.usage("--verdict: unknown verdict '" + v + "'; use fresh, refreshing, old_copy, "
                        + "not_cached, cant_tell or not_verified");
            }
        }
        return ids;
    }

    /** The search's result; a history that does not exist yet holds nothing, and searching it does not create it. */
    private HistorySearch.Result search(HistorySearch search, Path file) {
        if (!Files.exists(file)) {
            return new HistorySearch.Result(List.of(), 0, 0);
        }
        try {
            HistorySearch.Result r = early.isPresent() ? early.get().finish(search) : search.run(file);
            warnSkipped(r.skipped(), file);
            return r;
        } catch (IOException e) {
            throw CliFailure.failed("cannot read the history " + file + ": " + e.getMessage());
        }
    }

    /** Every readable entry; a history that does not exist yet is empty, and reading it does not create it. */
    private List<HistoryEntry> load(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        try (HistoryStore store = HistoryStore.open(file)) {
            LoadResult r = store.load();
            warnSkipped(r.skippedLines(), file);
            return r.entries();
        } catch (IOException e) {
            throw CliFailure.failed("cannot read the history " + file + ": " + e.getMessage());
        }
    }

    private void warnSkipped(int skipped, Path file) {
        if (skipped > 0) {
            ctx.warn("purgedeck: " + skipped + " unreadable line" + (skipped == 1 ? " was" : "s were") + " skipped in "
                    + file);
        }
    }

    private void table(List<HistoryEntry> shown, int matching) {
        if (shown.isEmpty()) {
            ctx.out().println("No purges match.");
            return;
        }
        ZoneId zone = ZoneId.systemDefault();
        // The verdict column appears only when something shown was verified, so older histories look as before.
        boolean verified = shown.stream().anyMatch(e -> e.verdict() != null);
        TextTable t = verified
                ? new TextTable("TIME", "OUTCOME", "KIND", "TARGET", "SERVICE", "PROFILE", "PURGE ID", "ERROR",
                "VERDICT")
                : new TextTable("TIME", "OUTCOME", "KIND", "TARGET", "SERVICE", "PROFILE", "PURGE ID", "ERROR");
        for (HistoryEntry e : shown) {
            String time = TerminalText.time(e.time(), zone);
            String svc = e.serviceName() != null ? e.serviceName() : e.serviceId();
            if (verified) {
                t.add(time, e.outcome().id(), e.kind().id(), e.target(), svc, e.profileLabel(), e.purgeId(),
                        e.error(), label(e.verdict()));
            } else {
                t.add(time, e.outcome().id(), e.kind().id(), e.target(), svc, e.profileLabel(), e.purgeId(),
                        e.error());
            }
        }
        ctx.out().print(t.render());
        if (matching > shown.size()) {
            ctx.out().printf(Locale.ROOT, "Showing the %,d newest of %,d matching entries; use --limit, --csv or "
                    + "--json for more.%n", shown.size(), matching);
        }
        ctx.out().flush();
    }
}
