package dev.purgedeck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The commands as a script sees them: {@code java … dev.purgedeck.app.Main purge …} as a separate process. */
class CliProcessTest extends SandboxCliTest {
    /** Runs Main in a fresh JVM with exactly the harness's environment; stdin is empty and not a terminal. */
    private CliHarness.Result main(String... args) throws Exception {
        return new CliProcess(cli.env).run(args);
    }

    @Test
    void aUrlsFilePurgeExitsWith0AndItsEntriesAreInTheSharedHistory() throws Exception {
        Path urls = cli.file("urls.txt", "https://www.dailycourier.example/news", "",
                "https://www.dailycourier.example/sport");

        CliHarness.Result purge = main("purge", "--urls-file", urls.toString());
        assertThat(purge.code()).as(purge.toString()).isZero();
        assertThat(purge.out()).containsPattern("https://www.dailycourier.example/sport +\\d+-\\d+-\\d+ +ok")
                .contains("2 purged, 0 failed");

        CliHarness.Result history = main("history", "--json", "--kind", "url");
        assertThat(history.code()).as(history.toString()).isZero();
        JsonNode rows = new ObjectMapper().readTree(history.out());
        assertThat(rows).hasSize(2);
        assertThat(rows.findValuesAsText("purge_id")).allMatch(id -> id.matches("\\d+-\\d+-\\d+"));
    }

    @Test
    void keysAsJsonAndAPartialFailureExitWith1() throws Exception {
        cli.env.put("FASTLY_SERVICE_ID", SANDBOX.service());
        Path keys = cli.file("keys.txt", "homepage", "section-news");

        CliHarness.Result ok = main("purge", "--keys-file", keys.toString(), "--json");
        assertThat(ok.code()).as(ok.toString()).isZero();
        assertThat(new ObjectMapper().readTree(ok.out()).get("summary").get("ok").asInt()).isEqualTo(2);

        cli.env.put("FASTLY_API_TOKEN", "sbxUnknownToken00000000000000099");
        CliHarness.Result failed = main("purge", "--keys-file", keys.toString());
        assertThat(failed.code()).as(failed.toString()).isEqualTo(Cli.FAILED);
        assertThat(failed.err()).contains("Fastly did not accept the API token").doesNotContain("sbxUnknownToken");
    }

    @Test
    void purgingEverythingWithoutYesIsRefusedWhenStdinIsNotATerminal() throws Exception {
        CliHarness.Result r = main("purge", "-s", SANDBOX.service(), "--all");

        assertThat(r.code()).as(r.toString()).isEqualTo(Cli.USAGE);
        assertThat(r.err()).contains(PurgeAllConfirmation.NEEDS_YES);
        assertThat(SANDBOX.server().requests().all()).filteredOn(q -> q.method().equals("POST")).isEmpty();
    }

    @Test
    void invalidLinesExitWith2AndTheHelpExitsWith0() throws Exception {
        Path bad = cli.file("urls.txt", "https://ok.example/", "gopher://old.example/");

        CliHarness.Result r = main("purge", "--urls-file", bad.toString());
        assertThat(r.code()).as(r.toString()).isEqualTo(Cli.USAGE);
        assertThat(r.err()).contains(bad + " line 2: 'gopher://old.example/'");

        CliHarness.Result help = main("purge", "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).startsWith("Usage: purgedeck purge");
        assertThat(main("--help").out()).contains("purge ...", "history ...", "keysets list|show|import|export",
                "team init|status|sync");
        CliHarness.Result team = main("team", "status");
        assertThat(team.code()).as(team.toString()).isEqualTo(Cli.USAGE);
        assertThat(team.err()).contains("no team database is set up");
    }
}
