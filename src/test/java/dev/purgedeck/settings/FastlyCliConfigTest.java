package dev.purgedeck.settings;

import static dev.purgedeck.settings.CliSamples.ALL;
import static dev.purgedeck.settings.CliSamples.MALFORMED;
import static dev.purgedeck.settings.CliSamples.MIXED;
import static dev.purgedeck.settings.CliSamples.NEW_FORMAT;
import static dev.purgedeck.settings.CliSamples.OLD_FORMAT;
import static dev.purgedeck.settings.CliSamples.OLD_STAGING;
import static dev.purgedeck.settings.CliSamples.OLD_USER;
import static dev.purgedeck.settings.CliSamples.SHADOWED;
import static dev.purgedeck.settings.CliSamples.WORK;
import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.settings.FastlyCliConfig.CliToken;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FastlyCliConfigTest {
    static final Clock NOW = Clock.fixed(Instant.parse("2026-11-20T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private FastlyCliConfig read(String toml) throws Exception {
        Path file = dir.resolve("fastly/config.toml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, toml);
        return FastlyCliConfig.read(file, NOW);
    }

    @Test
    void theNewAuthFormatOffersUsableNamedTokensDefaultFirst() throws Exception {
        FastlyCliConfig c = read(NEW_FORMAT);
        assertThat(c.problem()).isEmpty();
        assertThat(c.tokens()).extracting(CliToken::name).containsExactly("work", "purge-only", "sso-ok");
        CliToken work = c.tokens().get(0);
        assertThat(work.isDefault()).isTrue();
        assertThat(work.token().secret()).isEqualTo(WORK);
        assertThat(work.email()).isEqualTo("alice@example.com");
        assertThat(work.format()).isEqualTo("auth");
        assertThat(work.endpoint()).as("api.fastly.com means the Fastly API").isNull();
        assertThat(work.expiresAt()).isEqualTo(Instant.parse("2027-06-01T00:00:00Z"));
        assertThat(c.token("sso-ok").orElseThrow().expiresAt()).isEqualTo(Instant.parse("2026-11-20T13:00:00Z"));
        assertThat(c.tokens()).filteredOn(CliToken::isDefault).hasSize(1);
        assertThat(c.notes()).anySatisfy(n -> assertThat(n).contains("sso-stale").contains("fastly auth login"))
                .anySatisfy(n -> assertThat(n).contains("sso-unfinished").contains("no token"));
    }

    @Test
    void theOldProfileFormatOffersProfilesWithATokenThatHasNotLapsed() throws Exception {
        FastlyCliConfig c = read(OLD_FORMAT);
        assertThat(c.problem()).isEmpty();
        assertThat(c.tokens()).extracting(CliToken::name).containsExactly("user", "staging");
        assertThat(c.tokens().get(0).isDefault()).isTrue();
        assertThat(c.tokens().get(0).format()).isEqualTo("profile");
        assertThat(c.tokens().get(1).token().secret()).isEqualTo(OLD_STAGING);
        assertThat(c.notes()).anySatisfy(n -> assertThat(n).contains("[profile.old-sso]").contains("expired on 2023-11-14"))
                .anySatisfy(n -> assertThat(n).contains("[profile.half-made]").contains("no token"));
    }

    @Test
    void inAMixedFileTheAuthEntryWinsAndTheProfileDefaultStandsInForAMissingAuthDefault() throws Exception {
        FastlyCliConfig c = read(MIXED);
        assertThat(c.tokens()).extracting(CliToken::name).containsExactly("legacy-only", "work");
        assertThat(c.tokens().get(0).isDefault()).isTrue();
        assertThat(c.token("work").orElseThrow().token().secret()).as("[auth.tokens.work] shadows [profile.work]")
                .isEqualTo(WORK);
        assertThat(c.tokens()).noneMatch(t -> t.token().secret().equals(SHADOWED));
    }

    @Test
    void theOldestUserSectionIsStillOffered() throws Exception {
        FastlyCliConfig c = read("""
                [fastly]
                  api_endpoint = "https://api.fastly.com"

                [legacy]
                  email = ""
                  token = ""

                [user]
                  email = "testing@fastly.com"
                  token = "%s"
                """.formatted(OLD_USER));
        assertThat(c.tokens()).singleElement().satisfies(t -> {
            assertThat(t.name()).isEqualTo("user");
            assertThat(t.format()).isEqualTo("user");
            assertThat(t.isDefault()).isTrue();
        });
    }

    @Test
    void aMalformedFileIsReportedPlainlyWithoutItsContentAndIsNotFatal() throws Exception {
        FastlyCliConfig c = read(MALFORMED);
        assertThat(c.tokens()).isEmpty();
        assertThat(c.problem()).hasValueSatisfying(p -> assertThat(p)
                .contains("not valid TOML at line 2").contains("config.toml").doesNotContain(WORK)
                .doesNotContain("missing end quote"));
    }

    @Test
    void oddlyShapedTablesAreIgnoredNotFatal() throws Exception {
        FastlyCliConfig c = read("""
                auth = "not a table"
                profile = [1, 2]
                [fastly]
                api_endpoint = 42
                """);
        assertThat(c.problem()).isEmpty();
        assertThat(c.tokens()).isEmpty();
        FastlyCliConfig wrongTypes = read("""
                [auth.tokens]
                work = "a string, not a table"
                [auth.tokens.numeric]
                token = 12345
                """);
        assertThat(wrongTypes.tokens()).isEmpty();
        assertThat(wrongTypes.notes()).anySatisfy(n -> assertThat(n).contains("numeric").contains("no token"));
    }

    @Test
    void aDirectoryOrAHugeFileIsReportedNotRead() throws Exception {
        Files.createDirectories(dir.resolve("fastly/config.toml"));
        assertThat(FastlyCliConfig.read(dir.resolve("fastly/config.toml")).problem())
                .hasValueSatisfying(p -> assertThat(p).contains("not a regular file"));
        Path huge = dir.resolve("huge.toml");
        Files.writeString(huge, "# padding\n".repeat(120_000));
        assertThat(FastlyCliConfig.read(huge).problem()).hasValueSatisfying(p -> assertThat(p).contains("larger than 1 MB"));
    }

    @Test
    void aMissingFileHasNoTokensAndNoProblem() {
        FastlyCliConfig c = FastlyCliConfig.read(dir.resolve("nope/config.toml"));
        assertThat(c.tokens()).isEmpty();
        assertThat(c.problem()).isEmpty();
        assertThat(FastlyCliConfig.read(null).tokens()).isEmpty();
    }

    @Test
    void theFilesApiEndpointAppliesToItsTokensWhenAcceptable() throws Exception {
        String tokens = "\n[auth.tokens.work]\ntoken = \"" + WORK + "\"\ntype = \"static\"\n";
        assertThat(read("[fastly]\napi_endpoint = \"https://api.example.net/\"\n" + tokens).tokens().get(0).endpoint())
                .isEqualTo(URI.create("https://api.example.net"));
        assertThat(read("[fastly]\napi_endpoint = \"http://127.0.0.1:8111\"\n" + tokens).tokens().get(0).endpoint())
                .isEqualTo(URI.create("http://127.0.0.1:8111"));
        FastlyCliConfig refused = read("[fastly]\napi_endpoint = \"http://api.example.net\"\n" + tokens);
        // Issue 13 item 6: a refused endpoint is never replaced by the Fastly API; its tokens carry the refusal.
        assertThat(refused.tokens().get(0).endpoint()).as("kept, never the Fastly API")
                .isEqualTo(URI.create("http://api.example.net"));
        assertThat(refused.tokens().get(0).endpointProblem()).contains(Endpoints.HTTP_OFF_LOOPBACK);
        assertThat(refused.notes()).anySatisfy(n -> assertThat(n).contains("api_endpoint is refused")
                .contains(Endpoints.HTTP_OFF_LOOPBACK).contains("nothing is sent to another endpoint"));
    }

    @Test
    void tokensAreMaskedInToString() throws Exception {
        FastlyCliConfig c = read(NEW_FORMAT);
        for (CliToken t : c.tokens()) {
            assertThat(t.toString()).doesNotContain(t.token().secret()).contains(t.name());
        }
        assertThat(c.toString() + c.notes()).doesNotContain(ALL);
    }

    @Test
    void theDefaultLocationFollowsGosUserConfigDir() {
        assertThat(FastlyCliConfig.defaultLocation(Map.of("XDG_CONFIG_HOME", "/x/cfg"), "Linux", "/home/a"))
                .isEqualTo(Path.of("/x/cfg/fastly/config.toml"));
        assertThat(FastlyCliConfig.defaultLocation(Map.of(), "Linux", "/home/a"))
                .isEqualTo(Path.of("/home/a/.config/fastly/config.toml"));
        assertThat(FastlyCliConfig.defaultLocation(Map.of("XDG_CONFIG_HOME", "relative"), "Linux", "/home/a"))
                .isEqualTo(Path.of("/home/a/.config/fastly/config.toml"));
        assertThat(FastlyCliConfig.defaultLocation(Map.of("XDG_CONFIG_HOME", "/x/cfg"), "Mac OS X", "/Users/a"))
                .isEqualTo(Path.of("/Users/a/Library/Application Support/fastly/config.toml"));
        assertThat(FastlyCliConfig.defaultLocation(Map.of("APPDATA", "C:\\Users\\a\\AppData\\Roaming"), "Windows 11",
                "C:\\Users\\a")).isEqualTo(Path.of("C:\\Users\\a\\AppData\\Roaming", "fastly", "config.toml"));
        assertThat(FastlyCliConfig.defaultLocation(Map.of(), "Windows 11", "C:\\Users\\a"))
                .isEqualTo(Path.of("C:\\Users\\a", ".fastly", "config.toml"));
    }
}
