package dev.purgedeck.team;

import dev.purgedeck.files.Logs;
import dev.purgedeck.history.HistoryEntry;
import dev.purgedeck.history.HistoryTail;
import dev.purgedeck.history.JobNote;
import dev.purgedeck.history.JobNotes;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Ships the local history to the team database in file order, in batches, each committed before the durable
 * {@link ShipCursor} moves past it; the insert ignores entries already there, so a crash, kill -9, sleep or network
 * loss at any point neither loses nor duplicates an entry. Offline it waits and retries with backoff (1 s doubling
 * to a minute). Runs on the executor it is handed (one thread); {@link #shipAll()} ships on the caller's thread.
 */
public final class TeamShipper implements AutoCloseable {
    static final long BATCH_BYTES = 4 << 20;
    /** The notes' cursor, beside the history's. */
    static final String NOTES_CURSOR = "team-notes-cursor.json";
    /** The schema version that added team_notes. */
    static final int NOTES_VERSION = 4;
    private static final System.Logger LOG = Logs.of(TeamShipper.class);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

    private final TeamConnection connection;
    private final HistoryTail tail;
    private final Path cursorFile;
    private final Path notesCursorFile;
    /** Whether the schema has team_notes, as last seen when a connection was opened (shipping thread only). */
    private boolean notesTable;
    private final String computer;
    private final Supplier<Map<String, String>> owners;
    private final ScheduledExecutorService executor;
    private final Clock clock;
    private final List<Consumer<TeamStatus>> listeners = new CopyOnWriteArrayList<>();
    private final ReentrantLock shipping = new ReentrantLock();
    private volatile TeamStatus status = new TeamStatus(0, null, null, "", 0);
    private Duration backoff = Duration.ofSeconds(1);
    private ScheduledFuture<?> next;
    private boolean closed;

    public TeamShipper(TeamConnection connection, HistoryTail tail, Path cursorFile, String computer,
                       ScheduledExecutorService executor, Clock clock) {
        this(connection, tail, cursorFile, computer, Map::of, executor, clock);
    }

    /** @param owners the token owners' e-mails by profile name, read once per shipping run */
    public TeamShipper(TeamConnection connection, HistoryTail tail, Path cursorFile, String computer,
                       Supplier<Map<String, String>> owners, ScheduledExecutorService executor, Clock clock) {
        this.owners = owners;
        this.notesCursorFile = cursorFile.resolveSibling(NOTES_CURSOR);
        this.connection = connection;
        this.tail = tail;
        this.cursorFile = cursorFile;
        this.computer = computer;
        this.executor = executor;
        this.clock = clock;
    }

    /** Hears every change of status, on the shipper's thread. */
    public void addListener(Consumer<TeamStatus> listener) {
        listeners.add(listener);
    }

    public TeamStatus status() {
        return status;
    }

    /** Ships soon (new entries were recorded); cancels a backoff wait, as a new entry is a good moment to retry. */
    public synchronized void nudge() {
        schedule(Duration.ZERO);
    }

    /**
     * Ships everything recorded so far, on this thread; returns how many entries the database did not have yet.
     * Throws with a plain message when the database cannot be reached or the schema refuses this app's rows.
     */
    public int shipAll() throws TeamException {
        shipping.lock(); // not the monitor: nudge() from a recording thread must never wait for a batch
        try {
            int added = shipBatches();
            publish(new TeamStatus(waitingNow(), null, null, connection.settings().describe(),
                    status.shipped() + added));
            backoff = Duration.ofSeconds(1);
            return added;
        } catch (TeamException e) {
            markOffline(e.getMessage());
            throw e;
        } finally {
            shipping.unlock();
        }
    }

    /** Ships batch after batch over one connection until the file's end; returns the entries new to the database. */
    private int shipBatches() throws TeamException {
        String db = connection.settings().describe();
        int added = 0;
        Connection c = null;
        Map<String, String> ownerOf = owners.get();
        try {
            while (true) {
                ShipCursor cursor = ShipCursor.read(cursorFile, db);
                String firstId = firstId();
                if (!cursor.firstId().equals(firstId) && cursor.offset() > 0) {
                    cursor = ShipCursor.start(db); // the history was cleared: a new file, shipped from its start
                }
                HistoryTail.Slice slice = tail.read(cursor.offset(), BATCH_BYTES);
                if (!slice.entries().isEmpty()) {
                    c = c != null ? c : open();
                    added += TeamRows.insert(c, slice.entries(), computer, ownerOf::get);
                    c.commit();
                }
                if (slice.end() != cursor.offset() || !cursor.firstId().equals(firstId)) {
                    new ShipCursor(db, slice.end(), firstId).write(cursorFile); // only after the commit
                }
                if (slice.entries().isEmpty()) {
                    c = shipNotes(c, db);
                    return added;
                }
            }
        } catch (SQLException e) {
            throw new TeamException(connection.explain(e), e);
        } catch (IOException e) {
            throw new TeamException("Reading the local history or writing the ship cursor failed: " + e.getMessage(),
                    e);
        } finally {
            if (c != null) {
                try {
                    c.close();
                } catch (SQLException e) {
                    // closing a connection that failed: nothing more to learn
                }
            }
        }
    }

    private Connection open() throws SQLException, TeamException {
        Connection c = connection.open();
        TeamSchema.State schema = TeamSchema.state(c);
        if (!schema.canShip()) {
            c.close();
            throw new TeamException(schema.describe());
        }
        notesTable = schema.version() >= NOTES_VERSION;
        c.setAutoCommit(false);
        return c;
    }

    /**
     * Ships the job notes after the entries they are about, as the entries are: commit, then the cursor. Until the
     * schema has team_notes (an older schema that still takes entries) the notes wait in the file.
     */
    private Connection shipNotes(Connection open, String db) throws SQLException, IOException, TeamException {
        Connection c = open;
        Path notesFile = JobNotes.besideHistory(tail.file()).file();
        while (true) {
            ShipCursor cursor = ShipCursor.read(notesCursorFile, db);
            List<JobNote> first = TeamNotes.read(notesFile, 0, 8192).notes();
            String firstId = first.isEmpty() ? "" : TeamNotes.key(first.get(0));
            if (!cursor.firstId().equals(firstId) && cursor.offset() > 0) {
                cursor = ShipCursor.start(db); // a new notes file (the history was cleared)
            }
            TeamNotes.Slice slice = TeamNotes.read(notesFile, cursor.offset(), BATCH_BYTES);
            if (!slice.notes().isEmpty()) {
                c = c != null ? c : open();
                if (!notesTable) {
                    return c;
                }
                TeamNotes.insert(c, slice.notes(), computer);
                c.commit();
            }
            if (slice.end() != cursor.offset() || !cursor.firstId().equals(firstId)) {
                new ShipCursor(db, slice.end(), firstId).write(notesCursorFile);
            }
            if (slice.end() == cursor.offset()) {
                return c;
            }
        }
    }

    private long waitingNow() {
        try {
            return tail.linesAfter(ShipCursor.read(cursorFile, connection.settings().describe()).offset());
        } catch (IOException e) {
            return status.waiting();
        }
    }

    private String firstId() throws IOException {
        List<HistoryEntry> first = tail.read(0, 8192).entries();
        return first.isEmpty() ? "" : first.get(0).stableId();
    }

    /** How far the history has been shipped to the database {@code settings} name (a byte offset into the file). */
    public static long shippedOffset(Path cursorFile, TeamSettings settings) {
        return ShipCursor.read(cursorFile, settings.describe()).offset();
    }

    /** Starts shipping in the background now and whenever {@link #nudge()} is called. */
    public synchronized void start() {
        schedule(Duration.ZERO);
    }

    private synchronized void schedule(Duration delay) {
        if (closed) {
            return;
        }
        if (next != null && !next.isDone()) {
            if (next.getDelay(TimeUnit.MILLISECONDS) <= delay.toMillis()) {
                return;
            }
            next.cancel(false);
        }
        next = executor.schedule(this::runInBackground, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void runInBackground() {
        synchronized (this) {
            // This run is no longer pending: a nudge from now on must queue a new run (it may come after this
            // run's last read of the file), and a retry scheduled below must not be mistaken for this run.
            next = null;
        }
        try {
            shipAll();
        } catch (TeamException e) {
            Duration wait;
            synchronized (this) {
                wait = backoff;
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
            LOG.log(System.Logger.Level.INFO, "Team history waits: {0}", e.getMessage());
            schedule(wait);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Team shipping failed", e);
            schedule(MAX_BACKOFF);
        }
    }

    private void markOffline(String message) {
        TeamStatus s = status;
        Instant since = s.offlineSince() != null ? s.offlineSince() : clock.instant();
        publish(new TeamStatus(waitingNow(), since, message, s.database(), s.shipped()));
    }

    private void publish(TeamStatus s) {
        status = s;
        for (Consumer<TeamStatus> l : listeners) {
            try {
                l.accept(s);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "Team status listener failed", e);
            }
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (next != null) {
            next.cancel(false);
        }
    }
}
