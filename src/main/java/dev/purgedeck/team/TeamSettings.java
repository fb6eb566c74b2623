package dev.purgedeck.team;

import java.net.InetAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the team's PostgreSQL is: host, port and database, or a {@code service=} name from {@code pg_service.conf},
 * the user, and how TLS is checked. Holds no password (see {@link TeamPasswords}).
 *
 * @param host        server host name or address (empty with a service name)
 * @param port        server port, 0 for PostgreSQL's 5432
 * @param database    database name
 * @param service     a service name from {@code PGSERVICEFILE} or {@code ~/.pg_service.conf}, instead of host/port/db
 * @param user        the role to log in as
 * @param sslMode     the driver's sslmode ({@code verify-full} required off loopback); empty means the default
 * @param sslRootCert the CA certificate file that signed the server's certificate; empty means the driver's default
 */
public record TeamSettings(String host, int port, String database, String service, String user, String sslMode,
                           String sslRootCert) {
    public static final int DEFAULT_PORT = 5432;

    public TeamSettings {
        host = clean(host);
        database = clean(database);
        service = clean(service);
        user = clean(user);
        sslMode = clean(sslMode).toLowerCase(Locale.ROOT);
        sslRootCert = clean(sslRootCert);
    }

    /** True when nothing is set: no team database, PurgeDeck works alone. */
    public boolean isEmpty() {
        return host.isEmpty() && service.isEmpty();
    }

    /**
     * What is wrong, in plain words with the field it concerns, or empty when the settings can be used. A server
     * that is not on this computer must be reached over TLS with its certificate and name checked, as for HTTPS.
     */
    public Optional<Problem> problem() {
        if (isEmpty()) {
            return Optional.of(new Problem("host", "Enter the team database's host, or a service name."));
        }
        if (!service.isEmpty() && !host.isEmpty()) {
            return Optional.of(new Problem("service", "Give either a service name or a host, not both."));
        }
        if (port < 0 || port > 65535) {
            return Optional.of(new Problem("port", "The port must be a number from 1 to 65535."));
        }
        if (service.isEmpty() && database.isEmpty()) {
            return Optional.of(new Problem("database", "Enter the database name."));
        }
        if (user.isEmpty() && service.isEmpty()) {
            return Optional.of(new Problem("user", "Enter the database user (role)."));
        }
        if (!host.isEmpty() && !isLoopback(host) && !sslMode.equals("verify-full")) {
            return Optional.of(new Problem("sslMode", "The server " + host + " is not on this computer: PurgeDeck "
                    + "connects to it only over TLS with its certificate verified (sslmode verify-full)."));
        }
        return Optional.empty();
    }

    /** The JDBC URL for these settings: no password in it, ever. */
    public String jdbcUrl() {
        StringBuilder url = new StringBuilder("jdbc:postgresql://");
        if (service.isEmpty()) {
            url.append(host.contains(":") ? "[" + host + "]" : host);
            if (port > 0) {
                url.append(':').append(port);
            }
            url.append('/').append(enc(database)).append('?');
        } else {
            // The driver reads the service file (host, port, dbname, sslmode) for an empty host and this parameter.
            url.append("?service=").append(enc(service)).append('&');
        }
        if (!user.isEmpty()) {
            url.append("user=").append(enc(user)).append('&');
        }
        if (!sslMode.isEmpty()) {
            url.append("sslmode=").append(enc(sslMode)).append('&');
        }
        if (!sslRootCert.isEmpty()) {
            url.append("sslrootcert=").append(enc(sslRootCert)).append('&');
        }
        url.append("ApplicationName=PurgeDeck&connectTimeout=10&socketTimeout=60&reWriteBatchedInserts=true");
        return url.toString();
    }

    /** Host, port and database for messages ("db.example.com:5432/ops" or "service ops"). */
    public String describe() {
        return service.isEmpty() ? host + ":" + (port > 0 ? port : DEFAULT_PORT) + "/" + database : "service " + service;
    }

    /** True for localhost and loopback addresses, decided without a DNS lookup. */
    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost") || h.endsWith(".localhost")) {
            return true;
        }
        if (!h.matches("[0-9.]+") && !h.contains(":")) {
            return false; // a name: only the names above are known to be this computer without asking DNS
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress(); // a literal address: parsed, not looked up
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String clean(String s) {
        return s == null ? "" : s.strip();
    }

    /**
     * A problem with one field.
     *
     * @param field   the field's name (host, port, database, service, user, sslMode)
     * @param message what is wrong, in plain words
     */
    public record Problem(String field, String message) {
    }
}
