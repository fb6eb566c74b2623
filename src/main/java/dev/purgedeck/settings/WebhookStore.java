package dev.purgedeck.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.purgedeck.files.AtomicFiles;
import dev.purgedeck.files.JsonTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Each profile's team-notice webhook address, in {@code webhooks.json} of the data folder. Kept apart from the
 * profiles because the address is the channel's secret, written owner-only like tokens.
 */
public final class WebhookStore {
    public static final String FILE_NAME = "webhooks.json";

    private final Path file;

    public WebhookStore(Path dataDir) {
        this.file = dataDir.resolve(FILE_NAME);
    }

    /** The profile's webhook; empty when none is set or the file cannot be read (notices are optional). */
    public Optional<String> get(String profile) {
        if (profile == null || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode url = JsonTrees.read(file).path("profiles").path(profile);
            return url.isTextual() && !url.asText().isBlank() ? Optional.of(url.asText()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Sets or, with a blank address, removes the profile's webhook. */
    public synchronized void set(String profile, String url) throws IOException {
        ObjectNode root = Files.isRegularFile(file) && JsonTrees.read(file) instanceof ObjectNode o
                ? o : JsonTrees.object();
        ObjectNode profiles = root.with("profiles");
        if (url == null || url.isBlank()) {
            profiles.remove(profile);
        } else {
            profiles.put(profile, url.strip());
        }
        AtomicFiles.write(file, JsonFiles.bytes(root));
    }
}
