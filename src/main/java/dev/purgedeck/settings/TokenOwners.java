package dev.purgedeck.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.purgedeck.files.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The e-mail of each profile's token owner as Fastly last told it ({@code GET /current_user}'s {@code login}), in
 * {@value #FILE_NAME}: the team shipper puts it on the profile's rows, as the history entries carry no such field.
 */
public final class TokenOwners {
    public static final String FILE_NAME = "token-owners.json";

    private final Path file;
    private final ObjectMapper mapper = new ObjectMapper();

    public TokenOwners(Path dataDir) {
        this.file = dataDir.resolve(FILE_NAME);
    }

    /** Whether {@code owner} (a login, a name or a user ID) is an e-mail address; only those are kept. */
    public static boolean isEmail(String owner) {
        return owner != null && owner.indexOf('@') > 0 && owner.indexOf('@') < owner.length() - 1
                && owner.chars().noneMatch(Character::isWhitespace);
    }

    /** Profile name → owner's e-mail; empty when none is known or the file cannot be read (the e-mail is optional). */
    public Map<String, String> all() {
        Map<String, String> out = new HashMap<>();
        if (!Files.isRegularFile(file)) {
            return out;
        }
        try {
            mapper.readTree(file.toFile()).path("profiles").fields().forEachRemaining(f -> {
                if (f.getValue().isTextual() && isEmail(f.getValue().asText())) {
                    out.put(f.getKey(), f.getValue().asText());
                }
            });
        } catch (IOException e) {
            return Map.of();
        }
        return out;
    }

    public Optional<String> email(String profile) {
        return Optional.ofNullable(all().get(profile));
    }

    /**
     * Keeps {@code owner} for {@code profile} when it is an e-mail and new; returns whether the file changed. A file
     * that cannot be written changes nothing: rows then ship without the e-mail, as before it was known.
     */
    public synchronized boolean remember(String profile, String owner) {
        if (profile == null || !isEmail(owner)) {
            return false;
        }
        String email = owner.strip().toLowerCase(Locale.ROOT);
        if (email.equals(all().get(profile))) {
            return false;
        }
        ObjectNode root = Files.isRegularFile(file) && readOrNull() instanceof ObjectNode o ? o
                : mapper.createObjectNode();
        root.with("profiles").put(profile, email);
        try {
            AtomicFiles.write(file, mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root)
                    .getBytes(StandardCharsets.UTF_8));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private JsonNode readOrNull() {
        try {
            return mapper.readTree(file.toFile());
        } catch (IOException e) {
            return null; // a damaged file is replaced: it only caches what Fastly tells again
        }
    }
}
