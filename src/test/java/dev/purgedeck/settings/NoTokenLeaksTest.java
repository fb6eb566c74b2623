package dev.purgedeck.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.purgedeck.fastly.ApiToken;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every token this package touches stays out of toString, messages, and every file but tokens.json. */
class NoTokenLeaksTest {
    static final String ENV_TOKEN = "tokENVLEAKnnnnnnnnnnnnnnnnnnnnn14";
    static final String TYPED = "tokTYPEDLEAKooooooooooooooooooo15";
    static final String TYPED_TWO = "tokTYPEDTWOpppppppppppppppppppp16";

    @TempDir
    Path data;
    @TempDir
    Path home;

    @Test
    void noTokenInToStringsMessagesOrTheOtherFiles() throws Exception {
        Path cli = home.resolve("fastly/config.toml");
        Files.createDirectories(cli.getParent());
        Files.writeString(cli, CliSamples.NEW_FORMAT + "\n" + CliSamples.OLD_FORMAT.replace("config_version = 4", "")
                .replace("[cli]", "[cli2]").replace("[fastly]", "[fastly2]"));
        List<String> secrets = new ArrayList<>(CliSamples.ALL);
        secrets.addAll(List.of(ENV_TOKEN, TYPED, TYPED_TWO));

        ProfileStore store = ProfileStore.open(data, Map.of("FASTLY_API_TOKEN", ENV_TOKEN), cli, FastlyCliConfigTest.NOW);
        store.add("Staging", EndpointKind.FASTLY, null, ApiToken.of(TYPED));
        store.add("Proxy", EndpointKind.CUSTOM, "https://proxy.example.com", ApiToken.of(TYPED_TWO));
        store.setActive("Fastly CLI: work");
        SettingsStore.open(data).update(s -> s.withConcurrency(3));
        RememberedState.load(data, new com.fasterxml.jackson.databind.ObjectMapper()).set(Pref.LAST_MODE, "KEYS");

        assertThat(store.profiles()).extracting(Profile::name).contains("Environment", "Fastly CLI: work",
                "Fastly CLI: staging", "Staging", "Proxy");
        List<Object> shown = new ArrayList<>(store.profiles());
        shown.add(store);
        shown.add(store.problems());
        shown.add(TokenStore.open(data));
        FastlyCliConfig config = FastlyCliConfig.read(cli, FastlyCliConfigTest.NOW);
        shown.add(config);
        shown.addAll(config.tokens());
        shown.add(config.notes());
        for (Profile p : store.profiles()) {
            shown.add(store.tokenFor(p));
            shown.add(p.userSaved() || p.endpointKind() == EndpointKind.SANDBOX ? "" : store.connectionFor(p, null, null));
        }
        shown.add(catchThrowable(() -> store.add("Staging", EndpointKind.CUSTOM, TYPED, ApiToken.of(TYPED))));
        shown.add(catchThrowable(() -> store.add("New", EndpointKind.CUSTOM, TYPED, ApiToken.of(TYPED))));
        shown.add(catchThrowable(() -> store.add("New", EndpointKind.CUSTOM, "http://" + TYPED + ".example", ApiToken.of(TYPED))));
        assertThat(shown).isNotEmpty().allSatisfy(o -> assertThat(String.valueOf(o)).doesNotContain(secrets));

        try (Stream<Path> files = Files.walk(data)) {
            List<Path> others = files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().equals(TokenStore.FILE)).toList();
            assertThat(others).extracting(f -> f.getFileName().toString())
                    .contains(ProfilesFile.FILE, SettingsStore.FILE, "preferences.json");
            for (Path f : others) {
                assertThat(Files.readString(f)).as(f.toString()).doesNotContain(secrets);
            }
        }
        assertThat(Files.readString(data.resolve(TokenStore.FILE))).contains(TYPED, TYPED_TWO)
                .as("only typed tokens are copied; the environment's and the CLI's stay where they are")
                .doesNotContain(ENV_TOKEN, CliSamples.WORK);
    }
}
