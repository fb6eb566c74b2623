package dev.purgedeck.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.purgedeck.files.Logs;
import dev.purgedeck.files.SetAside;
import dev.purgedeck.files.StoreWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * Remembered choices (soft purge, last service, theme, window geometry) in {@code preferences.json}. A missing or
 * unreadable file means defaults. A change takes effect in memory at once and is written, atomically, by the
 * {@link StoreWriter} it was opened with (on its thread, a burst of changes as one write).
 */
public final class RememberedState {
    private static final System.Logger LOG = Logs.of(RememberedState.class);

    private final Path file;
    private final ObjectMapper mapper;
    private final ObjectNode values;
    private final StoreWriter writer;
    private String problem;

    private RememberedState(Path file, ObjectMapper mapper, ObjectNode values, StoreWriter writer) {
        this.file = file;
        this.mapper = mapper;
        this.values = values;
        this.writer = writer;
    }

    /** As {@link #load(Path, ObjectMapper, StoreWriter)}, each change written at once on the caller's thread. */
    public static RememberedState load(Path dataDir, ObjectMapper mapper) {
        return load(dataDir, mapper, StoreWriter.direct());
    }

    /**
     * Loads {@code preferences.json} from {@code dataDir}; a corrupt file is set aside and reported by {@link #problem}.
     */
    public static RememberedState load(Path dataDir, ObjectMapper mapper, StoreWriter writer) {
        Path file = dataDir.resolve("preferences.json");
        ObjectNode values = mapper.createObjectNode();
        String problem = null;
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            problem = file + " is not a plain file, so PurgeDeck neither reads nor replaces it; move it away.";
        } else if (Files.exists(file)) {
            try {
                JsonNode node = mapper.readTree(file.toFile());
                if (node instanceof ObjectNode o) {
                    values = o;
                }
            } catch (IOException e) {
                // Set aside with its bytes kept, as the other stores do, so the next change cannot overwrite it.
                problem = setAside(file);
            }
        }
        RememberedState p = new RememberedState(file, mapper, values, writer);
        p.problem = problem;
        return p;
    }

    /** What was wrong with the file when it was read, in one plain line. */
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    private static String setAside(Path file) {
        try {
            return "preferences.json could not be read; it was set aside as "
                    + SetAside.move(file, Clock.systemUTC()).getFileName() + " and the defaults apply.";
        } catch (IOException e) {
            return "preferences.json could not be read, nor set aside; the defaults apply.";
        }
    }

    /** Defaults only, never written: for tests and for a read-only data folder. */
    public static RememberedState inMemory(ObjectMapper mapper) {
        return new RememberedState(null, mapper, mapper.createObjectNode(), StoreWriter.direct());
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
        writer.schedule(file, this::snapshot).whenComplete((v, e) -> {
            if (e != null) {
                LOG.log(System.Logger.Level.WARNING, "Could not save preferences to " + file, e);
            }
        });
    }

    /** The values as they are when the write starts, so a coalesced write saves the latest of a burst. */
    private synchronized byte[] snapshot() {
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
