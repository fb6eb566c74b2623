package dev.purgedeck.team;

import dev.purgedeck.files.AtomicFiles;
import dev.purgedeck.files.SafeFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where the team database password comes from: PurgeDeck's own owner-only file ({@code team-password}, written
 * like the API tokens' file), else PostgreSQL's password file ({@code PGPASSFILE} or {@code ~/.pgpass}), which the
 * driver reads itself. As psql does, a password file that others may read is not used, and the reason is given.
 * The password is never logged nor put in a message.
 */
public final class TeamPasswords {
    static final String FILE = "team-password";

    private final Path file;
    private final Map<String, String> env;
    private final Path home;

    public TeamPasswords(Path dataDir, Map<String, String> env, Path home) {
        this.file = dataDir.resolve(FILE);
        this.env = env;
        this.home = home;
    }

    /** The stored password, if one was saved in PurgeDeck. */
    public Optional<char[]> stored() throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        SafeFiles.requireRegularOrAbsent(file);
        String s = Files.readString(file, StandardCharsets.UTF_8);
        return s.isEmpty() ? Optional.empty() : Optional.of(s.toCharArray());
    }

    /** Saves {@code password} owner-read/write only (an empty one removes it). */
    public void save(char[] password) throws IOException {
        if (password == null || password.length == 0) {
            Files.deleteIfExists(file);
            return;
        }
        AtomicFiles.write(file, new String(password).getBytes(StandardCharsets.UTF_8));
    }

    /** The PostgreSQL password file the driver would read: {@code PGPASSFILE}, else {@code ~/.pgpass}. */
    public Path pgpassFile() {
        String named = env.get("PGPASSFILE");
        return named != null && !named.isBlank() ? Path.of(named) : home.resolve(".pgpass");
    }

    /**
     * The password PostgreSQL's password file gives for {@code s} (lines {@code host:port:database:user:password},
     * {@code *} matching anything, {@code \\} escaping), read here rather than by the driver so the file is the one
     * this environment names and is used only when {@link #pgpassProblem()} finds nothing wrong with it.
     */
    public Optional<char[]> fromPgpass(TeamSettings s) {
        Path f = pgpassFile();
        if (!s.service().isEmpty() || !Files.isRegularFile(f) || pgpassProblem().isPresent()) {
            return Optional.empty();
        }
        String port = Integer.toString(s.port() > 0 ? s.port() : TeamSettings.DEFAULT_PORT);
        String[] want = {s.host(), port, s.database(), s.user()};
        try {
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                List<String> fields = fields(line);
                if (fields.size() < 5) {
                    continue;
                }
                boolean match = true;
                for (int i = 0; i < 4 && match; i++) {
                    match = fields.get(i).equals("*") || fields.get(i).equals(want[i]);
                }
                if (match) {
                    return Optional.of(fields.get(4).toCharArray());
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                b.append(line.charAt(++i));
            } else if (c == ':' && out.size() < 4) {
                out.add(b.toString());
                b.setLength(0);
            } else {
                b.append(c);
            }
        }
        out.add(b.toString());
        return out;
    }

    /**
     * Why the PostgreSQL password file must not be used (psql ignores one that group or others may read, or that is
     * not a plain file), or empty when it is absent or fine.
     */
    public Optional<String> pgpassProblem() {
        Path f = pgpassFile();
        if (!Files.exists(f)) {
            return Optional.empty();
        }
        if (!Files.isRegularFile(f)) {
            return Optional.of("The password file " + f + " is not a plain file; it is not used.");
        }
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return Optional.empty();
        }
        try {
            Set<PosixFilePermission> p = Files.getPosixFilePermissions(f);
            if (p.stream().anyMatch(x -> !x.name().startsWith("OWNER_"))) {
                return Optional.of("The password file " + f + " can be read by other users, so it is not used "
                        + "(as psql does): run chmod 600 " + f + ".");
            }
        } catch (IOException e) {
            return Optional.of("The password file " + f + " could not be checked: it is not used.");
        }
        return Optional.empty();
    }
}
