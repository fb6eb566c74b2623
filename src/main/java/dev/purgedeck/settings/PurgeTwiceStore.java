package dev.purgedeck.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.purgedeck.files.StoreLock;
import dev.purgedeck.files.StoreWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The Purge twice setting of each service, per profile, in {@code purge-twice.json} of the data folder: read once,
 * changed in memory and announced at once, and written atomically by the {@link StoreWriter} it was opened with, as
 * {@link SettingsStore} does. A write merges this window's changes into what the file holds then, under a lock shared
 * with other processes, so another window's choice for another service is kept. A damaged entry is left out.
 */
public final class PurgeTwiceStore {
    static final String FILE = "purge-twice.json";
    private static final int VERSION = 1;

    /** One change not yet on disk: a service's setting, or its removal ({@code setting} null). */
    private record Change(String profile, String serviceId, PurgeTwiceSetting setting) {
    }

    private final Path file;
    private final StoreWriter writer;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final String problem;
    /** Guarded by {@code this}: profile → service ID → setting, in the order they were made. */
    private Map<String, Map<String, PurgeTwiceSetting>> settings;
    /** Guarded by {@code this}: this window's changes not yet in the file, oldest first. */
    private final List<Change> unsaved = new ArrayList<>();

    private PurgeTwiceStore(Path file, StoreWriter writer, Map<String, Map<String, PurgeTwiceSetting>> settings,
                            String problem) {
        this.file = file;
        this.writer = writer;
        this.settings = settings;
        this.problem = problem;
    }

    /** As {@link #open(Path, StoreWriter)}, each change written at once on the caller's thread (CLI, tests). */
    public static PurgeTwiceStore open(Path dataDir) {
        return open(dataDir, StoreWriter.direct());
    }

    public static PurgeTwiceStore open(Path dataDir, StoreWriter writer) {
        Path file = dataDir.resolve(FILE);
        List<String> problems = new ArrayList<>();
        Map<String, Map<String, PurgeTwiceSetting>> read = fromJson(JsonFiles.read(file, problems), problems);
        return new PurgeTwiceStore(file, writer, read, problems.isEmpty() ? null : String.join(" ", problems));
    }

    /** What was wrong with the file when it was read, in plain words. */
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    /** The service's setting in this profile; empty when the user never decided (so it may be offered). */
    public synchronized Optional<PurgeTwiceSetting> get(String profile, String serviceId) {
        return Optional.ofNullable(settings.getOrDefault(profile, Map.of()).get(serviceId));
    }

    /** Every service of this profile with a setting, on or off, in the order they were made. */
    public synchronized List<PurgeTwiceSetting> all(String profile) {
        return List.copyOf(settings.getOrDefault(profile, Map.of()).values());
    }

    /**
     * Sets a service's setting; the listeners hear it on this thread, and the file is written in the background.
     *
     * @return completes once the change is on disk, or fails with the reason it is not (the change stays in effect)
     */
    public CompletableFuture<Void> put(String profile, PurgeTwiceSetting setting) {
        return change(new Change(profile, setting.serviceId(), setting));
    }

    /** Forgets a service's setting: purges are sent once, and the console may offer it again. */
    public CompletableFuture<Void> remove(String profile, String serviceId) {
        return change(new Change(profile, serviceId, null));
    }

    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    private CompletableFuture<Void> change(Change c) {
        CompletableFuture<Void> saved;
        synchronized (this) {
            Map<String, Map<String, PurgeTwiceSetting>> next = copy(settings);
            apply(next, c);
            if (next.equals(settings)) {
                return CompletableFuture.completedFuture(null);
            }
            settings = next;
            unsaved.add(c);
            saved = writer.scheduleUpdate(file, this::saveUnderLock);
        }
        for (Runnable l : listeners) {
            try {
                l.run();
            } catch (RuntimeException e) {
                System.getLogger(PurgeTwiceStore.class.getName()).log(System.Logger.Level.WARNING,
                        "A purge-twice listener failed", e);
            }
        }
        return saved;
    }

    /** On the writer's thread: this window's changes applied to what the file holds now. */
    private void saveUnderLock() throws IOException {
        List<Change> changes;
        synchronized (this) {
            changes = List.copyOf(unsaved);
            unsaved.clear();
        }
        try {
            StoreLock.locked(file, () -> {
                Map<String, Map<String, PurgeTwiceSetting>> merged = fromJson(JsonFiles.read(file,
                        new ArrayList<>()), new ArrayList<>());
                changes.forEach(c -> apply(merged, c));
                JsonFiles.write(file, toJson(merged));
                synchronized (this) {
                    if (unsaved.isEmpty()) {
                        settings = merged; // another window's services appear here too
                    }
                }
                return null;
            });
        } catch (IOException | RuntimeException e) {
            synchronized (this) {
                unsaved.addAll(0, changes); // tried again with the next change
            }
            throw e;
        }
    }

    private static void apply(Map<String, Map<String, PurgeTwiceSetting>> all, Change c) {
        Map<String, PurgeTwiceSetting> services = all.computeIfAbsent(c.profile(), p -> new LinkedHashMap<>());
        if (c.setting() == null) {
            services.remove(c.serviceId());
        } else {
            services.put(c.serviceId(), c.setting());
        }
        if (services.isEmpty()) {
            all.remove(c.profile());
        }
    }

    private static Map<String, Map<String, PurgeTwiceSetting>> copy(Map<String, Map<String, PurgeTwiceSetting>> m) {
        Map<String, Map<String, PurgeTwiceSetting>> c = new LinkedHashMap<>();
        m.forEach((p, s) -> c.put(p, new LinkedHashMap<>(s)));
        return c;
    }

    private static ObjectNode toJson(Map<String, Map<String, PurgeTwiceSetting>> all) {
        ObjectNode root = JsonFiles.object().put("version", VERSION);
        ObjectNode profiles = root.putObject("profiles");
        all.forEach((profile, services) -> {
            ObjectNode p = profiles.putObject(profile).putObject("services");
            services.values().forEach(s -> p.putObject(s.serviceId()).put("name", s.serviceName()).put("on", s.on())
                    .put("urlDelaySeconds", s.urlDelaySeconds()).put("allDelaySeconds", s.allDelaySeconds()));
        });
        return root;
    }

    private static boolean whole(JsonNode n) {
        return n.isIntegralNumber() && n.canConvertToInt();
    }

    private static Map<String, Map<String, PurgeTwiceSetting>> fromJson(ObjectNode root, List<String> problems) {
        Map<String, Map<String, PurgeTwiceSetting>> all = new LinkedHashMap<>();
        int bad = 0;
        for (Iterator<Map.Entry<String, JsonNode>> ps = root.path("profiles").fields(); ps.hasNext(); ) {
            Map.Entry<String, JsonNode> p = ps.next();
            Map<String, PurgeTwiceSetting> services = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> ss = p.getValue().path("services").fields(); ss.hasNext(); ) {
                Map.Entry<String, JsonNode> s = ss.next();
                JsonNode v = s.getValue();
                try {
                    if (!v.path("on").isBoolean() || !whole(v.path("urlDelaySeconds"))
                            || !whole(v.path("allDelaySeconds"))) {
                        throw new IllegalArgumentException("incomplete");
                    }
                    services.put(s.getKey(), new PurgeTwiceSetting(s.getKey(), v.path("name").asText(""),
                            v.path("on").asBoolean(), v.path("urlDelaySeconds").asInt(),
                            v.path("allDelaySeconds").asInt()));
                } catch (IllegalArgumentException e) {
                    bad++;
                }
            }
            if (!services.isEmpty()) {
                all.put(p.getKey(), services);
            }
        }
        if (bad > 0) {
            problems.add(FILE + ": " + bad + (bad == 1 ? " service's setting" : " services' settings")
                    + " could not be used; those services are purged once until set again in Settings.");
        }
        return all;
    }
}
