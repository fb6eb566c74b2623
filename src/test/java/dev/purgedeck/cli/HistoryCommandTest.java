package dev.purgedeck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.purgedeck.fastly.PurgeKind;
import dev.purgedeck.history.HistoryEntry;
import dev.purgedeck.history.HistoryEntry.Outcome;
import dev.purgedeck.history.HistoryExport;
import dev.purgedeck.history.HistoryStore;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code purgedeck history} over a history written as the window writes it. */
class HistoryCommandTest {
    static final String SHOP = "9PfL4cXa7YmD2sQh6TvE1k";
    static final String NEWS = "7kQm2XvR9tLp4WnB8cYd3F";
    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @TempDir
    Path tmp;
    CliHarness cli;

    @BeforeEach
    void setUp() throws Exception {
        cli = new CliHarness(tmp, null);
        try (HistoryStore store = HistoryStore.open(cli.dataDir.resolve(HistoryStore.FILE_NAME))) {
            store.append(List.of(
                    entry("j1", 50, SHOP, "Northwind Shop", PurgeKind.KEY, "product-1", Outcome.OK),
                    entry("j1", 50, SHOP, "Northwind Shop", PurgeKind.KEY, "product-2", Outcome.FAILED),
                    entry("j2", 5, NEWS, "Daily Courier — www", PurgeKind.URL, "https://www.dailycourier.example/",
                            Outcome.OK),
                    entry("j3", 1, NEWS, "Daily Courier — www", PurgeKind.ALL, NEWS, Outcome.CANCELLED),
                    entry("j4", 0, null, null, PurgeKind.URL, "https://elsewhere.example/a", Outcome.FAILED)));
        }
    }

    /** An entry written {@code hoursAgo} hours before now. */
    private static HistoryEntry entry(String job, int hoursAgo, String serviceId, String serviceName, PurgeKind kind,
                                      String target, Outcome outcome) {
        boolean ok = outcome == Outcome.OK;
        return new HistoryEntry(job, NOW.minus(Duration.ofHours(hoursAgo)), "Environment", "fastly",
                "https://api.fastly.com", serviceId, serviceName, kind, target, false, "production", outcome,
                ok ? "1740093-1756794994-" + target.length() : null, ok ? 200 : 503, ok ? null : "Fastly is unavailable",
                1, 20, "dana", "0.1.0");
    }

    private List<String> targets(CliHarness.Result r) throws Exception {
        assertThat(r.code()).as(r.toString()).isZero();
        return HistoryExport.readJson(new ByteArrayInputStream(r.out().getBytes(StandardCharsets.UTF_8))).stream()
                .map(HistoryEntry::target).toList();
    }

    @Test
    void theTableShowsTheNewestFirstUpToTheLimit() {
        CliHarness.Result all = cli.run("history");
        assertThat(all.code()).isZero();
        List<String> lines = all.out().lines().toList();
        assertThat(lines.get(0)).matches("TIME +OUTCOME +KIND +TARGET +SERVICE +PROFILE +PURGE ID +ERROR");
        assertThat(lines.get(1)).contains("failed", "url", "https://elsewhere.example/a", "Environment (Fastly)",
                "Fastly is unavailable");
        assertThat(lines.get(3)).contains("ok", "https://www.dailycourier.example/", "Daily Courier — www");
        assertThat(lines).hasSize(6);

        CliHarness.Result two = cli.run("history", "--limit", "2");
        assertThat(two.out().lines()).hasSize(4).last().asString()
                .isEqualTo("Showing the 2 newest of 5 matching entries; use --limit, --csv or --json for more.");
    }

    @Test
    void filtersCombine() throws Exception {
        assertThat(targets(cli.run("history", "--json", "--outcome", "failed"))).containsExactly(
                "https://elsewhere.example/a", "product-2");
        assertThat(targets(cli.run("history", "--json", "--kind", "url,all"))).containsExactly(
                "https://elsewhere.example/a", NEWS, "https://www.dailycourier.example/");
        assertThat(targets(cli.run("history", "--json", "--since", "10h"))).hasSize(3);
        assertThat(targets(cli.run("history", "--json", "--since", "3d", "--until", "2h"))).containsExactly(
                "https://www.dailycourier.example/", "product-2", "product-1");
        assertThat(targets(cli.run("history", "--json", "--service", "northwind shop"))).containsExactly(
                "product-2", "product-1");
        assertThat(targets(cli.run("history", "--json", "--service", NEWS, "--outcome", "ok,cancelled")))
                .containsExactly(NEWS, "https://www.dailycourier.example/");
        assertThat(targets(cli.run("history", "--json", "--search", "PRODUCT-2"))).containsExactly("product-2");
        assertThat(targets(cli.run("history", "--json", "--limit", "1"))).hasSize(1);
    }

    @Test
    void aSearchBegunBeforeTheOptionsAreReadStillAppliesThemAll() throws Exception {
        // Cli starts scanning the file for the text before picocli reads the rest of the command line.
        assertThat(targets(cli.run("history", "--json", "--search=product", "--outcome", "failed")))
                .containsExactly("product-2");
        assertThat(targets(cli.run("history", "--json", "--outcome", "ok,cancelled", "--search", "PRODUCT",
                "--limit", "1"))).containsExactly("product-1");
        assertThat(cli.run("history", "--search", "product", "--search", "x").code()).isEqualTo(Cli.USAGE);
    }

    @Test
    void profileFiltersAndTellsSandboxPurgesFromRealOnes() throws Exception {
        try (HistoryStore store = HistoryStore.open(cli.dataDir.resolve(HistoryStore.FILE_NAME))) {
            store.append(List.of(new HistoryEntry("j5", NOW, "Local sandbox", "sandbox", "http://127.0.0.1:8080", SHOP,
                    "Northwind Shop", PurgeKind.KEY, "product-9", false, "production", Outcome.OK, "1-2-3", 200, null, 1,
                    20, "dana", "0.1.0")));
        }
        assertThat(targets(cli.run("history", "--json", "--profile", "local SANDBOX"))).containsExactly("product-9");
        assertThat(targets(cli.run("history", "--json", "--profile", "environment"))).hasSize(5)
                .doesNotContain("product-9");
        assertThat(cli.run("history", "--profile", "Local sandbox").out().lines().toList().get(1))
                .contains("product-9", "Local sandbox (sandbox)");
        assertThat(cli.run("history", "--profile", "nobody").out()).isEqualTo("No purges match." + System.lineSeparator());
    }

    @Test
    void csvIsTheWindowsExportFormat() throws Exception {
        CliHarness.Result r = cli.run("history", "--csv", "--kind", "key");

        assertThat(r.code()).isZero();
        byte[] bytes = r.out().getBytes(StandardCharsets.UTF_8);
        assertThat(HistoryExport.readCsv(new ByteArrayInputStream(bytes))).extracting(HistoryEntry::target)
                .containsExactly("product-2", "product-1");
        // Standard output is read by other tools: no byte-order mark unless asked for.
        assertThat(r.out()).startsWith("job_id,time,");
        CliHarness.Result forExcel = cli.run("history", "--csv", "--bom", "--kind", "key");
        assertThat(forExcel.code()).isZero();
        assertThat(forExcel.out()).startsWith("\uFEFFjob_id,time,");
        assertThat(HistoryExport.readCsv(new ByteArrayInputStream(forExcel.out().getBytes(StandardCharsets.UTF_8))))
                .hasSize(2);
        CliHarness.Result alone = cli.run("history", "--bom");
        assertThat(alone.code()).isEqualTo(Cli.USAGE);
        assertThat(alone.err()).contains("--bom goes with --csv");
    }

    @Test
    void jsonHoldsEveryFieldOfTheHistoryLine() throws Exception {
        JsonNode rows = new ObjectMapper().readTree(cli.run("history", "--json", "--search", "product-1").out());

        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("service_name").asText()).isEqualTo("Northwind Shop");
        assertThat(rows.get(0).get("purge_id").asText()).startsWith("1740093-");
        assertThat(rows.get(0).get("user").asText()).isEqualTo("dana");
    }

    @Test
    void badFiltersExitWith2() {
        CliHarness.Result time = cli.run("history", "--since", "last tuesday");
        assertThat(time.code()).isEqualTo(Cli.USAGE);
        assertThat(time.err()).contains("'last tuesday' is not a time");
        assertThat(cli.run("history", "--outcome", "great").code()).isEqualTo(Cli.USAGE);
        assertThat(cli.run("history", "--csv", "--json").code()).isEqualTo(Cli.USAGE);
        assertThat(cli.run("history", "--limit", "0").code()).isEqualTo(Cli.USAGE);
    }

    @Test
    void anEmptyHistoryIsNotCreatedByLookingAtIt() {
        CliHarness empty = new CliHarness(tmp.resolve("other"), null);

        CliHarness.Result r = empty.run("history", "--since", "1d");

        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo("No purges match." + System.lineSeparator());
        assertThat(Files.exists(empty.dataDir)).isFalse();
        assertThat(empty.run("history", "--json").out().strip()).isEqualTo("[]");
    }
}
