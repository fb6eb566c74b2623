package dev.purgedeck.keysets;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.purgedeck.files.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * The JSON form of key sets, shared by {@code keysets.json} and exports: {@code {"version":1,"key_sets":[…]}} with
 * snake_case fields, times as ISO-8601 UTC text, two-space indent and one array item per line so diffs stay small.
 */
final class KeySetJson {
    static final int VERSION = 1;

    // Streams belong to the caller: the mapper must not close them (Jackson's default would).
    private static final ObjectMapper MAPPER = Json.newMapper()
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
    private static final ObjectWriter WRITER = MAPPER.writer(prettyPrinter());

    private KeySetJson() {
    }

    static void write(List<KeySet> sets, OutputStream out) throws IOException {
        ObjectNode root = MAPPER.createObjectNode().put("version", VERSION);
        ArrayNode list = root.putArray("key_sets");
        for (KeySet s : sets) {
            ObjectNode o = list.addObject()
                    .put("name", s.name())
                    .put("description", s.description())
                    .put("service_id", s.serviceId())
                    .put("service_name", s.serviceName());
            ArrayNode keys = o.putArray("keys");
            s.keys().forEach(keys::add);
            if (!s.sampleUrls().isEmpty()) {
                // Only when there are some, so files of sets without them stay as they were.
                s.sampleUrls().forEach(o.putArray("sample_urls")::add);
            }
            o.put("soft", s.soft())
                    .put("created", s.created() == null ? null : s.created().toString())
                    .put("updated", s.updated() == null ? null : s.updated().toString());
        }
        WRITER.writeValue(out, root);
        out.write('\n');
        out.flush();
    }

    static byte[] toBytes(List<KeySet> sets) throws IOException {
        var out = new java.io.ByteArrayOutputStream(4096);
        write(sets, out);
        return out.toByteArray();
    }

    /**
     * Reads one set object, an array of them, or {@code {"key_sets":[…]}}. Throws only when the input is not JSON
     * or not shaped like key sets; anything wrong inside a set is left out and reported in the result.
     */
    static ImportResult read(InputStream in) throws IOException {
        JsonNode root;
        try {
            root = MAPPER.readTree(in);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new IOException("It is not valid JSON: " + e.getOriginalMessage()
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"), e);
        }
        if (root == null || root.isMissingNode()) {
            throw new IOException("It is empty.");
        }
        JsonNode list = root.isObject() && root.has("key_sets") ? root.get("key_sets")
                : root.isObject() && root.has("name") ? MAPPER.createArrayNode().add(root) : root;
        if (!list.isArray()) {
            throw new IOException("It does not hold key sets: expected a key set, a list of key sets, or {\"key_sets\": […]}.");
        }
        return KeySetJsonReader.read(list);
    }

    private static DefaultPrettyPrinter prettyPrinter() {
        // "\n" rather than the platform line separator, so the file is byte-identical on every OS.
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(separators);
        printer.indentObjectsWith(indenter);
        printer.indentArraysWith(indenter);
        return printer;
    }
}
