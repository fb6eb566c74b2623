package dev.purgedeck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.fastly.ApiToken;
import dev.purgedeck.history.HistoryEntry;
import dev.purgedeck.sandbox.DemoAccount;
import dev.purgedeck.settings.EndpointKind;
import dev.purgedeck.settings.ProfileStore;
import dev.purgedeck.testsupport.SandboxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The token comes from where the window gets it: --profile, FASTLY_API_TOKEN, the window's profile, never shown. */
class ProfilesTest {
    @RegisterExtension
    static final SandboxExtension SANDBOX = new SandboxExtension();
    static final String URL = "https://www.dailycourier.example/news";

    @TempDir
    Path tmp;
    CliHarness cli;

    @BeforeEach
    void setUp() {
        cli = new CliHarness(tmp, SANDBOX.server()).withoutToken();
    }

    private ProfileStore profiles() {
        return ProfileStore.open(cli.dataDir, Map.of(), null);
    }

    private HistoryEntry purged(String... args) {
        CliHarness.Result r = cli.run(args);
        assertThat(r.code()).as(r.toString()).isZero();
        return cli.history().get(cli.history().size() - 1);
    }

    @Test
    void aProfileSavedInTheWindowIsUsedByName() throws Exception {
        profiles().add("Staging box", EndpointKind.CUSTOM, SANDBOX.server().baseUri().toString(),
                ApiToken.of(DemoAccount.GLOBAL_TOKEN));

        HistoryEntry e = purged("purge", "--profile", "staging BOX", "--url", URL);

        assertThat(e.profile()).isEqualTo("Staging box");
        assertThat(e.endpointKind()).isEqualTo("custom");
    }

    @Test
    void theProfileTheWindowUsesIsTheDefaultWithoutFastlyApiToken() throws Exception {
        ProfileStore store = profiles();
        store.add("Mine", EndpointKind.CUSTOM, SANDBOX.server().baseUri().toString(), ApiToken.of(DemoAccount.GLOBAL_TOKEN));
        store.setActive("Mine");

        assertThat(purged("purge", "--url", URL).profile()).isEqualTo("Mine");
    }

    @Test
    void aFastlyCliTokenIsAProfileByItsCliName() throws Exception {
        Path config = tmp.resolve("home/.config/fastly/config.toml");
        Files.createDirectories(config.getParent());
        Files.writeString(config, "config_version = 6\n\n[fastly]\napi_endpoint = \"" + SANDBOX.server().baseUri()
                + "\"\n\n[auth]\ndefault = \"work\"\n\n[auth.tokens.work]\ntoken = \"" + DemoAccount.GLOBAL_TOKEN
                + "\"\ntype = \"static\"\n");

        assertThat(purged("purge", "--profile", "work", "--url", URL).profile()).isEqualTo("Fastly CLI: work");
    }

    @Test
    void fastlyApiTokenWinsOverTheWindowsProfile() throws Exception {
        profiles().add("Other", EndpointKind.CUSTOM, "http://127.0.0.1:9", ApiToken.of("otherToken000000000000000000000x"));
        profiles().setActive("Other");
        cli.env.put("FASTLY_API_TOKEN", DemoAccount.GLOBAL_TOKEN);
        cli.env.put("FASTLY_API_ENDPOINT", SANDBOX.server().baseUri().toString());

        assertThat(purged("purge", "--url", URL).profile()).isEqualTo("Environment");
    }

    @Test
    void theSandboxProfileNeedsToBeToldWhereTheSandboxRuns() {
        CliHarness.Result none = cli.run("purge", "--url", URL);
        assertThat(none.code()).isEqualTo(Cli.USAGE);
        assertThat(none.err()).contains("no Fastly token configured: set FASTLY_API_TOKEN or use --profile");

        cli.env.put("FASTLY_API_ENDPOINT", SANDBOX.server().baseUri().toString());
        HistoryEntry e = purged("purge", "--url", URL);
        assertThat(e.profile()).isEqualTo("Sandbox");
        assertThat(e.endpointKind()).isEqualTo("sandbox");
    }

    @Test
    void anUnknownProfileListsTheKnownOnesButNeverEchoesATokenTypedByMistake() {
        CliHarness.Result r = cli.run("purge", "--profile", "nope", "--url", URL);
        assertThat(r.code()).isEqualTo(Cli.USAGE);
        assertThat(r.err()).contains("there is no profile named 'nope'; the profiles are: Sandbox");

        CliHarness.Result token = cli.run("purge", "--profile", DemoAccount.GLOBAL_TOKEN, "--url", URL);
        assertThat(token.code()).isEqualTo(Cli.USAGE);
        assertThat(token.err()).contains("there is no profile named like that").doesNotContain(DemoAccount.GLOBAL_TOKEN);
    }
}
