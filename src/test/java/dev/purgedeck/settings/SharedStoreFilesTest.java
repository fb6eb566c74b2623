package dev.purgedeck.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.fastly.ApiToken;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two windows (two stores opened on one folder, each with its own stale copy) change profiles and tokens in turn:
 * each change is applied to what the file holds now, so neither overwrites the other's. Damaged files are set aside.
 */
class SharedStoreFilesTest {
    private static final String ONE = "tokenOne000000000000000000000001";
    private static final String TWO = "tokenTwo000000000000000000000002";

    @TempDir
    Path dir;

    private ProfileStore open() {
        return ProfileStore.open(dir, Map.of(), null);
    }

    @Test
    void twoStoresOnOneFolderKeepEachOthersTokens() throws Exception {
        TokenStore a = TokenStore.open(dir);
        TokenStore b = TokenStore.open(dir);

        a.put("One", ApiToken.of(ONE));
        b.put("Two", ApiToken.of(TWO));
        a.remove("Nothing");

        assertThat(TokenStore.open(dir).names()).containsExactlyInAnyOrder("One", "Two");
    }

    @Test
    void twoStoresOnOneFolderKeepEachOthersProfiles() throws Exception {
        ProfileStore a = open();
        ProfileStore b = open();

        a.add("One", EndpointKind.FASTLY, null, ApiToken.of(ONE));
        b.add("Two", EndpointKind.FASTLY, null, ApiToken.of(TWO));
        a.setActive("One");

        ProfileStore later = open();
        assertThat(later.profiles()).extracting(Profile::name).contains("One", "Two");
        assertThat(later.tokenFor(later.find("Two").orElseThrow())).contains(ApiToken.of(TWO));
        assertThat(later.active().name()).isEqualTo("One");

        b.remove("Two");
        assertThat(open().profiles()).extracting(Profile::name).contains("One").doesNotContain("Two");
    }

    @Test
    void twoStoresOnOneFolderKeepEachOthersSettings() throws Exception {
        SettingsStore a = SettingsStore.open(dir);
        SettingsStore b = SettingsStore.open(dir);

        a.update(s -> new Settings(s.defaultSoft(), 4, s.confirmAbove(), s.theme()));
        b.update(s -> new Settings(true, s.concurrency(), s.confirmAbove(), s.theme()));

        Settings later = SettingsStore.open(dir).get();
        assertThat(later.concurrency()).isEqualTo(4);
        assertThat(later.defaultSoft()).isTrue();
        assertThat(b.get()).isEqualTo(later);
    }

    @Test
    void damagedSettingsFilesAreSetAsideWithTheirBytesAndNamedInTheProblem() throws Exception {
        Files.writeString(dir.resolve(SettingsStore.FILE), "{\"concurrency\": 4,");
        Files.writeString(dir.resolve(ProfilesFile.FILE), "[1, 2]");
        Files.writeString(dir.resolve("preferences.json"), "{\"soft\": tru");

        SettingsStore settings = SettingsStore.open(dir);
        RememberedState prefs = RememberedState.load(dir, new com.fasterxml.jackson.databind.ObjectMapper());
        prefs.set(Pref.LAST_SERVICE_ID, "svc");
        ProfileStore profiles = open();
        settings.update(s -> new Settings(true, s.concurrency(), s.confirmAbove(), s.theme()));

        assertThat(settings.problem()).get().asString().contains("settings-corrupt-", "set aside");
        assertThat(profiles.problems()).anySatisfy(p -> assertThat(p).contains("profiles-corrupt-"));
        assertThat(prefs.problem()).get().asString().contains("preferences-corrupt-").doesNotContain("\n");
        List<String> contents;
        try (Stream<Path> files = Files.list(dir)) {
            contents = files.filter(f -> f.getFileName().toString().contains("-corrupt-")).map(f -> {
                try {
                    return Files.readString(f);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
        assertThat(contents).containsExactlyInAnyOrder("{\"concurrency\": 4,", "[1, 2]", "{\"soft\": tru");
    }
}
