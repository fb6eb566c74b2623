package dev.purgedeck.fastly;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.purgedeck.files.JsonTrees;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads Fastly's service, token and user JSON leniently: a missing or odd field never fails the whole answer. */
final class JsonReaders {
    private JsonReaders() {
    }

    /**
     * The {@code id} of a purge answer ({@code {"status":"ok","id":"..."}}) read as a stream, without building a tree:
     * the text of a scalar, "" for an object or array, null when absent, null or the answer is not an object (as
     * {@code readTree(...).get("id").asText()} gave). Fails on a body that is not one whole JSON value.
     */
    static String purgeId(JsonFactory json, String body) throws IOException {
        String[] simple = FlatStrings.purgeId(body);
        if (simple != null) {
            return simple[0];
        }
        try (JsonParser p = json.createParser(body)) {
            JsonToken root = p.nextToken();
            if (root == null) {
                throw new IOException("empty body");
            }
            String id = null;
            if (root == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    boolean isId = "id".equals(p.currentName());
                    JsonToken value = p.nextToken();
                    if (isId) {
                        id = value == JsonToken.VALUE_NULL ? null : value.isScalarValue() ? p.getText() : "";
                    }
                    p.skipChildren();
                }
            } else {
                p.skipChildren();
            }
            return id;
        }
    }

    /** The batch purge's body, {@code {"surrogate_keys":[...]}}, as Jackson writes it. */
    static byte[] keyBatchBody(List<String> keys) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 + keys.size() * 24);
        try (JsonGenerator g = JsonTrees.factory().createGenerator(out)) {
            g.writeStartObject();
            g.writeArrayFieldStart("surrogate_keys");
            for (String k : keys) {
                g.writeString(k);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return out.toByteArray();
    }

    static ServiceInfo service(JsonNode s) {
        int version = s.path("version").asInt(0);
        if (version == 0) {
            for (JsonNode v : s.path("versions")) {
                if (v.path("active").asBoolean(false)) {
                    version = v.path("number").asInt(0);
                }
            }
        }
        return new ServiceInfo(s.path("id").asText(""), s.path("name").asText(""), s.path("type").asText("vcl"), version);
    }

    /** The domain names of a service detail's active version, lower case; none when nothing is active. */
    static List<String> domains(JsonNode details) {
        List<String> names = new ArrayList<>();
        for (JsonNode d : details.path("active_version").path("domains")) {
            String name = d.path("name").asText("").strip().toLowerCase(java.util.Locale.ROOT);
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return names;
    }

    static TokenInfo token(JsonNode t) {
        Set<String> scopes = new LinkedHashSet<>();
        for (JsonNode s : t.path("scopes")) {
            scopes.add(s.asText());
        }
        for (String s : t.path("scope").asText("").split("\\s+")) {
            if (!s.isBlank()) {
                scopes.add(s);
            }
        }
        if (scopes.isEmpty()) {
            scopes.add("global");
        }
        List<String> services = new ArrayList<>();
        for (JsonNode s : t.path("services")) {
            services.add(s.asText());
        }
        String owner = t.path("user_login").asText(t.path("user_id").asText(""));
        return new TokenInfo(t.path("id").asText(""), t.path("name").asText(""), owner,
                t.path("customer_id").asText(""), Set.copyOf(scopes), List.copyOf(services),
                instant(t.path("expires_at")), true);
    }

    static TokenInfo user(JsonNode u) {
        String owner = u.path("login").asText(u.path("name").asText(u.path("id").asText("")));
        return new TokenInfo("", "", owner, u.path("customer_id").asText(""), Set.of(), List.of(), Optional.empty(), false);
    }

    /** Null when the event has no readable time: it cannot be placed in History. */
    static FastlyEvent event(JsonNode e) {
        JsonNode a = e.path("attributes");
        return instant(a.path("created_at")).map(at -> new FastlyEvent(e.path("id").asText(""),
                a.path("event_type").asText(""), a.path("service_id").asText(""), a.path("user_id").asText(""),
                a.path("token_id").asText(""), a.path("ip").asText(""), at, a.path("admin").asBoolean(false)))
                .orElse(null);
    }

    private static Optional<Instant> instant(JsonNode node) {
        if (node == null || node.isNull() || node.asText("").isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(node.asText()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
    /**
     * The usual purge answer, an object of plain strings ({@code {"status": "ok", "id": "108-1391560174-974124"}}),
     * read without a parser: one per URL, a parser's set-up cost more than the rest of reading the answer
     * (docs/performance.md §11). Only that shape is read here, and it means what JSON says it means; anything else
     * (a number, a nested value, an escape, a control character, trailing text) returns null and goes to Jackson.
     */
    private static final class FlatStrings {
        private FlatStrings() {
        }

        /** {@code {id}} (id null when absent) when the body is such an object, else null. */
        static String[] purgeId(String s) {
            int n = s.length();
            int i = space(s, 0);
            if (i >= n || s.charAt(i) != '{') {
                return null;
            }
            String id = null;
            i = space(s, i + 1);
            if (i < n && s.charAt(i) == '}') {
                return space(s, i + 1) == n ? new String[] {null} : null;
            }
            while (true) {
                int nameEnd = string(s, i);
                if (nameEnd < 0) {
                    return null;
                }
                boolean isId = nameEnd - i == 4 && s.startsWith("\"id\"", i);
                i = space(s, nameEnd);
                if (i >= n || s.charAt(i) != ':') {
                    return null;
                }
                i = space(s, i + 1);
                int valueEnd = string(s, i);
                if (valueEnd < 0) {
                    return null;
                }
                if (isId) {
                    id = s.substring(i + 1, valueEnd - 1);
                }
                i = space(s, valueEnd);
                if (i >= n) {
                    return null;
                }
                char c = s.charAt(i);
                if (c == '}') {
                    return space(s, i + 1) == n ? new String[] {id} : null;
                }
                if (c != ',') {
                    return null;
                }
                i = space(s, i + 1);
            }
        }

        /** Past the JSON string without escapes or control characters at {@code i}; -1 when there is none. */
        private static int string(String s, int i) {
            if (i >= s.length() || s.charAt(i) != '"') {
                return -1;
            }
            for (int j = i + 1; j < s.length(); j++) {
                char c = s.charAt(j);
                if (c == '"') {
                    return j + 1;
                }
                if (c == '\\' || c < 0x20) {
                    return -1;
                }
            }
            return -1;
        }

        private static int space(String s, int i) {
            while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t' || s.charAt(i) == '\n'
                    || s.charAt(i) == '\r')) {
                i++;
            }
            return i;
        }
    }
}
