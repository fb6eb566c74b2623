package dev.purgedeck.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.purgedeck.files.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Remembered choices (soft purge, last service, theme, window geometry) in {@code preferences.json}. A missing or
 * unreadable file means defaults; every change is written at once, atomically.
 */
public final class Preferences {
    private static final System.Logger LOG = System.getLogger(Preferences.class.getName());

    private final Path file;
    private final ObjectMapper mapper;
    private final ObjectNode values;

    private Preferences(Path file, ObjectMapper mapper, ObjectNode values) {
        this.file = file;
        this.mapper = mapper;
        this.values = values;
    }

    /** Loads {@code preferences.json} from {@code dataDir}; a corrupt file is logged and replaced on the next change. */
    public static Preferences load(Path dataDir, ObjectMapper mapper) {
        Path file = dataDir.resolve("preferences.json");
        ObjectNode values = mapper.createObjectNode();
        if (Files.exists(file)) {
            try {
                JsonNode node = mapper.readTree(file.toFile());
                if (node instanceof ObjectNode o) {
                    values = o;
                }
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "Preferences file unreadable, using defaults: " + file, e);
            }
        }
        return new Preferences(file, mapper, values);
    }

    /** Defaults only, never written: for tests and for a read-only data folder. */
    public static Preferences inMemory(ObjectMapper mapper) {
        return new Preferences(null, mapper, mapper.createObjectNode());
    }

    public synchronized <T> T get(Pref<T> key) {
        JsonNode v = values.get(key.name());
        if (v == null || v.isNull()) {
            return key.defaultValue();
        }
        try {
            T value = mapper.treeToValue(v, key.type());
            return value == null ? key.defaultValue() : value;
        } catch (IOException | IllegalArgumentException e) {
            return key.defaultValue();
        }
    }

    public synchronized <T> void set(Pref<T> key, T value) {
        if (value == null) {
            values.remove(key.name());
        } else {
            values.set(key.name(), mapper.valueToTree(value));
        }
        save();
    }

    private void save() {
        if (file == null) {
            return;
        }
        try {
            AtomicFiles.write(file, mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(values));
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not save preferences to " + file, e);
        }
    }
}
