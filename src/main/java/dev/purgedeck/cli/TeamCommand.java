package dev.purgedeck.cli;

import dev.purgedeck.history.HistoryStore;
import dev.purgedeck.history.HistoryTail;
import dev.purgedeck.settings.TokenOwners;
import dev.purgedeck.team.TeamConnection;
import dev.purgedeck.team.TeamException;
import dev.purgedeck.team.TeamSchema;
import dev.purgedeck.team.TeamSettings;
import dev.purgedeck.team.TeamSettingsStore;
import dev.purgedeck.team.TeamShipper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code purgedeck team init|status|sync}: the team database the history is copied to (issue 18). */
@Command(name = "team", addMethodSubcommands = false, versionProvider = RootCommand.VersionText.class,
        sortOptions = false, usageHelpWidth = 100, descriptionHeading = "%n", optionListHeading = "%nOptions:%n",
        description = {"The team's PostgreSQL that every PurgeDeck copies its history to. ACTION is 'status' (the "
                + "connection, the schema and what waits to ship), 'sync' (ship now), or 'init' (create or upgrade "
                + "the tables; run it as the database's owner). The options, with --save, set the connection."},
        footerHeading = "%nExamples:%n",
        footer = {"  purgedeck team status --host db.example.com --database ops --user purgedeck "
                + "--sslmode verify-full --sslrootcert ca.pem --save --password-stdin < pw.txt",
                "  purgedeck team init --user ops_owner",
                "  purgedeck team sync"})
final class TeamCommand extends StandardOptions {
    @Parameters(index = "0", paramLabel = "ACTION", description = "status, sync or init")
    String action;

    @Option(names = "--host", description = "The server's host name or address.")
    String host;

    @Option(names = "--port", description = "The server's port (default 5432).")
    Integer port;

    @Option(names = "--database", description = "The database name.")
    String database;

    @Option(names = "--service", description = "A service name from pg_service.conf instead of host/port/database.")
    String service;

    @Option(names = "--user", description = "The database role to log in as.")
    String user;

    @Option(names = "--sslmode", description = "TLS: verify-full is required for a server not on this computer.")
    String sslMode;

    @Option(names = "--sslrootcert", description = "The CA certificate file that signed the server's certificate.")
    String sslRootCert;

    @Option(names = "--save", description = "Keep these connection settings for the window and later runs.")
    boolean save;

    @Option(names = "--password-stdin", description = "Read the password from standard input and keep it in an "
            + "owner-only file (else ~/.pgpass or PGPASSFILE is used, as by psql).")
    boolean passwordStdin;

    private final CliContext ctx;

    TeamCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws IOException {
        String what = action.toLowerCase(Locale.ROOT);
        if (!what.equals("status") && !what.equals("sync") && !what.equals("init")) {
            throw CliFailure.usage("ACTION must be status, sync or init, not '" + action + "'");
        }
        TeamSettingsStore store = new TeamSettingsStore(ctx.dataDir());
        TeamSettings settings = merged(store.load().orElse(new TeamSettings("", 0, "", "", "", "", "")));
        if (settings.isEmpty()) {
            throw CliFailure.usage("no team database is set up: give --host (or --service), --database and --user, "
                    + "with --save to keep them");
        }
        settings.problem().ifPresent(p -> {
            throw CliFailure.usage(p.message());
        });
        if (save) {
            store.save(settings);
        }
        if (passwordStdin) {
            String pw = new String(ctx.in().readAllBytes(), StandardCharsets.UTF_8).strip();
            store.passwords(ctx.env(), Path.of(ctx.home())).save(pw.toCharArray());
        }
        TeamConnection connection = new TeamConnection(settings, store.passwords(ctx.env(), Path.of(ctx.home())));
        try {
            return switch (what) {
                case "init" -> init(connection);
                case "sync" -> sync(connection, store);
                default -> status(connection, store);
            };
        } catch (TeamException e) {
            throw CliFailure.failed(e.getMessage());
        }
    }

    private int init(TeamConnection connection) throws TeamException {
        TeamSchema.State state = TeamSchema.migrate(connection);
        ctx.out().println("Team database " + connection.settings().describe() + ": " + state.describe());
        return Cli.OK;
    }

    private int sync(TeamConnection connection, TeamSettingsStore store) throws TeamException {
        TeamSchema.State state = TeamSchema.ensure(connection);
        if (!state.canShip()) {
            throw CliFailure.failed(state.describe());
        }
        ScheduledExecutorService unused = Executors.newSingleThreadScheduledExecutor();
        try {
            TeamShipper shipper = shipper(connection, store, unused);
            int added = shipper.shipAll();
            ctx.out().printf(Locale.ROOT, "Shipped %,d new entr%s to %s. %s%n", added, added == 1 ? "y" : "ies",
                    connection.settings().describe(), shipper.status().headerText(ZoneId.systemDefault()));
            return Cli.OK;
        } finally {
            unused.shutdownNow();
        }
    }

    private int status(TeamConnection connection, TeamSettingsStore store) throws TeamException, IOException {
        ctx.out().println("Team database: " + connection.settings().describe());
        ctx.out().println("Server: " + connection.test());
        TeamSchema.State state = TeamSchema.ensure(connection);
        ctx.out().println("Schema: " + state.describe());
        HistoryTail tail = new HistoryTail(HistoryStore.fileIn(ctx.dataDir()));
        long waiting = tail.linesAfter(cursorOffset(store, connection.settings()));
        ctx.out().printf(Locale.ROOT, "Waiting to ship: %,d%n", waiting);
        return Cli.OK;
    }

    private static long cursorOffset(TeamSettingsStore store, TeamSettings settings) {
        return TeamShipper.shippedOffset(store.cursorFile(), settings);
    }

    private TeamShipper shipper(TeamConnection c, TeamSettingsStore store, ScheduledExecutorService executor) {
        return new TeamShipper(c, new HistoryTail(HistoryStore.fileIn(ctx.dataDir())), store.cursorFile(),
                TeamSettingsStore.computerName(ctx.env()), new TokenOwners(ctx.dataDir())::all, executor,
                Clock.systemUTC());
    }

    private TeamSettings merged(TeamSettings saved) {
        boolean hostGiven = host != null || service != null;
        return new TeamSettings(hostGiven ? nz(host) : saved.host(), port != null ? port : saved.port(),
                database != null ? database : saved.database(), hostGiven ? nz(service) : saved.service(),
                user != null ? user : saved.user(), sslMode != null ? sslMode : saved.sslMode(),
                sslRootCert != null ? sslRootCert : saved.sslRootCert());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
