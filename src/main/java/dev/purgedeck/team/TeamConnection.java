package dev.purgedeck.team;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Optional;
import java.util.Properties;

/**
 * Opens JDBC connections to the team's PostgreSQL from {@link TeamSettings} and {@link TeamPasswords}; the only way
 * into the team database. A fresh connection each time (about 80 ms): a desktop client shipping batches needs no pool
 * and holds no idle connection on the team's server. Messages name the server, never the password.
 */
public final class TeamConnection {
    private final TeamSettings settings;
    private final TeamPasswords passwords;
    private final char[] typed;

    public TeamConnection(TeamSettings settings, TeamPasswords passwords) {
        this(settings, passwords, null);
    }

    private TeamConnection(TeamSettings settings, TeamPasswords passwords, char[] typed) {
        this.settings = settings;
        this.passwords = passwords;
        this.typed = typed;
    }

    /** The same connection with a password typed but not saved yet (Settings' Test button); empty means none. */
    public TeamConnection withTypedPassword(char[] password) {
        return new TeamConnection(settings, passwords, password == null || password.length == 0 ? null
                : password.clone());
    }

    public TeamSettings settings() {
        return settings;
    }

    /** Opens a connection, or says plainly why not (bad settings, unreachable, refused login, TLS). */
    public Connection open() throws TeamException {
        Optional<TeamSettings.Problem> problem = settings.problem();
        if (problem.isPresent()) {
            throw new TeamException(problem.get().message());
        }
        Properties props = new Properties();
        char[] password = null;
        try {
            password = typed != null ? typed.clone()
                    : passwords.stored().or(() -> passwords.fromPgpass(settings)).orElse(null);
        } catch (IOException e) {
            throw new TeamException("The saved team database password could not be read: " + e.getMessage());
        }
        Optional<String> pgpass = passwords.pgpassProblem();
        if (password != null) {
            props.setProperty("password", new String(password));
            Arrays.fill(password, '\0');
        } else if (pgpass.isPresent()) {
            props.setProperty("password", ""); // set at all, it stops the driver reading the loose file (as psql)
        }
        try {
            return DriverManager.getConnection(settings.jdbcUrl(), props);
        } catch (SQLException e) {
            throw new TeamException(explain(e) + pgpass.map(p -> " " + p).orElse(""), e);
        }
    }

    /** Connects and asks the server its version: the Settings "Test" button and {@code team status}. */
    public String test() throws TeamException {
        try (Connection c = open()) {
            return c.getMetaData().getDatabaseProductName() + " " + c.getMetaData().getDatabaseProductVersion();
        } catch (SQLException e) {
            throw new TeamException(explain(e), e);
        }
    }

    /** A plain sentence for what went wrong; the driver's own text is kept (it never holds the password). */
    String explain(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String where = settings.describe();
        String detail = e.getMessage() == null ? "" : e.getMessage();
        if (state.startsWith("08")) {
            if (detail.contains("SSL") || detail.contains("certificate") || detail.contains("PKIX")) {
                return "The team database " + where + " could not be reached over verified TLS: " + detail;
            }
            return "The team database " + where + " cannot be reached (offline, or wrong host or port): " + detail;
        }
        if (state.equals("28P01") || state.equals("28000")) {
            return "The team database " + where + " refused the login of user '" + settings.user()
                    + "' (wrong user or password, or not allowed from here).";
        }
        if (state.equals("3D000")) {
            return "The team database " + where + " does not exist on that server.";
        }
        return "The team database " + where + " failed: " + detail;
    }

    /** True when the failure means the server could not be reached, so waiting and retrying may help. */
    static boolean isOffline(SQLException e) {
        String state = e.getSQLState();
        return state == null || state.startsWith("08") || state.startsWith("57P");
    }
}
