package dev.purgedeck.files;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads JSON into Jackson's tree ({@link JsonNode}) with Jackson's streaming parser, without an {@code ObjectMapper}.
 * Building the first mapper of a process costs a command-line purge about 75 ms of CPU (some 400 classes and their
 * static set-up, docs/performance.md §11), and the settings, the host map and Fastly's answers need only the tree.
 * The tree is the one {@code ObjectMapper.readTree} gives with its defaults: the same node types (whole numbers as
 * int, long or big integer nodes, others as doubles), the last of repeated names kept, content after the first value
 * ignored, and a {@link MissingNode} for input with no value. The parser's limits (nesting depth, lengths) apply, and
 * its errors ({@code JsonProcessingException}, with the location) are thrown as they are.
 */
public final class JsonTrees {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonTrees() {
    }

    /** The shared streaming factory (thread-safe), for readers that take a value without a tree. */
    public static JsonFactory factory() {
        return Parsing.FACTORY;
    }

    /** Set up on the first read: a missing settings file needs only {@link #object()}. */
    private static final class Parsing {
        static final JsonFactory FACTORY = new JsonFactory();
    }

    /** A new empty object. */
    public static ObjectNode object() {
        return NODES.objectNode();
    }

    public static JsonNode read(String json) throws IOException {
        try (JsonParser p = factory().createParser(json)) {
            return read(p);
        }
    }

    public static JsonNode read(byte[] json) throws IOException {
        try (JsonParser p = factory().createParser(json)) {
            return read(p);
        }
    }

    public static JsonNode read(Path file) throws IOException {
        try (JsonParser p = factory().createParser(Files.newInputStream(file))) {
            return read(p);
        }
    }

    private static JsonNode read(JsonParser p) throws IOException {
        JsonToken first = p.nextToken();
        return first == null ? MissingNode.getInstance() : value(p, first);
    }

    /** The value starting at {@code t}; the parser is left on its last token. */
    private static JsonNode value(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case START_OBJECT -> {
                ObjectNode o = NODES.objectNode();
                for (JsonToken n = p.nextToken(); n == JsonToken.FIELD_NAME; n = p.nextToken()) {
                    String name = p.currentName();
                    o.set(name, value(p, p.nextToken()));
                }
                return o;
            }
            case START_ARRAY -> {
                ArrayNode a = NODES.arrayNode();
                for (JsonToken n = p.nextToken(); n != JsonToken.END_ARRAY; n = p.nextToken()) {
                    a.add(value(p, n));
                }
                return a;
            }
            case VALUE_STRING -> {
                return NODES.textNode(p.getText());
            }
            case VALUE_NUMBER_INT -> {
                return switch (p.getNumberType()) {
                    case INT -> NODES.numberNode(p.getIntValue());
                    case LONG -> NODES.numberNode(p.getLongValue());
                    default -> NODES.numberNode(p.getBigIntegerValue());
                };
            }
            case VALUE_NUMBER_FLOAT -> {
                return NODES.numberNode(p.getDoubleValue());
            }
            case VALUE_TRUE -> {
                return NODES.booleanNode(true);
            }
            case VALUE_FALSE -> {
                return NODES.booleanNode(false);
            }
            case VALUE_NULL -> {
                return NODES.nullNode();
            }
            default -> throw new IOException("Unexpected JSON token " + t);
        }
    }
}
