package dev.purgedeck.team;

import dev.purgedeck.history.HistoryEntry;
import dev.purgedeck.history.HistoryStore;
import dev.purgedeck.history.HistoryTail;
import dev.purgedeck.settings.TokenOwners;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

/**
 * The window's team shipping: when a team database is set up, a shipper on its own named daemon thread that
 * upgrades the schema when this role may, ships what waits, and ships again whenever the history grows. Nothing
 * runs without team settings: PurgeDeck then works alone, exactly as before.
 */
public final class TeamSync implements AutoCloseable {
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "purgedeck-team");
        t.setDaemon(true);
        return t;
    });
    private final TeamShipper shipper;
    private final TeamConnection connection;
    private final Consumer<List<HistoryEntry>> nudge;
    private final HistoryStore history;

    private TeamSync(TeamConnection connection, TeamSettingsStore store, HistoryStore history, String computer,
                     TokenOwners owners) {
        this.connection = connection;
        this.history = history;
        this.shipper = new TeamShipper(connection, new HistoryTail(history.file()), store.cursorFile(), computer,
                owners::all, executor, Clock.systemUTC());
        this.nudge = added -> shipper.nudge();
    }

    /** Starts shipping {@code history} when {@code dataDir} has team settings; empty otherwise. */
    public static Optional<TeamSync> start(Path dataDir, Map<String, String> env, Path home, HistoryStore history) {
        TeamSettingsStore store = new TeamSettingsStore(dataDir);
        Optional<TeamSettings> settings = store.load();
        if (settings.isEmpty() || settings.get().problem().isPresent()) {
            return Optional.empty();
        }
        TeamConnection connection = new TeamConnection(settings.get(), store.passwords(env, home));
        TeamSync sync = new TeamSync(connection, store, history, TeamSettingsStore.computerName(env),
                new TokenOwners(dataDir));
        history.addListener(sync.nudge);
        sync.executor.execute(() -> {
            try {
                TeamSchema.ensure(connection); // upgrades when this role may; else ships while compatible
            } catch (TeamException e) {
                // offline at start: the shipper says so in its status and retries
            }
        });
        sync.shipper.start();
        return Optional.of(sync);
    }

    /** The shipper, for its status and listeners (the header). */
    public TeamShipper shipper() {
        return shipper;
    }

    /** Queries of the team history over this connection; {@code sqlLog} hears each statement's SQL. */
    public TeamHistory history(Consumer<String> sqlLog) {
        return new TeamHistory(connection, sqlLog);
    }

    public TeamConnection connection() {
        return connection;
    }

    @Override
    public void close() {
        history.removeListener(nudge);
        shipper.close();
        executor.shutdownNow();
    }
}
