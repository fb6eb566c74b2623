package dev.purgedeck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.sandbox.DemoAccount;
import dev.purgedeck.settings.ProfileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 13 items 6, 8, 10, 12 and 14 through the command line, against the sandbox and its request log. */
class InputHardeningCliTest extends SandboxCliTest {
    static final String URL = "https://www.dailycourier.example/news";

    private void assertUsageErrorSendingNothing(CliHarness.Result r, String message) {
        assertThat(r.code()).as(r.toString()).isEqualTo(Cli.USAGE);
        assertThat(r.err()).contains(message).doesNotContain("unexpected error");
        assertThat(SANDBOX.server().requests().count()).as("requests sent").isZero();
        assertThat(cli.history()).isEmpty();
    }

    private void fastlyCliConfig(String endpoint) throws Exception {
        Path config = tmp.resolve("home/.config/fastly/config.toml");
        Files.createDirectories(config.getParent());
        Files.writeString(config, "config_version = 6\n\n[fastly]\napi_endpoint = \"" + endpoint
                + "\"\n\n[auth]\ndefault = \"work\"\n\n[auth.tokens.work]\ntoken = \"" + DemoAccount.GLOBAL_TOKEN
                + "\"\ntype = \"static\"\n");
    }

    @Test
    void aRefusedFastlyCliEndpointStopsThePurgeInsteadOfFallingBackToFastly() throws Exception {
        fastlyCliConfig("http://example.invalid");
        cli.withoutToken();

        assertUsageErrorSendingNothing(cli.run("purge", "--profile", "work", "--url", URL), "api_endpoint is refused");

        ProfileStore.open(cli.dataDir, Map.of(), tmp.resolve("home/.config/fastly/config.toml"))
                .setActive("Fastly CLI: work");
        assertUsageErrorSendingNothing(cli.run("purge", "--url", URL), "api_endpoint is refused");
    }

    @Test
    void usageErrorsAreFoundBeforeAnyRequestWithTheToken() {
        assertUsageErrorSendingNothing(cli.run("purge", "--all", "-s", "Some Service Name"), "needs --yes");
        assertUsageErrorSendingNothing(cli.run("purge", "--all", "-s", service), "needs --yes");
        assertUsageErrorSendingNothing(cli.run("purge", "--all", "--soft", "-s", "Name", "--yes"), "cannot be soft");
        assertUsageErrorSendingNothing(cli.run("purge", "--url", URL, "--staging", "-s", "Name"), "--staging");
        assertUsageErrorSendingNothing(cli.run("purge", "--key", "k", "--concurrency", "0", "-s", "Name"),
                "--concurrency");
        assertUsageErrorSendingNothing(cli.run("purge", "--key", "bad\u2028key", "-s", "Name"), "U+2028");
        assertUsageErrorSendingNothing(cli.run("purge", "--url", "https://[::1]/x"), "IPv6");
    }

    @Test
    void anArgumentThatWasNotValidTextIsRefusedNotPurgedAsSomethingElse() {
        assertUsageErrorSendingNothing(cli.run("purge", "--url", "https://www.dailycourier.example/caf\uFFFD"),
                "not valid text");
        assertUsageErrorSendingNothing(cli.run("purge", "--key", "caf\uFFFD", "-s", service), "argument 3");
    }

    @Test
    void aTokenWithALineBreakIsRefusedOnceUpFront() {
        cli.env.put("FASTLY_API_TOKEN", DemoAccount.GLOBAL_TOKEN + "\r\nX-Injected: 1");
        CliHarness.Result r = cli.run("purge", "--url", URL);
        assertUsageErrorSendingNothing(r, "line break");
        assertThat(r.err()).doesNotContain(DemoAccount.GLOBAL_TOKEN);
    }

    @Test
    void emptyOptionListsAreUsageErrorsWithAPlainMessage() {
        assertUsageErrorSendingNothing(cli.run("history", "--outcome=,"), "--outcome needs at least one");
        assertUsageErrorSendingNothing(cli.run("history", "--kind=,"), "--kind needs at least one");
        assertUsageErrorSendingNothing(cli.run("history", "--kind", ",,,"), "--kind needs at least one");
    }

    @Test
    void echoedInputIsEscapedAndCut() {
        CliHarness.Result r = cli.run("purge", "--keyset", "\u001B[2J" + "x".repeat(100_000));
        assertUsageErrorSendingNothing(r, "there is no key set named '\\u001b[2J");
        assertThat(r.err()).doesNotContain("\u001B").hasSizeLessThan(3_000);

        String table = new TextTable("TARGET", "SERVICE").add("k", "\u001B]0;owned\u0007\u202Eevil" + "y".repeat(500))
                .render();
        assertThat(table).doesNotContain("\u001B", "\u0007", "\u202E").contains("\\u001b]0;owned\\u0007\\u202eevil")
                .hasSizeLessThan(TextTable.MAX_CELL + 100);
    }
}
