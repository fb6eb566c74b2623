package dev.purgedeck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.purgedeck.history.HistoryStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A purge whose history fills the disk part-way, as a separate process limited by {@code ulimit -f} (writes past
 * the limit fail with EFBIG, as on a full disk): every outcome is either in the history or handed to the user, none
 * twice, no torn line is left, and the exit code and both output formats say so.
 */
class FullDiskProcessTest extends SandboxCliTest {
    private static final int URLS = 300;
    /** 40 KiB: room for about a hundred history lines, far fewer than 300. */
    private static final int KIB = 40;

    @Test
    void outcomesTheHistoryCannotTakeAreHandedOverAndTheExitCodeIs3() throws Exception {
        Path urls = cli.file("urls.txt", IntStream.range(0, URLS)
                .mapToObj(i -> "https://www.dailycourier.example/full-disk/" + i).toArray(String[]::new));

        CliHarness.Result r = new CliProcess(cli.env).fileSizeLimit(KIB)
                .run("purge", "--urls-file", urls.toString(), "--json");

        assertThat(r.code()).as(r.toString()).isEqualTo(Cli.NOT_RECORDED);
        JsonNode report = new ObjectMapper().readTree(r.out());
        assertThat(report.get("summary").get("ok").asInt()).isEqualTo(URLS);
        assertThat(report.get("history_problem").asText()).contains("could not be written to the history");
        List<String> unrecordedInReport = new ArrayList<>();
        report.get("items").forEach(i -> {
            if (!i.get("recorded").asBoolean()) {
                unrecordedInReport.add(i.get("target").asText());
            }
        });

        // The history holds whole lines only, each one JSON.
        byte[] history = Files.readAllBytes(cli.dataDir.resolve(HistoryStore.FILE_NAME));
        assertThat(history.length).isLessThanOrEqualTo(KIB * 1024).isPositive();
        assertThat(history[history.length - 1]).as("no torn last line").isEqualTo((byte) '\n');
        List<String> recorded = new ArrayList<>();
        for (String line : new String(history, StandardCharsets.UTF_8).split("\n")) {
            recorded.add(new ObjectMapper().readTree(line).get("target").asText());
        }
        // The rest were printed on stderr (saving them beside the history met the same limit), one line each.
        List<String> handedOver = new ArrayList<>();
        r.err().lines().filter(l -> l.startsWith("{")).forEach(l -> {
            try {
                handedOver.add(new ObjectMapper().readTree(l).get("target").asText());
            } catch (java.io.IOException e) {
                throw new AssertionError("not a history line: " + l, e);
            }
        });

        List<String> all = new ArrayList<>(recorded);
        all.addAll(handedOver);
        assertThat(all).as("lost or duplicated").hasSize(URLS).doesNotHaveDuplicates();
        assertThat(handedOver).containsExactlyInAnyOrderElementsOf(unrecordedInReport);
        assertThat(recorded).isNotEmpty();
        assertThat(r.err()).contains("they follow on stderr").doesNotContain("\tat ");
        System.out.printf("full disk: %d purged, %d in the history, %d handed over on stderr, lost or duplicated: %d%n",
                URLS, recorded.size(), handedOver.size(), URLS - all.size());
    }

    @Test
    void aLaterPurgeOnTheFullDiskSavesItsOutcomesBesideTheHistory() throws Exception {
        CliProcess limited = new CliProcess(cli.env).fileSizeLimit(KIB);
        Path fill = cli.file("fill.txt", IntStream.range(0, URLS)
                .mapToObj(i -> "https://www.dailycourier.example/fill/" + i).toArray(String[]::new));
        assertThat(limited.run("purge", "--urls-file", fill.toString()).code()).isEqualTo(Cli.NOT_RECORDED);
        long full = Files.size(cli.dataDir.resolve(HistoryStore.FILE_NAME));

        CliHarness.Result r = limited.run("purge", "--url", "https://www.dailycourier.example/late/1",
                "https://www.dailycourier.example/late/2");

        assertThat(r.code()).as(r.toString()).isEqualTo(Cli.NOT_RECORDED);
        assertThat(r.out()).contains("2 purged, 0 failed");
        assertThat(Files.size(cli.dataDir.resolve(HistoryStore.FILE_NAME))).isEqualTo(full);
        List<Path> saved;
        try (var files = Files.list(cli.dataDir)) {
            saved = files.filter(f -> f.getFileName().toString().startsWith("history-unrecorded-")).toList();
        }
        // The first run's 200-odd lines did not fit beside it either (printed instead); the second run's 2 did.
        assertThat(saved).singleElement().satisfies(f -> assertThat(Files.readAllLines(f))
                .hasSize(2).allSatisfy(l -> assertThat(l).contains("/late/")));
        assertThat(r.err()).contains("2 outcomes could not be written to the history", "were saved to " + saved.get(0));
    }
}
