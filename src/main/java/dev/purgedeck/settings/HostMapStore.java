package dev.purgedeck.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.purgedeck.fastly.HostMap;
import dev.purgedeck.fastly.ServiceInfo;
import dev.purgedeck.files.StoreLock;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the last {@link HostMap} of each profile and endpoint in {@code hosts.json} in the data folder, so a window
 * knows where URLs go before its first refresh. Only a cache: a damaged or missing file means "not loaded yet".
 * Call it off the UI thread.
 */
public final class HostMapStore {
    /** Maps kept: the sandbox gets a new port (so a new endpoint) on every start. */
    static final int MAX_MAPS = 12;
    private static final String FILE = "hosts.json";

    private final Path file;

    public HostMapStore(Path dataDir) {
        this.file = dataDir.resolve(FILE);
    }

    /** The map last saved for this profile and endpoint, or {@link HostMap#UNKNOWN}. */
    public HostMap load(String profile, String endpoint) {
        JsonNode m = JsonFiles.read(file, new ArrayList<>()).path("maps").path(key(profile, endpoint));
        if (!m.isObject()) {
            return HostMap.UNKNOWN;
        }
        try {
            Instant at = Instant.parse(m.path("loadedAt").asText());
            if ("NO_ACCESS".equals(m.path("state").asText())) {
                return HostMap.noAccess(at);
            }
            Map<ServiceInfo, List<String>> domains = new LinkedHashMap<>();
            for (JsonNode s : m.path("services")) {
                List<String> hosts = new ArrayList<>();
                s.path("hosts").forEach(h -> hosts.add(h.asText()));
                domains.put(ServiceInfo.named(s.path("id").asText(), s.path("name").asText()), hosts);
            }
            return HostMap.of(domains, at);
        } catch (DateTimeParseException e) {
            return HostMap.UNKNOWN;
        }
    }

    /** Saves the map of this profile and endpoint, keeping the {@value #MAX_MAPS} most recently saved. */
    public void save(String profile, String endpoint, HostMap map) throws IOException {
        if (map.state() == HostMap.State.UNKNOWN) {
            return;
        }
        StoreLock.locked(file, () -> {
            ObjectNode root = JsonFiles.read(file, new ArrayList<>());
            ObjectNode maps = root.path("maps").isObject() ? (ObjectNode) root.get("maps") : root.putObject("maps");
            String key = key(profile, endpoint);
            maps.remove(key);
            maps.set(key, json(map)); // last in the object: the most recent
            for (Iterator<String> names = maps.fieldNames(); maps.size() > MAX_MAPS && names.hasNext(); ) {
                names.next();
                names.remove();
            }
            JsonFiles.write(file, root);
            return null;
        });
    }

    private static ObjectNode json(HostMap map) {
        ObjectNode m = JsonFiles.object();
        m.put("state", map.state().name());
        m.put("loadedAt", map.loadedAt().toString());
        ArrayNode services = m.putArray("services");
        Map<ServiceInfo, ArrayNode> byService = new LinkedHashMap<>();
        map.hosts().forEach((host, s) -> byService.computeIfAbsent(s, x -> {
            ObjectNode o = services.addObject();
            o.put("id", s.id());
            o.put("name", s.name());
            return o.putArray("hosts");
        }).add(host));
        return m;
    }

    private static String key(String profile, String endpoint) {
        return profile + " " + endpoint;
    }
}
