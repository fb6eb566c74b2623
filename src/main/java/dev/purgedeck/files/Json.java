package dev.purgedeck.files;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one place the app's JSON mapper is configured, for its own files (settings, preferences, key sets, history
 * exports) and the command line's output: ISO-8601 times, and no failure on fields a newer version added.
 */
public final class Json {
    private Json() {
    }

    /** A new mapper configured for PurgeDeck's files; build one per owner and share it (building one is not cheap). */
    public static ObjectMapper newMapper() {
        return new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }
}
