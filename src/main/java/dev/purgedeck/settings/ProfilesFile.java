package dev.purgedeck.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.purgedeck.fastly.ClientConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code profiles.json}: the profiles the user added and the one in use. It never holds a token. */
final class ProfilesFile {
    static final String FILE = "profiles.json";
    static final String SAVED = "Token saved in PurgeDeck";

    /** The profiles and the active name; {@code readable} is false when the file was damaged (and set aside). */
    record Content(List<Profile> saved, String active, boolean readable) {
    }

    private ProfilesFile() {
    }

    static Content load(Path file, List<String> problems) {
        int before = problems.size();
        ObjectNode root = JsonFiles.read(file, problems);
        boolean readable = problems.size() == before;
        List<Profile> saved = new ArrayList<>();
        for (JsonNode p : root.path("profiles")) {
            String name = p.path("name").asText("").strip();
            if (name.isEmpty() || DiscoveredProfiles.reserved(name)
                    || saved.stream().anyMatch(s -> s.name().equalsIgnoreCase(name))) {
                continue; // only possible when the file was edited by hand; such an entry cannot be told apart
            }
            try {
                // Checked again: an edited file must not point a token at plain http on another computer.
                URI endpoint = "custom".equals(p.path("kind").asText())
                        ? Endpoints.validateCustom(p.path("endpoint").asText("")) : ClientConfig.FASTLY_API;
                saved.add(new Profile(name, EndpointKind.of(endpoint), endpoint, TokenRef.stored(name), SAVED));
            } catch (InvalidEndpointException e) {
                problems.add("The profile \u201c" + name + "\u201d is not offered: its endpoint is refused. "
                        + DiscoveredProfiles.sentence(e.getMessage()));
            }
        }
        String active = root.path("active").isTextual() ? root.path("active").asText() : null;
        return new Content(saved, active, readable);
    }

    static void save(Path file, List<Profile> saved, String active) throws IOException {
        ObjectNode root = JsonFiles.object().put("version", 1);
        if (active != null) {
            root.put("active", active);
        }
        ArrayNode list = root.putArray("profiles");
        for (Profile p : saved) {
            ObjectNode o = list.addObject().put("name", p.name());
            if (!p.endpoint().equals(ClientConfig.FASTLY_API)) {
                o.put("kind", "custom").put("endpoint", p.endpoint().toString());
            } else {
                o.put("kind", "fastly");
            }
        }
        JsonFiles.write(file, root);
    }
}
