package dev.purgedeck.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.purgedeck.files.Logs;
import dev.purgedeck.files.StoreLock;
import dev.purgedeck.files.StoreWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The settings in {@code settings.json} in the data directory: read once, changed in memory and announced to
 * listeners at once, and rewritten atomically by the {@link StoreWriter} it was opened with. A damaged file, or a
 * damaged value, means the default, never a failed start.
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
    private static final System.Logger LOG = Logs.of(SettingsStore.class);

    private final Path file;
    private final List<Consumer<Settings>> listeners = new CopyOnWriteArrayList<>();
    private final String problem;
    private final StoreWriter writer;
    /** This window's changes not yet in the file, oldest first; guarded by {@code this}. */
    private final List<UnaryOperator<Settings>> unsaved = new ArrayList<>();
    private volatile Settings current;

    private SettingsStore(Path file, Settings current, String problem, StoreWriter writer) {
        this.file = file;
        this.current = current;
        this.problem = problem;
        this.writer = writer;
    }

    /** As {@link #open(Path, StoreWriter)}, each change written at once on the caller's thread (CLI, tests). */
    public static SettingsStore open(Path dataDir) {
        return open(dataDir, StoreWriter.direct());
    }

    public static SettingsStore open(Path dataDir, StoreWriter writer) {
        Path file = dataDir.resolve(FILE);
        List<String> problems = new ArrayList<>();
        Settings s = fromJson(JsonFiles.read(file, problems), problems);
        return new SettingsStore(file, s, problems.isEmpty() ? null : String.join(" ", problems), writer);
    }

    public Settings get() {
        return current;
    }

    /** What was wrong with the file when it was read, in plain words. */
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    /**
     * Applies a change in memory, tells the listeners on this thread, and schedules the write. An invalid value fails
     * here, in {@link Settings}' constructor, before anything changes. A failed write leaves the change in effect for
     * this session; the returned future fails with the reason, for the caller to show.
     *
     * @return completes once the change (or a later one folded into the same write) is on disk
     */
    public synchronized CompletableFuture<Void> update(UnaryOperator<Settings> change) {
        Settings next = Objects.requireNonNull(change.apply(current), "settings");
        if (next.equals(current)) {
            return CompletableFuture.completedFuture(null);
        }
        current = next;
        unsaved.add(change);
        CompletableFuture<Void> saved = writer.scheduleUpdate(file, this::saveUnderLock);
        for (Consumer<Settings> l : listeners) {
            try {
                l.accept(next);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "A settings listener failed", e);
            }
        }
        return saved;
    }

    /**
     * On the writer's thread: applies this window's changes not yet saved to what the file holds now, under a lock
     * shared with other processes, so another window's change since this one read the file is kept, not overwritten.
     */
    private void saveUnderLock() throws IOException {
        List<UnaryOperator<Settings>> changes;
        synchronized (this) {
            changes = List.copyOf(unsaved);
            unsaved.clear();
        }
        try {
            StoreLock.locked(file, () -> {
                List<String> damage = new ArrayList<>();
                ObjectNode fresh = JsonFiles.read(file, damage);
                Settings base = damage.isEmpty() && Files.exists(file) ? fromJson(fresh, new ArrayList<>()) : null;
                Settings merged = base;
                if (merged != null) {
                    for (UnaryOperator<Settings> c : changes) {
                        merged = Objects.requireNonNull(c.apply(merged), "settings");
                    }
                }
                Settings toWrite = merged != null ? merged : snapshot();
                if (!toWrite.equals(base)) {
                    JsonFiles.write(file, toJson(toWrite));
                }
                adopt(toWrite);
                return null;
            });
        } catch (IOException | RuntimeException e) {
            synchronized (this) {
                unsaved.addAll(0, changes); // tried again with the next change
            }
            throw e;
        }
    }

    private synchronized Settings snapshot() {
        return current;
    }

    /**
     * What the file now holds becomes this window's state too (another window's changes included). The screens
     * are not told: they show what this window chose, and another window's choice applies here from the next start.
     */
    private synchronized void adopt(Settings saved) {
        if (unsaved.isEmpty()) {
            current = saved;
        }
    }

    public void addListener(Consumer<Settings> listener) {
        listeners.add(Objects.requireNonNull(listener));
    }

    public void removeListener(Consumer<Settings> listener) {
        listeners.remove(listener);
    }

    /** How many listeners are registered: a screen that forgets to remove its own shows up here (leak checks). */
    public int listenerCount() {
        return listeners.size();
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
