package dev.purgedeck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.keysets.KeySet;
import dev.purgedeck.keysets.KeySetStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Real processes changing the key sets at once: every change lands (formerly 2–3 of 10 survived). */
@Timeout(180)
class KeySetsProcessesTest {
    private static final int PROCESSES = 10;

    @TempDir
    Path tmp;

    @Test
    void tenImportsAtOnceAllLandAndEachSaysItAddedOne() throws Exception {
        CliHarness cli = new CliHarness(tmp, null).withoutToken();
        CliProcess processes = new CliProcess(cli.env);
        List<Process> running = new ArrayList<>();
        for (int i = 0; i < PROCESSES; i++) {
            Path keys = cli.file("set-" + i + ".txt", "key-" + i + "-a", "key-" + i + "-b");
            running.add(processes.start("import-" + i, "keysets", "import", keys.toString()));
        }
        for (int i = 0; i < PROCESSES; i++) {
            CliHarness.Result r = processes.finish("import-" + i, running.get(i));
            assertThat(r.code()).as(r.toString()).isZero();
            assertThat(r.out()).contains("1 added");
            assertThat(r.err()).isEmpty();
        }

        List<KeySet> sets = KeySetStore.open(cli.dataDir, Clock.systemUTC()).all();
        assertThat(sets).extracting(KeySet::name).containsExactlyInAnyOrderElementsOf(
                IntStream.range(0, PROCESSES).mapToObj(i -> "set-" + i).toList());
        assertThat(sets).allSatisfy(s -> assertThat(s.keys()).hasSize(2));
    }
}
