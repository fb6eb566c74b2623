package dev.purgedeck.history;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The JSON shape of an entry (snake_case field names, nulls omitted) as Jackson's streaming parser reads it: any
 * line the fast {@link LineParser} gives up on, and JSON imports. {@link LineWriter} writes the same shape.
 */
final class HistoryCodec {
    static final JsonFactory FACTORY = new JsonFactoryBuilder()
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION).build();
    /** The fields in the order {@link LineWriter} writes them; reading expects this order but accepts any. */
    static final String[] NAMES = {"job_id", "time", "profile", "endpoint_kind", "endpoint", "service_id",
        "service_name", "kind", "target", "soft", "environment", "outcome", "purge_id", "http_status", "error",
        "attempts", "duration_ms", "user", "app_version", "retry_of", "second_purge_id", "verdict",
        "verdict_reason", "id"};
    static final int FIELDS = NAMES.length;
    private static final List<String> NAME_LIST = List.of(NAMES);
    private static final int MAX_SHARED = 1 << 16;

    private HistoryCodec() {
    }

    /**
     * Reads the object the parser is on (current token START_OBJECT). Unknown fields are skipped; a missing required
     * field or a value of the wrong type throws, so the caller can skip the line. Texts many entries repeat are
     * shared through {@code shared}.
     */
    static HistoryEntry read(JsonParser p, Map<String, String> shared) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw new JsonParseException(p, "expected an object");
        }
        String[] text = new String[FIELDS];
        Instant time = null;
        boolean soft = false;
        long[] number = new long[FIELDS];
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            int field = NAME_LIST.indexOf(name);
            JsonToken value = p.nextToken();
            if (field < 0) {
                p.skipChildren(); // written by a newer version: ignore, keep the rest
            } else if (value != JsonToken.VALUE_NULL) {
                switch (field) {
                    case 1 -> time = IsoTimes.parse(string(p));
                    case 9 -> soft = bool(p);
                    case 13, 15, 16 -> number[field] = integer(p, field == 16);
                    case 8, 12, 20, 23 -> text[field] = string(p);
                    default -> text[field] = share(shared, string(p));
                }
            }
        }
        if (p.currentToken() != JsonToken.END_OBJECT) {
            throw new JsonParseException(p, "expected a field name");
        }
        if (text[0] == null || time == null || text[7] == null || text[8] == null || text[11] == null) {
            throw new JsonParseException(p, "entry lacks job_id, time, kind, target or outcome");
        }
        return new HistoryEntry(text[0], time, text[2], text[3], text[4], text[5], text[6],
                HistoryEntry.kindOf(text[7]), text[8], soft, text[10], HistoryEntry.Outcome.of(text[11]), text[12],
                (int) number[13], text[14], (int) number[15], number[16], text[17], text[18], text[19], text[20],
                text[21], text[22], text[23]);
    }

    /** The one String kept for {@code s} (a bounded number of them, so odd files cannot bloat the map). */
    static String share(Map<String, String> shared, String s) {
        String known = shared.get(s);
        if (known != null) {
            return known;
        }
        if (shared.size() < MAX_SHARED) {
            shared.put(s, s);
        }
        return s;
    }

    private static String string(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            throw new JsonParseException(p, "expected a string");
        }
        return p.getText();
    }

    private static boolean bool(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE) {
            throw new JsonParseException(p, "expected true or false");
        }
        return t == JsonToken.VALUE_TRUE;
    }

    private static long integer(JsonParser p, boolean isLong) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
            throw new JsonParseException(p, "expected an integer");
        }
        return isLong ? p.getLongValue() : p.getIntValue();
    }
}
