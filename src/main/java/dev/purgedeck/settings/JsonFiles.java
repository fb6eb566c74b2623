package dev.purgedeck.settings;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.purgedeck.files.AtomicFiles;
import dev.purgedeck.files.Json;
import dev.purgedeck.files.JsonTrees;
import dev.purgedeck.files.SetAside;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

/**
 * Reads and writes this package's small JSON files (profiles, tokens, settings): written atomically and owner-only,
 * read tolerantly, and never quoting a file's content in a message, since that content may be a token.
 */
final class JsonFiles {
    /** For writing only, built on first use: reading needs no mapper ({@link JsonTrees}). */
    private static final class Writer {
        static final ObjectMapper MAPPER = Json.newMapper();
    }

    private JsonFiles() {
    }

    static ObjectNode object() {
        return JsonTrees.object();
    }

    /**
     * The file's top-level object; empty when the file is missing or unreadable (then a plain note is added). A file
     * that is not PurgeDeck's JSON is set aside under a dated name first (see {@link SetAside}), so the next change,
     * which writes a fresh file, cannot overwrite its bytes.
     */
    static ObjectNode read(Path file, List<String> problems) {
        if (!Files.exists(file)) {
            return object();
        }
        if (!Files.isRegularFile(file)) {
            // A FIFO or device would block or never end the read; writing it is refused too (see SafeFiles).
            problems.add(file + " is not a plain file, so PurgeDeck neither reads nor replaces it; move it away.");
            return object();
        }
        String damage;
        try {
            JsonNode node = JsonTrees.read(file);
            if (node instanceof ObjectNode o) {
                return o;
            }
            damage = "does not hold PurgeDeck's settings";
        } catch (JsonProcessingException e) {
            // The parser's own message can quote the text around the error: keep only where it is.
            damage = "is damaged (not valid JSON" + where(e.getLocation()) + ")";
        } catch (AccessDeniedException e) {
            problems.add("PurgeDeck may not read " + file + "; check the file's permissions.");
            return object();
        } catch (IOException e) {
            problems.add("Could not read " + file + ".");
            return object();
        }
        try {
            Path aside = SetAside.move(file, Clock.systemUTC());
            problems.add(file.getFileName() + " " + damage + "; it was set aside as " + aside.getFileName()
                    + " and PurgeDeck goes on without it.");
        } catch (IOException e) {
            problems.add(file.getFileName() + " " + damage + " and could not be set aside; it is ignored and will be"
                    + " replaced on the next change.");
        }
        return object();
    }

    /** The tree as the bytes {@link #write} puts in a file. */
    static byte[] bytes(ObjectNode root) {
        try {
            return Writer.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A plain JSON tree could not be written", e);
        }
    }

    /** Writes the tree atomically, owner-only from the first byte (see {@link AtomicFiles}). */
    static void write(Path file, ObjectNode root) throws IOException {
        byte[] bytes = bytes(root);
        try {
            AtomicFiles.write(file, bytes);
        } finally {
            Arrays.fill(bytes, (byte) 0); // the tokens file's bytes should not linger in the heap longer than needed
        }
    }

    static String where(JsonLocation at) {
        return at == null || at.getLineNr() < 1 ? "" : " at line " + at.getLineNr();
    }
}
