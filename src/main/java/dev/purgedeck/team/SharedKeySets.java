package dev.purgedeck.team;

import dev.purgedeck.files.Logs;
import dev.purgedeck.keysets.DuplicateNameException;
import dev.purgedeck.keysets.KeySet;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The key sets shared with the team, in the team database with who changed them and when. Every change is checked
 * against the version the editor read ({@code UPDATE … WHERE name = ? AND version = ?}): when someone else changed
 * the set in between, nothing is written and {@link SharedKeySetConflict} carries their version. Deleting is a change
 * too (the row is kept, marked deleted). Every successful list is saved as an offline copy; while the database cannot
 * be reached the list comes from that copy and changes are refused (never queued: a change made blind to the
 * others' would only become a conflict later, when its author may be gone). Blocking: never call on the UI thread.
 */
public final class SharedKeySets {
    /** The refusal of a change while the database cannot be reached (docs/team.md §5). */
    public static final String OFFLINE_EDIT = "The team database can't be reached; shared key sets can be read but "
            + "not changed until it is back.";
    private static final System.Logger LOG = Logs.of(SharedKeySets.class);
    private static final String COLUMNS = "name, keys, description, service_id, service_name, soft, sample_urls, "
            + "version, changed_by, changed_at, deleted";
    private static final String VALUES = "keys = ?, description = ?, service_id = ?, service_name = ?, soft = ?, "
            + "sample_urls = coalesce(?, sample_urls), changed_by = ?, changed_at = now()";

    private final TeamConnection connection;
    private final SharedCopy copy;
    private final String who;
    private final Clock clock;
    private volatile Instant offlineSince;

    /** @param who the editor, as {@link #who} spells it, recorded with every change */
    public SharedKeySets(TeamConnection connection, Path dataDir, String who, Clock clock) {
        this.connection = connection;
        this.copy = new SharedCopy(dataDir, connection.settings().describe());
        this.who = who;
        this.clock = clock;
    }

    /** "alice@desk-1 (work)": the OS user, the computer and the profile, as changes are signed. */
    public static String who(String user, String computer, String profile) {
        return user + "@" + computer + (profile == null || profile.isBlank() ? "" : " (" + profile + ")");
    }

    /** The shared sets (not deleted), by name; from the offline copy when the database cannot be read. */
    public SharedListing list() {
        List<SharedKeySet> sets;
        try (Connection c = connection.open();
             PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM shared_key_sets WHERE NOT deleted "
                     + "ORDER BY lower(name), name");
             ResultSet r = ps.executeQuery()) {
            sets = new ArrayList<>();
            while (r.next()) {
                readRow(r).ifPresent(sets::add);
            }
        } catch (TeamException | SQLException e) {
            Instant since = offlineSince;
            if (since == null) {
                since = clock.instant();
                offlineSince = since;
            }
            String problem = e instanceof SQLException q ? explain(q) : e.getMessage();
            return new SharedListing(copy.load(), since, problem);
        }
        offlineSince = null;
        try {
            copy.save(sets, clock.instant());
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "The offline copy of the shared key sets was not saved: {0}",
                    e.getMessage());
        }
        return new SharedListing(sets, null, null);
    }

    /** The shared set called {@code name} (ignoring case), as the database holds it now; empty when there is none. */
    public Optional<SharedKeySet> get(String name) throws TeamException {
        try (Connection c = open(); PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                + " FROM shared_key_sets WHERE lower(name) = lower(?) AND NOT deleted")) {
            ps.setString(1, name.strip());
            return one(ps);
        } catch (SQLException e) {
            throw new TeamException(explain(e), e);
        }
    }

    /** Shares {@code set} with the team (version 1, or the next version of a set someone deleted earlier). */
    public SharedKeySet create(KeySet set, List<String> sampleUrls) throws TeamException {
        try (Connection c = open()) {
            c.setAutoCommit(false);
            Optional<String> taken = Optional.empty();
            boolean wasDeleted = false;
            try (PreparedStatement ps = c.prepareStatement("SELECT name, deleted FROM shared_key_sets "
                    + "WHERE lower(name) = lower(?) FOR UPDATE")) {
                ps.setString(1, set.name());
                try (ResultSet r = ps.executeQuery()) {
                    if (r.next()) {
                        taken = Optional.of(r.getString(1));
                        wasDeleted = r.getBoolean(2);
                    }
                }
            }
            if (taken.isPresent() && !wasDeleted) {
                throw new DuplicateNameException(taken.get());
            }
            String sql = taken.isPresent()
                    ? "UPDATE shared_key_sets SET name = ?, " + VALUES + ", version = version + 1, deleted = false "
                    + "WHERE name = ? RETURNING " + COLUMNS
                    : "INSERT INTO shared_key_sets (name, keys, description, service_id, service_name, soft, "
                    + "sample_urls, changed_by) VALUES (?, ?, ?, ?, ?, ?, coalesce(?, '{}'::text[]), ?) RETURNING "
                    + COLUMNS;
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = bind(c, ps, set, sampleUrls == null ? List.of() : sampleUrls);
                if (taken.isPresent()) {
                    ps.setString(i, taken.get());
                }
                SharedKeySet created = one(ps).orElseThrow();
                c.commit();
                return created;
            }
        } catch (SQLException e) {
            throw failure(e, set.name());
        }
    }

    /**
     * Writes {@code mine} over version {@code version} of the set called {@code name} (it may be renamed). Throws
     * {@link SharedKeySetConflict}, writing nothing, when the set is no longer at that version.
     *
     * @param sampleUrls the pages to keep with the set; null keeps those it has
     */
    public SharedKeySet update(String name, int version, KeySet mine, List<String> sampleUrls)
            throws TeamException, SharedKeySetConflict {
        try (Connection c = open(); PreparedStatement ps = c.prepareStatement("UPDATE shared_key_sets SET name = ?, "
                + VALUES + ", version = version + 1 WHERE name = ? AND version = ? AND NOT deleted RETURNING "
                + COLUMNS)) {
            int i = bind(c, ps, mine, sampleUrls);
            ps.setString(i++, name);
            ps.setInt(i, version);
            Optional<SharedKeySet> saved = one(ps);
            if (saved.isEmpty()) {
                throw new SharedKeySetConflict(name, current(c, name).orElse(null));
            }
            return saved.get();
        } catch (SQLException e) {
            throw failure(e, mine.name());
        }
    }

    /** Deletes version {@code version} of the set called {@code name}; a conflict when it changed since. */
    public void delete(String name, int version) throws TeamException, SharedKeySetConflict {
        try (Connection c = open(); PreparedStatement ps = c.prepareStatement("UPDATE shared_key_sets SET "
                + "deleted = true, version = version + 1, changed_by = ?, changed_at = now() "
                + "WHERE name = ? AND version = ? AND NOT deleted")) {
            ps.setString(1, who);
            ps.setString(2, name);
            ps.setInt(3, version);
            if (ps.executeUpdate() == 0) {
                throw new SharedKeySetConflict(name, current(c, name).orElse(null));
            }
        } catch (SQLException e) {
            throw new TeamException(explain(e), e);
        }
    }

    /** The row called exactly {@code name}, deleted or not: the other side of a conflict. */
    private Optional<SharedKeySet> current(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM shared_key_sets WHERE name = ?")) {
            ps.setString(1, name);
            return one(ps);
        }
    }

    /** Binds name, the values and changed_by; returns the next parameter index. */
    private int bind(Connection c, PreparedStatement ps, KeySet set, List<String> sampleUrls) throws SQLException {
        int i = 1;
        ps.setString(i++, set.name());
        ps.setArray(i++, c.createArrayOf("text", set.keys().toArray()));
        ps.setString(i++, set.description());
        ps.setString(i++, set.serviceId().isEmpty() ? null : set.serviceId());
        ps.setString(i++, set.serviceName().isEmpty() ? null : set.serviceName());
        ps.setBoolean(i++, set.soft());
        ps.setArray(i++, sampleUrls == null ? null : c.createArrayOf("text", sampleUrls.toArray()));
        ps.setString(i++, who);
        return i;
    }

    private static Optional<SharedKeySet> one(PreparedStatement ps) throws SQLException {
        try (ResultSet r = ps.executeQuery()) {
            return r.next() ? readRow(r) : Optional.empty();
        }
    }

    /** The row as a shared set; empty (and logged) for a row no key set could hold, e.g. edited by hand. */
    private static Optional<SharedKeySet> readRow(ResultSet r) throws SQLException {
        try {
            KeySet set = new KeySet(r.getString("name"), r.getString("description"), r.getString("service_id"),
                    r.getString("service_name"), texts(r.getArray("keys")), r.getBoolean("soft"), null,
                    r.getTimestamp("changed_at").toInstant()).withSampleUrls(texts(r.getArray("sample_urls")));
            return Optional.of(new SharedKeySet(set, set.sampleUrls(), r.getInt("version"),
                    r.getString("changed_by"), r.getTimestamp("changed_at").toInstant(), r.getBoolean("deleted")));
        } catch (IllegalArgumentException e) {
            LOG.log(System.Logger.Level.WARNING, "The shared key set {0} is left out: {1}", r.getString("name"),
                    e.getMessage());
            return Optional.empty();
        }
    }

    private static List<String> texts(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }

    /** Opens a connection for a change or a fresh read; offline, says plainly that changes must wait. */
    private Connection open() throws TeamException {
        try {
            return connection.open();
        } catch (TeamException e) {
            if (e.getCause() instanceof SQLException q && TeamConnection.isOffline(q)) {
                throw new TeamException(OFFLINE_EDIT, e);
            }
            throw e;
        }
    }

    private TeamException failure(SQLException e, String name) {
        if ("23505".equals(e.getSQLState())) {
            throw new DuplicateNameException(name); // another editor took the name a moment ago
        }
        return new TeamException(explain(e), e);
    }

    /** The connection's words, or what to do when the schema lacks the shared key sets' columns. */
    private String explain(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.equals("42P01") || state.equals("42703")) {
            return "The team database has no shared key sets of this PurgeDeck version (schema " + TeamSchema.APP_VERSION
                    + ") yet: run 'purgedeck team init' as its owner.";
        }
        if (TeamConnection.isOffline(e)) {
            return OFFLINE_EDIT;
        }
        return connection.explain(e);
    }
}
