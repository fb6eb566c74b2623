package dev.purgedeck.settings;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.purgedeck.files.AtomicFiles;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Reads and writes this package's small JSON files (profiles, tokens, settings): written atomically and owner-only,
 * read tolerantly, and never quoting a file's content in a message, since that content may be a token.
 */
final class JsonFiles {
    // These files are private to this package and hold plain trees, so they need none of the app mapper's modules.
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonFiles() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** The file's top-level object; empty when the file is missing, or unreadable (then a plain note is added). */
    static ObjectNode read(Path file, List<String> problems) {
        if (!Files.exists(file)) {
            return object();
        }
        try {
            JsonNode node = MAPPER.readTree(file.toFile());
            if (node instanceof ObjectNode o) {
                return o;
            }
            problems.add(file.getFileName() + " does not hold PurgeDeck's settings; it is ignored and will be replaced"
                    + " on the next change.");
        } catch (JsonProcessingException e) {
            // The parser's own message can quote the text around the error: keep only where it is.
            problems.add(file.getFileName() + " is damaged (not valid JSON" + where(e.getLocation())
                    + "); it is ignored and will be replaced on the next change.");
        } catch (AccessDeniedException e) {
            problems.add("PurgeDeck may not read " + file + "; check the file's permissions.");
        } catch (IOException e) {
            problems.add("Could not read " + file + ".");
        }
        return object();
    }

    /** The tree as the bytes {@link #write} puts in a file. */
    static byte[] bytes(ObjectNode root) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
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
