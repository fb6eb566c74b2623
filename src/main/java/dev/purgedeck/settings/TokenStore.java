package dev.purgedeck.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.purgedeck.fastly.ApiToken;
import dev.purgedeck.files.StoreLock;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Tokens typed into PurgeDeck, by profile name, in {@code tokens.json} in the data directory. Every version of the
 * file is a new file created owner-read/write only by the create call itself, then renamed into place (see
 * {@link dev.purgedeck.files.AtomicFiles}), so it is never readable by others, not even for a moment. Nothing here logs or puts a token
 * in a message. The OS keychain is not used: see the package notes in {@code ProfileStore}.
 */
public final class TokenStore {
    static final String FILE = "tokens.json";

    private final Path file;
    private final Map<String, String> tokens;
    private final List<String> problems;

    private TokenStore(Path file, Map<String, String> tokens, List<String> problems) {
        this.file = file;
        this.tokens = tokens;
        this.problems = problems;
    }

    /** Opens the store; a damaged file is reported by {@link #problem()} and replaced by the next {@link #put}. */
    public static TokenStore open(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        List<String> problems = new ArrayList<>();
        Map<String, String> tokens = parse(JsonFiles.read(file, problems));
        TokenStore store = new TokenStore(file, tokens, problems);
        if (problems.isEmpty() && othersMayRead(file)) {
            // Copied in with loose permissions, or restored from a backup: write a fresh owner-only file over it.
            try {
                store.update(next -> { });
                problems.add(FILE + " could be read by other users of this computer; it is now readable by you only.");
            } catch (IOException e) {
                problems.add(FILE + " can be read by other users of this computer, and PurgeDeck could not fix that.");
            }
        }
        return store;
    }

    public synchronized void put(String profileName, ApiToken token) throws IOException {
        update(next -> next.put(profileName, token.secret()));
    }

    public synchronized Optional<ApiToken> get(String profileName) {
        String secret = tokens.get(profileName);
        // A token saved before tokens were checked may be unsendable; it counts as missing, with its reason lost.
        return secret == null || ApiToken.problem(secret.strip()).isPresent() ? Optional.empty()
                : Optional.of(ApiToken.of(secret));
    }

    public synchronized void remove(String profileName) throws IOException {
        if (!tokens.containsKey(profileName)) {
            return;
        }
        update(next -> next.remove(profileName));
    }

    /**
     * Applies a change to the tokens the file holds now (another window may have saved one since), under a lock
     * shared with other processes, and saves them; this store then holds what was saved.
     */
    private void update(Consumer<Map<String, String>> change) throws IOException {
        StoreLock.locked(file, () -> {
            List<String> damage = new ArrayList<>();
            Map<String, String> fresh = parse(JsonFiles.read(file, damage));
            Map<String, String> next = new LinkedHashMap<>(damage.isEmpty() ? fresh : tokens);
            change.accept(next);
            save(next);
            tokens.clear();
            tokens.putAll(next);
            return null;
        });
    }

    private static Map<String, String> parse(ObjectNode root) {
        Map<String, String> tokens = new LinkedHashMap<>();
        root.path("tokens").fields().forEachRemaining(e -> {
            JsonNode v = e.getValue();
            if (v.isTextual() && !v.asText().isBlank()) {
                tokens.put(e.getKey(), v.asText());
            }
        });
        return tokens;
    }

    /** Names of the profiles with a stored token. */
    public synchronized Set<String> names() {
        return Set.copyOf(tokens.keySet());
    }

    /** What was wrong with the file when it was opened, in plain words. */
    public Optional<String> problem() {
        return problems.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", problems));
    }

    Path file() {
        return file;
    }

    private void save(Map<String, String> values) throws IOException {
        ObjectNode root = JsonFiles.object().put("version", 1);
        ObjectNode map = root.putObject("tokens");
        values.forEach(map::put);
        JsonFiles.write(file, root);
    }

    private static boolean othersMayRead(Path file) {
        if (!Files.exists(file) || !FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return false;
        }
        try {
            Set<PosixFilePermission> p = Files.getPosixFilePermissions(file);
            return p.stream().anyMatch(x -> x != PosixFilePermission.OWNER_READ && x != PosixFilePermission.OWNER_WRITE);
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "TokenStore[" + file + ", " + tokens.size() + " tokens]";
    }
}
