package dev.purgedeck.settings;

import static dev.purgedeck.settings.CliSamples.MALFORMED;
import static dev.purgedeck.settings.CliSamples.NEW_FORMAT;
import static dev.purgedeck.settings.CliSamples.WORK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.purgedeck.fastly.ApiToken;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileStoreTest {
    static final String ENV_TOKEN = "tokENVIRONMENTlllllllllllllllll12";
    static final String TYPED = "tokTYPEDmmmmmmmmmmmmmmmmmmmmmmm13";
    static final URI SANDBOX = URI.create("http://127.0.0.1:40123");

    @TempDir
    Path data;
    @TempDir
    Path home;
    Path cli;

    @BeforeEach
    void noCliConfigYet() {
        cli = home.resolve(".config/fastly/config.toml");
    }

    private ProfileStore open(Map<String, String> env) {
        return ProfileStore.open(data, env, cli, FastlyCliConfigTest.NOW);
    }

    @Test
    void withNothingConfiguredOnlyTheSandboxIsOfferedAndUsed() {
        ProfileStore s = open(Map.of());
        assertThat(s.profiles()).extracting(Profile::name).containsExactly("Sandbox");
        assertThat(s.active().endpointKind()).isEqualTo(EndpointKind.SANDBOX);
        assertThat(s.tokenFor(s.active())).isEmpty();
        assertThat(s.problems()).isEmpty();
        Connection c = s.connectionFor(s.active(), SANDBOX, ApiToken.of("demo-token-123"));
        assertThat(c.kind()).isEqualTo(Connection.Kind.SANDBOX);
        assertThat(c.endpoint()).isEqualTo(SANDBOX);
    }

    @Test
    void fastlyApiTokenInTheEnvironmentIsAProfileForTheFastlyApi() {
        ProfileStore s = open(Map.of("FASTLY_API_TOKEN", " " + ENV_TOKEN + " "));
        Profile env = s.profiles().get(0);
        assertThat(env.name()).isEqualTo("Environment");
        assertThat(env.endpoint()).isEqualTo(URI.create("https://api.fastly.com"));
        assertThat(env.endpointKind()).isEqualTo(EndpointKind.FASTLY);
        assertThat(env.token()).isEqualTo(TokenRef.environment());
        assertThat(s.active()).isEqualTo(env);
        assertThat(s.tokenFor(env)).contains(ApiToken.of(ENV_TOKEN));
        assertThat(s.connectionFor(env, SANDBOX, null).kind()).isEqualTo(Connection.Kind.FASTLY);
    }

    @Test
    void fastlyApiEndpointGoesWithTheEnvironmentsToken() {
        ProfileStore s = open(Map.of("FASTLY_API_TOKEN", ENV_TOKEN, "FASTLY_API_ENDPOINT", "http://127.0.0.1:8111/"));
        Profile env = s.profiles().get(0);
        assertThat(env.endpointKind()).isEqualTo(EndpointKind.CUSTOM);
        Connection c = s.connectionFor(env, SANDBOX, null);
        assertThat(c.endpoint()).isEqualTo(URI.create("http://127.0.0.1:8111"));
        assertThat(c.kind()).isEqualTo(Connection.Kind.CUSTOM);
        assertThat(c.token()).isEqualTo(ApiToken.of(ENV_TOKEN));
    }

    @Test
    void aRefusedFastlyApiEndpointHidesTheEnvironmentProfileAndSaysWhy() {
        ProfileStore s = open(Map.of("FASTLY_API_TOKEN", ENV_TOKEN, "FASTLY_API_ENDPOINT", "http://purge.example.com"));
        assertThat(s.profiles()).extracting(Profile::name).containsExactly("Sandbox");
        assertThat(s.problems()).singleElement().satisfies(p -> assertThat(p).startsWith("FASTLY_API_ENDPOINT is refused")
                .contains(Endpoints.HTTP_OFF_LOOPBACK).doesNotContain(ENV_TOKEN));
        assertThatThrownBy(() -> EnvironmentConnection.resolve(Map.of("FASTLY_API_TOKEN", ENV_TOKEN,
                "FASTLY_API_ENDPOINT", "http://purge.example.com"))).isInstanceOf(InvalidEndpointException.class);
    }

    @Test
    void theFastlyCliTokensAreOfferedByNameWithTheirNotes() throws Exception {
        Files.createDirectories(cli.getParent());
        Files.writeString(cli, NEW_FORMAT);
        ProfileStore s = open(Map.of("FASTLY_API_TOKEN", ENV_TOKEN));
        assertThat(s.profiles()).extracting(Profile::name).containsExactly("Environment", "Fastly CLI: work",
                "Fastly CLI: purge-only", "Fastly CLI: sso-ok", "Sandbox");
        Profile work = s.find("Fastly CLI: work").orElseThrow();
        assertThat(work.description()).contains("alice@example.com").contains("default");
        assertThat(work.token()).isEqualTo(TokenRef.fastlyCli("work"));
        assertThat(s.tokenFor(work)).contains(ApiToken.of(WORK));
        assertThat(s.connectionFor(work, SANDBOX, null).endpoint()).isEqualTo(URI.create("https://api.fastly.com"));
        assertThat(s.problems()).anySatisfy(p -> assertThat(p).contains("sso-stale"));

        Files.writeString(cli, MALFORMED);
        s.refresh();
        assertThat(s.profiles()).extracting(Profile::name).containsExactly("Environment", "Sandbox");
        assertThat(s.problems()).anySatisfy(p -> assertThat(p).contains("not valid TOML"));
        assertThatThrownBy(() -> s.connectionFor(work, SANDBOX, null)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no longer has this token");
    }

    @Test
    void addedProfilesAreSavedWithTheirTokensAndComeAfterTheDiscoveredOnes() throws Exception {
        ProfileStore s = open(Map.of());
        Profile fastly = s.add("  Staging  ", EndpointKind.FASTLY, null, ApiToken.of(TYPED));
        Profile proxy = s.add("Proxy", EndpointKind.CUSTOM, "https://purge-proxy.example.com/fastly/", ApiToken.of(ENV_TOKEN));
        assertThat(fastly.name()).isEqualTo("Staging");
        assertThat(fastly.userSaved()).isTrue();
        assertThat(proxy.endpoint()).isEqualTo(URI.create("https://purge-proxy.example.com/fastly"));

        ProfileStore again = open(Map.of());
        assertThat(again.profiles()).extracting(Profile::name).containsExactly("Sandbox", "Staging", "Proxy");
        assertThat(again.find("Proxy").orElseThrow()).isEqualTo(proxy);
        assertThat(again.tokenFor(again.find("Staging").orElseThrow())).contains(ApiToken.of(TYPED));
        assertThat(again.connectionFor(proxy, SANDBOX, null).kind()).isEqualTo(Connection.Kind.CUSTOM);
    }

    @Test
    void unusableProfilesAreRefusedBeforeAnythingIsStored() throws Exception {
        ProfileStore s = open(Map.of());
        s.add("Staging", EndpointKind.FASTLY, null, ApiToken.of(TYPED));
        assertThatThrownBy(() -> s.add("staging", EndpointKind.FASTLY, null, ApiToken.of(TYPED)))
                .hasMessage("A profile with this name already exists.");
        assertThatThrownBy(() -> s.add("Sandbox", EndpointKind.FASTLY, null, ApiToken.of(TYPED)))
                .hasMessageContaining("finds by itself");
        assertThatThrownBy(() -> s.add("Fastly CLI: mine", EndpointKind.FASTLY, null, ApiToken.of(TYPED)))
                .hasMessageContaining("finds by itself");
        assertThatThrownBy(() -> s.add(" ", EndpointKind.FASTLY, null, ApiToken.of(TYPED))).hasMessageContaining("Enter a name");
        assertThatThrownBy(() -> s.add("Two\nlines", EndpointKind.FASTLY, null, ApiToken.of(TYPED)))
                .hasMessageContaining("one line");
        assertThatThrownBy(() -> s.add("No token", EndpointKind.FASTLY, null, null)).hasMessageContaining("API token");
        assertThatThrownBy(() -> s.add("Demo", EndpointKind.SANDBOX, null, ApiToken.of(TYPED)))
                .hasMessageContaining("sandbox");
        assertThatThrownBy(() -> s.add("Remote", EndpointKind.CUSTOM, "http://purge.example.com", ApiToken.of(TYPED)))
                .isInstanceOf(InvalidEndpointException.class).hasMessage(Endpoints.HTTP_OFF_LOOPBACK);
        assertThat(TokenStore.open(data).names()).containsExactly("Staging");
        assertThat(open(Map.of()).profiles()).extracting(Profile::name).containsExactly("Sandbox", "Staging");
    }

    @Test
    void onlyAddedProfilesCanBeRemovedAndTheirTokenGoesWithThem() throws Exception {
        ProfileStore s = open(Map.of("FASTLY_API_TOKEN", ENV_TOKEN));
        s.add("Staging", EndpointKind.FASTLY, null, ApiToken.of(TYPED));
        s.setActive("Staging");
        assertThatThrownBy(() -> s.remove("Environment")).hasMessageContaining("Only profiles added in PurgeDeck");
        assertThatThrownBy(() -> s.remove("Sandbox")).isInstanceOf(IllegalArgumentException.class);
        s.remove("Staging");
        assertThat(s.profiles()).extracting(Profile::name).containsExactly("Environment", "Sandbox");
        assertThat(s.active().name()).isEqualTo("Environment");
        assertThat(TokenStore.open(data).names()).isEmpty();
    }

    @Test
    void theActiveProfileIsRememberedAndAVanishedOneFallsBackWithANote() throws Exception {
        ProfileStore s = open(Map.of("FASTLY_API_TOKEN", ENV_TOKEN));
        s.setActive("Sandbox");
        assertThat(open(Map.of("FASTLY_API_TOKEN", ENV_TOKEN)).active().name()).isEqualTo("Sandbox");
        s.setActive("Environment");
        assertThatThrownBy(() -> s.setActive("Nope")).isInstanceOf(IllegalArgumentException.class);
        ProfileStore withoutEnv = open(Map.of());
        assertThat(withoutEnv.active().name()).isEqualTo("Sandbox");
        assertThat(withoutEnv.problems()).singleElement().satisfies(p -> assertThat(p).contains("Environment")
                .contains("not available"));
    }

    @Test
    void aHandEditedProfilesFileCannotPointATokenAtPlainHttpElsewhere() throws Exception {
        Files.writeString(data.resolve(ProfilesFile.FILE), """
                {"version": 1, "profiles": [
                  {"name": "Sneaky", "kind": "custom", "endpoint": "http://purge.example.com"},
                  {"name": "Local", "kind": "custom", "endpoint": "http://localhost:9000"},
                  {"name": "Sandbox", "kind": "fastly"}, {"kind": "fastly"}]}
                """);
        ProfileStore s = open(Map.of());
        assertThat(s.profiles()).extracting(Profile::name).containsExactly("Sandbox", "Local");
        assertThat(s.problems()).singleElement().satisfies(p -> assertThat(p).contains("Sneaky")
                .contains(Endpoints.HTTP_OFF_LOOPBACK));
    }

    @Test
    void aDamagedProfilesFileIsReportedAndNotFatal() throws Exception {
        Files.writeString(data.resolve(ProfilesFile.FILE), "{\"profiles\": [");
        ProfileStore s = open(Map.of());
        assertThat(s.profiles()).extracting(Profile::name).containsExactly("Sandbox");
        assertThat(s.problems()).singleElement().satisfies(p -> assertThat(p).contains("profiles.json").contains("damaged"));
        s.add("Staging", EndpointKind.FASTLY, null, ApiToken.of(TYPED));
        assertThat(open(Map.of()).problems()).isEmpty();
    }

    @Test
    void anAddedProfileCanBeRenamedMovedAndGivenANewTokenAndStaysInUse() throws Exception {
        ProfileStore s = open(Map.of());
        s.add("Work", EndpointKind.FASTLY, null, ApiToken.of(TYPED));
        s.add("Other", EndpointKind.FASTLY, null, ApiToken.of(TYPED));
        s.setActive("Work");
        Profile moved = s.update("Work", "Work (local)", EndpointKind.CUSTOM, "http://127.0.0.1:9/", null);
        assertThat(moved.endpoint()).isEqualTo(URI.create("http://127.0.0.1:9"));
        ProfileStore again = open(Map.of());
        assertThat(again.profiles()).extracting(Profile::name).contains("Work (local)", "Other").doesNotContain("Work");
        assertThat(again.active().name()).isEqualTo("Work (local)");
        assertThat(again.tokenFor(again.active()).map(ApiToken::secret)).contains(TYPED);
        String fresh = "tokFRESHnnnnnnnnnnnnnnnnnnnnnnnn14";
        again.update("Work (local)", "work (LOCAL)", EndpointKind.FASTLY, null, ApiToken.of(fresh));
        assertThat(open(Map.of()).tokenFor(open(Map.of()).active()).map(ApiToken::secret)).contains(fresh);
        assertThatThrownBy(() -> again.update("work (LOCAL)", "Other", EndpointKind.FASTLY, null, null))
                .hasMessageContaining("already exists");
        assertThatThrownBy(() -> again.update("Sandbox", "X", EndpointKind.FASTLY, null, null))
                .hasMessageContaining("Only profiles added");
    }
}
