package dev.purgedeck.team;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.purgedeck.files.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * How far the local history has been shipped to which team database: a byte offset into the history file, and the
 * ID of the file's first entry (a cleared history is a new file: its offsets start over). Written atomically after
 * each batch commits, so a crash leaves the cursor at or before what the database holds, never after it: a batch
 * shipped again is ignored by the database, a batch never shipped cannot be skipped.
 *
 * @param database the team database the offset belongs to ({@link TeamSettings#describe()})
 * @param offset   everything before this offset is in the team database
 * @param firstId  the stable ID of the history file's first entry when the offset was written
 */
record ShipCursor(String database, long offset, String firstId) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static ShipCursor start(String database) {
        return new ShipCursor(database, 0, "");
    }

    /** The cursor saved in {@code file} for {@code database}; the start when there is none or it is for another. */
    static ShipCursor read(Path file, String database) {
        try {
            JsonNode n = JSON.readTree(Files.readAllBytes(file));
            if (n != null && database.equals(n.path("database").asText()) && n.path("offset").canConvertToLong()) {
                return new ShipCursor(database, Math.max(0, n.path("offset").asLong()), n.path("first_id").asText());
            }
        } catch (NoSuchFileException e) {
            return start(database);
        } catch (IOException e) {
            // A damaged cursor ships everything again: the database ignores what it has, nothing is lost.
        }
        return start(database);
    }

    void write(Path file) throws IOException {
        ObjectNode n = JSON.createObjectNode().put("database", database).put("offset", offset).put("first_id", firstId);
        AtomicFiles.write(file, JSON.writeValueAsBytes(n));
    }
}
