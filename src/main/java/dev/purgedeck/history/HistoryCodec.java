package dev.purgedeck.history;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import dev.purgedeck.fastly.PurgeKind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/**
 * The one JSON shape of an entry (snake_case, nulls omitted), written and read with Jackson's streaming API: a load
 * parses a million of these, and databind per line would be several times slower.
 */
final class HistoryCodec {
    /** Lines end with our own '\n' (no root separator); emoji are written as UTF-8, not as escaped surrogates. */
    static final JsonFactory FACTORY = new JsonFactoryBuilder().rootValueSeparator((String) null)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8).build();

    private HistoryCodec() {
    }

    /** Each entry as one line ending in '\n', in UTF-8, ready for a single write. */
    static byte[] lines(List<HistoryEntry> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(entries.size() * 400);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            for (HistoryEntry e : entries) {
                write(g, e);
                g.writeRaw('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array cannot fail to grow
        }
        return out.toByteArray();
    }

    static JsonGenerator generator(OutputStream out) throws IOException {
        return FACTORY.createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    static void write(JsonGenerator g, HistoryEntry e) throws IOException {
        g.writeStartObject();
        string(g, "job_id", e.jobId());
        g.writeStringField("time", IsoTimes.format(e.time()));
        string(g, "profile", e.profile());
        string(g, "endpoint_kind", e.endpointKind());
        string(g, "endpoint", e.endpoint());
        string(g, "service_id", e.serviceId());
        string(g, "service_name", e.serviceName());
        g.writeStringField("kind", e.kind().id());
        string(g, "target", e.target());
        g.writeBooleanField("soft", e.soft());
        string(g, "environment", e.environment());
        g.writeStringField("outcome", e.outcome().id());
        string(g, "purge_id", e.purgeId());
        g.writeNumberField("http_status", e.httpStatus());
        string(g, "error", e.error());
        g.writeNumberField("attempts", e.attempts());
        g.writeNumberField("duration_ms", e.durationMs());
        string(g, "user", e.user());
        string(g, "app_version", e.appVersion());
        g.writeEndObject();
    }

    private static void string(JsonGenerator g, String name, String value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value);
        }
    }

    /** The fields in the order {@link #write} puts them; reading expects this order but accepts any. */
    static final String[] NAMES = {"job_id", "time", "profile", "endpoint_kind", "endpoint", "service_id",
        "service_name", "kind", "target", "soft", "environment", "outcome", "purge_id", "http_status", "error",
        "attempts", "duration_ms", "user", "app_version"};
    static final int FIELDS = NAMES.length;
    private static final SerializedString[] QUOTED = java.util.Arrays.stream(NAMES).map(SerializedString::new)
            .toArray(SerializedString[]::new);

    /**
     * Reads the object the parser is on (current token START_OBJECT). Unknown fields are skipped; a missing required
     * field or a value of the wrong type throws, so the caller can skip the line.
     */
    static HistoryEntry read(JsonParser p, Interner in) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw new JsonParseException(p, "expected an object");
        }
        String jobId = null, profile = null, endpointKind = null, endpoint = null, serviceId = null;
        String serviceName = null, target = null, environment = null, purgeId = null, error = null;
        String user = null, appVersion = null;
        Instant time = null;
        PurgeKind kind = null;
        HistoryEntry.Outcome outcome = null;
        boolean soft = false;
        int httpStatus = 0, attempts = 0;
        long durationMs = 0;
        int expected = 0;
        while (true) {
            int field;
            // Fast path: our own lines list the fields in writing order, and matching the next expected name's
            // bytes skips the symbol-table lookup.
            if (expected < FIELDS && p.nextFieldName(QUOTED[expected])) {
                field = expected;
            } else {
                JsonToken t = expected < FIELDS ? p.currentToken() : p.nextToken();
                if (t == JsonToken.END_OBJECT) {
                    break;
                } else if (t != JsonToken.FIELD_NAME) {
                    throw new JsonParseException(p, "expected a field name");
                } else if ((field = indexOf(p.currentName())) < 0) {
                    p.nextToken();
                    p.skipChildren(); // written by a newer version: ignore, keep the rest
                    continue;
                }
            }
            expected = field + 1;
            if (p.nextToken() == JsonToken.VALUE_NULL) {
                continue;
            }
            switch (field) {
                case 0 -> jobId = shared(p, in, field);
                case 1 -> time = IsoTimes.parse(text(p), p.getTextOffset(), p.getTextLength());
                case 2 -> profile = shared(p, in, field);
                case 3 -> endpointKind = shared(p, in, field);
                case 4 -> endpoint = shared(p, in, field);
                case 5 -> serviceId = shared(p, in, field);
                case 6 -> serviceName = shared(p, in, field);
                case 7 -> kind = HistoryEntry.kindOf(shared(p, in, field));
                case 8 -> target = own(p);
                case 9 -> soft = bool(p);
                case 10 -> environment = shared(p, in, field);
                case 11 -> outcome = HistoryEntry.Outcome.of(shared(p, in, field));
                case 12 -> purgeId = own(p);
                case 13 -> httpStatus = integer(p);
                case 14 -> error = shared(p, in, field);
                case 15 -> attempts = integer(p);
                case 16 -> durationMs = longInteger(p);
                case 17 -> user = shared(p, in, field);
                default -> appVersion = shared(p, in, field);
            }
        }
        if (jobId == null || time == null || kind == null || target == null || outcome == null) {
            throw new JsonParseException(p, "entry lacks job_id, time, kind, target or outcome");
        }
        return new HistoryEntry(jobId, time, profile, endpointKind, endpoint, serviceId, serviceName, kind, target,
                soft, environment, outcome, purgeId, httpStatus, error, attempts, durationMs, user, appVersion);
    }

    private static int indexOf(String name) {
        for (int i = 0; i < FIELDS; i++) {
            if (NAMES[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static char[] text(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            throw new JsonParseException(p, "expected a string");
        }
        return p.getTextCharacters();
    }

    private static String shared(JsonParser p, Interner in, int field) throws IOException {
        char[] c = text(p);
        return in.intern(field, c, p.getTextOffset(), p.getTextLength());
    }

    private static String own(JsonParser p) throws IOException {
        text(p);
        return p.getText();
    }

    private static boolean bool(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE) {
            throw new JsonParseException(p, "expected true or false");
        }
        return t == JsonToken.VALUE_TRUE;
    }

    private static int integer(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
            throw new JsonParseException(p, "expected an integer");
        }
        return p.getIntValue();
    }

    private static long longInteger(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
            throw new JsonParseException(p, "expected an integer");
        }
        return p.getLongValue();
    }
}
