package dev.purgedeck.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.purgedeck.files.StoreLock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The settings in {@code settings.json} in the data directory: read once, rewritten atomically on each change, and
 * announced to listeners at once. A damaged file, or a damaged value, means the default, never a failed start.
 *
 * <p>The history's location is shown but not stored here: it is the data directory (movable as a whole with
 * {@code PURGEDECK_HOME}), because moving an append-only log on its own would split it in two.
 */
public final class SettingsStore {
    static final String FILE = "settings.json";
    /**
     * 2 since the default concurrency went from 8 to 16. Version 1 stored every value, changed or not, so its 8 is
     * taken as the old default, not as a choice.
     */
    static final int VERSION = 2;
    private static final int VERSION_1_DEFAULT_CONCURRENCY = 8;
    private static final System.Logger LOG = System.getLogger(SettingsStore.class.getName());

    private final Path file;
    private final List<Consumer<Settings>> listeners = new CopyOnWriteArrayList<>();
    private final String problem;
    private volatile Settings current;

    private SettingsStore(Path file, Settings current, String problem) {
        this.file = file;
        this.current = current;
        this.problem = problem;
    }

    public static SettingsStore open(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        List<String> problems = new ArrayList<>();
        Settings s = fromJson(JsonFiles.read(file, problems), problems);
        return new SettingsStore(file, s, problems.isEmpty() ? null : String.join(" ", problems));
    }

    public Settings get() {
        return current;
    }

    /** What was wrong with the file when it was read, in plain words. */
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    /**
     * Applies a change, saves it, then tells the listeners on this thread. When saving fails nothing changes and the
     * exception says why; an invalid value fails in {@link Settings}' constructor before anything is written.
     */
    public synchronized void update(UnaryOperator<Settings> change) throws IOException {
        Settings before = current;
        // Applied to what the file holds now, under a lock shared with other processes: another window's change
        // since this one read the file is kept, not overwritten.
        Settings next = StoreLock.locked(file, () -> {
            List<String> damage = new ArrayList<>();
            ObjectNode fresh = JsonFiles.read(file, damage);
            Settings base = damage.isEmpty() && Files.exists(file) ? fromJson(fresh, new ArrayList<>()) : current;
            Settings changed = Objects.requireNonNull(change.apply(base), "settings");
            if (!changed.equals(base)) {
                JsonFiles.write(file, toJson(changed));
            }
            return changed;
        });
        if (next.equals(before)) {
            return;
        }
        current = next;
        for (Consumer<Settings> l : listeners) {
            try {
                l.accept(next);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "A settings listener failed", e);
            }
        }
    }

    public void addListener(Consumer<Settings> listener) {
        listeners.add(Objects.requireNonNull(listener));
    }

    public void removeListener(Consumer<Settings> listener) {
        listeners.remove(listener);
    }

    private static ObjectNode toJson(Settings s) {
        return JsonFiles.object().put("version", VERSION).put("defaultSoft", s.defaultSoft())
                .put("concurrency", s.concurrency()).put("confirmAbove", s.confirmAbove()).put("theme", s.theme().id())
                .put("requestTimeoutSeconds", s.requestTimeoutSeconds()).put("retries", s.retries())
                .put("deadlineMinutes", s.deadlineMinutes());
    }

    /** Each value on its own: a missing one is its default; a bad one too, and is reported; the others are kept. */
    private static Settings fromJson(ObjectNode o, List<String> problems) {
        Settings d = Settings.defaults();
        List<String> bad = new ArrayList<>();
        JsonNode soft = o.path("defaultSoft");
        boolean defaultSoft = soft.isBoolean() ? soft.asBoolean() : fallback(soft, "defaultSoft", bad, d.defaultSoft());
        int concurrency = intIn(o, "concurrency", Settings.MIN_CONCURRENCY, Settings.MAX_CONCURRENCY, d.concurrency(), bad);
        if (o.path("version").asInt(1) < 2 && concurrency == VERSION_1_DEFAULT_CONCURRENCY) {
            concurrency = d.concurrency();
        }
        int confirmAbove = intIn(o, "confirmAbove", 0, Settings.MAX_CONFIRM_ABOVE, d.confirmAbove(), bad);
        JsonNode themeNode = o.path("theme");
        ThemeMode theme = ThemeMode.parse(themeNode.asText(""))
                .orElseGet(() -> fallback(themeNode, "theme", bad, d.theme()));
        int timeout = intIn(o, "requestTimeoutSeconds", 1, Settings.MAX_TIMEOUT_SECONDS, d.requestTimeoutSeconds(),
                bad);
        int retries = intIn(o, "retries", 0, Settings.MAX_RETRIES, d.retries(), bad);
        int deadline = intIn(o, "deadlineMinutes", 0, Settings.MAX_DEADLINE_MINUTES, d.deadlineMinutes(), bad);
        if (!bad.isEmpty()) {
            problems.add(FILE + ": " + String.join(", ", bad) + " could not be used; the default applies.");
        }
        return new Settings(defaultSoft, concurrency, confirmAbove, theme, timeout, retries, deadline);
    }

    private static int intIn(ObjectNode o, String field, int min, int max, int dflt, List<String> bad) {
        JsonNode v = o.path(field);
        boolean ok = v.isIntegralNumber() && v.canConvertToInt() && v.asInt() >= min && v.asInt() <= max;
        return ok ? v.asInt() : fallback(v, field, bad, dflt);
    }

    private static <T> T fallback(JsonNode value, String field, List<String> bad, T dflt) {
        if (!value.isMissingNode()) {
            bad.add(field);
        }
        return dflt;
    }
}
