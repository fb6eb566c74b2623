package dev.purgedeck.cli;

import dev.purgedeck.edge.Freshness;
import dev.purgedeck.team.TeamConnection;
import dev.purgedeck.team.TeamException;
import dev.purgedeck.team.TeamHistory;
import dev.purgedeck.team.TeamQuery;
import dev.purgedeck.team.TeamRow;
import dev.purgedeck.team.TeamSettings;
import dev.purgedeck.team.TeamSettingsStore;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** {@code purgedeck history --team}: the team history, filtered and paged by the database, as a table. */
final class TeamHistoryTable {
    private TeamHistoryTable() {
    }

    static int print(HistoryCommand c, CliContext ctx) {
        if (c.format != null || c.bom) {
            throw CliFailure.usage("--team shows a table; --csv and --json export this computer's history only");
        }
        if (c.kinds != null || c.service != null || c.verdicts != null) {
            throw CliFailure.usage("with --team, filter by --since, --until, --profile, --outcome, --user, --search");
        }
        if (c.outcomes != null && c.outcomes.size() != 1) {
            throw CliFailure.usage("with --team, give one --outcome");
        }
        TeamSettingsStore store = new TeamSettingsStore(ctx.dataDir());
        TeamSettings settings = store.load().orElseThrow(() -> CliFailure.usage(
                "no team database is set up: see 'purgedeck team --help'"));
        TeamConnection connection = new TeamConnection(settings, store.passwords(ctx.env(), Path.of(ctx.home())));
        int limit = c.limit != null ? c.limit : HistoryCommand.DEFAULT_LIMIT;
        TeamQuery q = new TeamQuery(c.text, c.user, c.profile, c.outcomes == null ? null : c.outcomes.get(0).id(),
                c.since, c.until, 0, limit);
        try {
            TeamHistory history = new TeamHistory(connection, null);
            List<TeamRow> rows = history.page(q);
            if (rows.isEmpty()) {
                ctx.out().println("No team purges match.");
                return Cli.OK;
            }
            ZoneId zone = ZoneId.systemDefault();
            // What was learnt after the purge (the page's verdict, the job's impact), as the window's team history
            // shows it; each column only when a row shown has it, so a team that never verifies sees no empty ones.
            boolean verdicts = rows.stream().anyMatch(r -> r.verdict() != null);
            boolean impacts = rows.stream().anyMatch(r -> r.impact() != null);
            List<String> header = new ArrayList<>(List.of("TIME", "WHO", "PROFILE", "OUTCOME", "KIND", "TARGET",
                    "SERVICE", "PURGE ID"));
            if (verdicts) {
                header.add("VERDICT");
            }
            if (impacts) {
                header.add("IMPACT");
            }
            TextTable t = new TextTable(header.toArray(String[]::new));
            for (TeamRow r : rows) {
                // Arrays.asList, not List.of: a cell may be null, which the table shows as "-".
                List<String> cells = new ArrayList<>(Arrays.asList(TerminalText.time(r.time(), zone), r.who(),
                        r.profile(), r.outcome(), r.kind(), r.target(),
                        r.serviceName() != null ? r.serviceName() : r.serviceId(), r.purgeId()));
                if (verdicts) {
                    cells.add(r.verdict() == null ? null : Freshness.labelOf(r.verdict()));
                }
                if (impacts) {
                    cells.add(r.impact());
                }
                t.add(cells.toArray(String[]::new));
            }
            ctx.out().print(t.render());
            if (rows.size() == limit) {
                long all = history.count(q);
                if (all > limit) {
                    ctx.out().printf(Locale.ROOT, "Showing the %,d newest of %,d matching team entries; use --limit "
                            + "for more.%n", limit, all);
                }
            }
            ctx.out().flush();
            return Cli.OK;
        } catch (TeamException e) {
            throw CliFailure.failed(e.getMessage());
        }
    }
}
