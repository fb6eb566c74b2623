package dev.purgedeck.team;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.purgedeck.files.AtomicFiles;
import dev.purgedeck.files.SafeFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The team database settings in {@code team.json} in the data directory (no password: that is in
 * {@link TeamPasswords}), shared by the window and the command line; also where the ship cursor lives.
 */
public final class TeamSettingsStore {
    static final String FILE = "team.json";
    static final String CURSOR = "team-cursor.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dataDir;

    public TeamSettingsStore(Path dataDir) {
        this.dataDir = dataDir;
    }

    /** The saved settings, or empty when no team database is set up (or the file cannot be read). */
    public Optional<TeamSettings> load() {
        Path file = dataDir.resolve(FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            SafeFiles.requireRegularOrAbsent(file);
            JsonNode n = JSON.readTree(Files.readAllBytes(file));
            TeamSettings s = new TeamSettings(n.path("host").asText(""), n.path("port").asInt(0),
                    n.path("database").asText(""), n.path("service").asText(""), n.path("user").asText(""),
                    n.path("sslmode").asText(""), n.path("sslrootcert").asText(""));
            return s.isEmpty() ? Optional.empty() : Optional.of(s);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Saves {@code s} atomically; empty settings turn team features off. */
    public void save(TeamSettings s) throws IOException {
        ObjectNode n = JSON.createObjectNode().put("version", 1).put("host", s.host()).put("port", s.port())
                .put("database", s.database()).put("service", s.service()).put("user", s.user())
                .put("sslmode", s.sslMode()).put("sslrootcert", s.sslRootCert());
        AtomicFiles.write(dataDir.resolve(FILE), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(n));
    }

    public TeamPasswords passwords(Map<String, String> env, Path home) {
        return new TeamPasswords(dataDir, env, home);
    }

    /** Where the shipper keeps how far it got. */
    public Path cursorFile() {
        return dataDir.resolve(CURSOR);
    }

    /** This computer's name for the "who purged" columns, without a DNS lookup when the environment has it. */
    public static String computerName(Map<String, String> env) {
        for (String key : new String[] {"HOSTNAME", "COMPUTERNAME"}) {
            String v = env.get(key);
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
