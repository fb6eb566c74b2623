package dev.purgedeck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.context.Version;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Everything that must stop a purge with exit code 2 before a single request is sent, and say why. */
class PurgeInputTest extends SandboxCliTest {
    /** Nothing reached Fastly and nothing was recorded: the promise behind exit code 2. */
    @AfterEach
    void nothingWasSent() {
        assertThat(SANDBOX.server().requests().all()).filteredOn(r -> r.method().equals("POST")).isEmpty();
        assertThat(cli.history()).isEmpty();
    }

    private CliHarness.Result refused(String... args) {
        CliHarness.Result r = cli.run(args);
        assertThat(r.code()).as(r.toString()).isEqualTo(Cli.USAGE);
        assertThat(r.out()).as(r.toString()).isEmpty();
        return r;
    }

    @Test
    void aUrlsFileWithInvalidLinesIsRefusedNamingEachLine() {
        Path f = cli.file("urls.txt", "https://www.dailycourier.example/news", "", "ftp://files.example/a",
                "https://www.dailycourier.example/sport", "www.example.com/has space", "mailto:ed@example.com");

        CliHarness.Result r = refused("purge", "--urls-file", f.toString());

        assertThat(r.err()).contains(f + " line 3: 'ftp://files.example/a' uses 'ftp://'")
                .contains(f + " line 5: 'www.example.com/has space'")
                .contains(f + " line 6: 'mailto:ed@example.com'")
                .contains("nothing was purged: 3 invalid URLs").doesNotContain("line 1:").doesNotContain("line 4:");
    }

    @Test
    void aKeysFileWithInvalidLinesIsRefusedNamingEachLine() {
        Path f = cli.file("keys.txt", "homepage", "", "two words", "  section-news ", "café");

        CliHarness.Result r = refused("purge", "-s", service, "--keys-file", f.toString());

        assertThat(r.err()).contains(f + " line 3: 'two words' contains a space")
                .contains(f + " line 5: 'café' contains 'é'").contains("nothing was purged: 2 invalid keys");
    }

    @Test
    void invalidArgumentsAreNamedToo() {
        assertThat(refused("purge", "--url", "https://ok.example/a", "javascript:alert(1)").err())
                .contains("--url: 'javascript:alert(1)'").contains("1 invalid URL;");
        assertThat(refused("purge", "-s", service, "--key", "").err()).contains("--key: '' is empty");
    }

    @Test
    void filesThatAreMissingEmptyOrNotUtf8AreRefused() throws Exception {
        assertThat(refused("purge", "--urls-file", tmp.resolve("nope.txt").toString()).err())
                .contains("--urls-file: there is no file");
        assertThat(refused("purge", "-s", service, "--keys-file", cli.file("blank.txt", "", "  ").toString()).err())
                .contains("lists no keys");
        Path latin1 = tmp.resolve("latin1.txt");
        java.nio.file.Files.write(latin1, new byte[] {'h', 't', 't', 'p', ':', '/', '/', 'a', '/', (byte) 0xE9});
        assertThat(refused("purge", "--urls-file", latin1.toString()).err()).contains("is not UTF-8 text");
    }

    @Test
    void purgingEverythingWithoutYesIsRefusedWhenNoTerminalIsAttached() {
        assertThat(refused("purge", "-s", service, "--all").err()).contains(PurgeAllConfirmation.NEEDS_YES);
    }

    @Test
    void purgingEverythingSoftlyIsRefused() {
        assertThat(refused("purge", "-s", service, "--all", "--yes", "--soft").err())
                .contains("--all cannot be soft");
    }

    @Test
    void stagingUrlPurgesAreRefused() {
        assertThat(refused("purge", "--url", "https://www.dailycourier.example/", "--staging").err())
                .contains("--staging works with keys and --all only");
    }

    @Test
    void keysNeedAService() {
        assertThat(refused("purge", "--key", "homepage").err())
                .contains("no service given: use --service ID|NAME or set FASTLY_SERVICE_ID");
        assertThat(refused("purge", "--service", "Daily courier", "--key", "homepage").err())
                .contains("there is no service named 'Daily courier' among the 5 services this token can see");
        assertThat(refused("purge", "--service", "Daily courier", "--key", "homepage").err())
                .contains("did you mean 'Daily Courier — www'?");
        assertThat(refused("purge", "--service", "Northwnd Shpo", "--key", "homepage").err())
                .contains("there is no service named 'Northwnd Shpo'", "did you mean 'Northwind Shop'?");
        cli.env.put("FASTLY_SERVICE_ID", "Gone Service");
        assertThat(refused("purge", "--key", "homepage").err())
                .contains("FASTLY_SERVICE_ID: there is no service named 'Gone Service'");
    }

    @Test
    void anUnknownKeySetIsRefused() {
        assertThat(refused("purge", "--keyset", "Nope").err()).contains("there is no key set named 'Nope'")
                .contains("there are no key sets yet");
    }

    @Test
    void badCommandLinesExitWith2AndPointToTheHelp() {
        assertThat(refused("purge").err()).contains("Missing required argument");
        assertThat(refused("purge", "--url", "https://a.example/", "--key", "k").err()).contains("mutually exclusive");
        assertThat(refused("purge", "--urls", "f.txt").err()).contains("Unknown options: '--urls'")
                .contains("--url").contains("purgedeck purge --help");
        assertThat(refused("purge", "--url", "https://a.example/", "--concurrency", "0").err())
                .contains("--concurrency must be between 1 and 64");
        assertThat(refused("purge", "--url", "https://a.example/", "--concurrency", "many").err())
                .contains("Invalid value for option '--concurrency'");
        assertThat(refused("bogus").err()).contains("Unmatched argument");
    }

    @Test
    void withoutATokenItSaysHowToConfigureOne() {
        cli.withoutToken();

        assertThat(refused("purge", "--url", "https://www.dailycourier.example/").err())
                .contains("no Fastly token configured: set FASTLY_API_TOKEN or use --profile");
    }

    @Test
    void anEndpointThatWouldExposeTheTokenIsRefused() {
        cli.env.put("FASTLY_API_ENDPOINT", "http://api.example.com");

        assertThat(refused("purge", "--url", "https://www.dailycourier.example/").err())
                .contains("FASTLY_API_ENDPOINT is refused: http:// is only allowed for this computer");
    }

    @Test
    void helpIsThereForEveryCommand() {
        for (String[] args : new String[][] {{"purge", "--help"}, {"history", "--help"}, {"keysets", "--help"},
                {"inspect", "--help"}, {"keysets", "list", "--help"}, {"keysets", "show", "--help"}, {"keysets", "import", "--help"},
                {"keysets", "export", "--help"}, {"--help"}}) {
            CliHarness.Result r = cli.run(args);
            assertThat(r.code()).as(String.join(" ", args)).isZero();
            assertThat(r.out()).as(String.join(" ", args)).startsWith("Usage: purgedeck");
        }
        assertThat(cli.run("purge", "--help").out()).contains("--urls-file=FILE").contains("--keys-file=FILE")
                .contains("--[no-]soft").contains("Exit codes:").contains("FASTLY_SERVICE_ID");
    }

    @Test
    void everyCommandTellsItsVersionAndListsHelpAfterItsOwnOptions() {
        for (String[] command : new String[][] {{}, {"purge"}, {"history"}, {"keysets"}, {"keysets", "list"},
                {"inspect"}, {"team"}}) {
            for (String flag : new String[] {"-V", "--version"}) {
                String[] args = Arrays.copyOf(command, command.length + 1);
                args[command.length] = flag;
                CliHarness.Result r = cli.run(args);
                assertThat(r.code()).as(String.join(" ", args)).isZero();
                assertThat(r.out().strip()).as(String.join(" ", args)).isEqualTo("PurgeDeck " + Version.get());
            }
        }
        String purge = cli.run("purge", "--help").out();
        assertThat(purge.indexOf("-h, --help")).isGreaterThan(purge.indexOf("--twice-delay=TIME"))
                .isLessThan(purge.indexOf("What to purge (exactly one):"));
        String history = cli.run("history", "--help").out();
        assertThat(history.indexOf("-V, --version")).isGreaterThan(history.indexOf("--search"));
    }
}
