package dev.purgedeck.team;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.purgedeck.files.AtomicFiles;
import dev.purgedeck.files.Json;
import dev.purgedeck.files.Logs;
import dev.purgedeck.files.SafeFiles;
import dev.purgedeck.keysets.KeySet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The offline copy of the team's shared key sets ({@code shared-key-sets.json} in the data folder), written
 * atomically after every successful read of the database, so the sets stay usable while it cannot be reached. The
 * copy names its database: a copy of another team's sets is never shown.
 */
final class SharedCopy {
    static final String FILE = "shared-key-sets.json";
    private static final System.Logger LOG = Logs.of(SharedCopy.class);
    private static final ObjectMapper JSON = Json.newMapper();

    private final Path file;
    private final String database;

    SharedCopy(Path dataDir, String database) {
        this.file = dataDir.resolve(FILE);
        this.database = database;
    }

    void save(List<SharedKeySet> sets, Instant savedAt) throws IOException {
        ObjectNode root = JSON.createObjectNode().put("version", 1).put("database", database)
                .put("saved_at", savedAt.toString());
        ArrayNode list = root.putArray("sets");
        for (SharedKeySet s : sets) {
            ObjectNode n = list.addObject().put("name", s.name()).put("description", s.set().description())
                    .put("service_id", s.set().serviceId()).put("service_name", s.set().serviceName())
                    .put("soft", s.set().soft()).put("version", s.version()).put("changed_by", s.changedBy())
                    .put("changed_at", s.changedAt() == null ? null : s.changedAt().toString());
            s.keys().forEach(n.putArray("keys")::add);
            s.sampleUrls().forEach(n.putArray("sample_urls")::add);
        }
        AtomicFiles.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
    }

    /** The sets in the copy; none when there is no copy, it is damaged, or it is of another database. */
    List<SharedKeySet> load() {
        List<SharedKeySet> sets = new ArrayList<>();
        try {
            SafeFiles.requireRegularOrAbsent(file);
            if (!Files.exists(file)) {
                return sets;
            }
            JsonNode root = JSON.readTree(Files.readAllBytes(file));
            if (root == null || !database.equals(root.path("database").asText())) {
                return sets;
            }
            for (JsonNode n : root.path("sets")) {
                try {
                    sets.add(read(n));
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "A shared key set in the offline copy is left out: {0}",
                            e.getMessage());
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "The offline copy of the shared key sets cannot be read: {0}",
                    e.getMessage());
        }
        return sets;
    }

    private static SharedKeySet read(JsonNode n) {
        KeySet set = new KeySet(n.path("name").asText(), n.path("description").asText(""),
                n.path("service_id").asText(""), n.path("service_name").asText(""), texts(n.path("keys")),
                n.path("soft").asBoolean(false), null, null);
        String at = n.path("changed_at").asText("");
        return new SharedKeySet(set, texts(n.path("sample_urls")), n.path("version").asInt(1),
                n.path("changed_by").asText(""), at.isEmpty() ? null : Instant.parse(at), false);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }
}
