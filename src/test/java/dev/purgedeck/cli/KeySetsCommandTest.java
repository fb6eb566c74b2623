package dev.purgedeck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.keysets.KeySet;
import dev.purgedeck.keysets.KeySetStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code purgedeck keysets}: the window's key sets from the command line, and round trips through files. */
class KeySetsCommandTest {
    static final String SERVICE = "7kQm2XvR9tLp4WnB8cYd3F";

    @TempDir
    Path tmp;
    CliHarness cli;

    @BeforeEach
    void setUp() {
        cli = new CliHarness(tmp, null);
    }

    private KeySetStore store() {
        return KeySetStore.open(cli.dataDir, Clock.systemUTC());
    }

    private CliHarness.Result ok(String... args) {
        CliHarness.Result r = cli.run(args);
        assertThat(r.code()).as(r.toString()).isZero();
        return r;
    }

    @Test
    void aTextKeyListIsImportedListedShownAndExportedAgain() throws Exception {
        Path file = cli.file("homepage.txt", "homepage", "", "  section-news", "homepage", "");
        assertThat(ok("keysets", "list").out()).startsWith("No key sets yet.");

        assertThat(ok("keysets", "import", file.toString()).out())
                .isEqualTo("Imported 'homepage': 1 added, 0 replaced, 0 renamed, 0 skipped." + System.lineSeparator());
        assertThat(store().find("homepage").orElseThrow().keys()).containsExactly("homepage", "section-news");

        List<String> list = ok("keysets", "list").out().lines().toList();
        assertThat(list.get(0)).matches("NAME +KEYS +SERVICE +PURGE +UPDATED");
        assertThat(list.get(1)).matches("homepage +2 +- +hard +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d");
        assertThat(ok("keysets", "show", "HOMEPAGE").out()).contains("Name:        homepage")
                .contains("Keys (2):").contains("  section-news");
        assertThat(ok("keysets", "export", "homepage").out()).isEqualTo("homepage\nsection-news\n");
    }

    @Test
    void jsonExportsImportIntoAnotherDataDirectoryUnchanged() throws Exception {
        KeySet original = store().create(KeySet.of("Sport", List.of("section-sport", "article-4720"))
                .withDescription("Sport desk").withService(SERVICE, "Daily Courier — www").withSoft(true));
        Path out = tmp.resolve("sport.json");
        assertThat(ok("keysets", "export", "sport", "--output", out.toString()).out())
                .contains("Exported 'Sport' (2 keys) to " + out);

        CliHarness other = new CliHarness(tmp.resolve("other"), null);
        CliHarness.Result r = other.run("keysets", "import", out.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(KeySetStore.open(other.dataDir, Clock.systemUTC()).find("Sport")).contains(original);

        CliHarness.Result all = ok("keysets", "export");
        assertThat(all.out()).startsWith("{").contains("\"key_sets\"").contains("\"Sport desk\"");
    }

    @Test
    void aNameClashNeedsOnConflict() throws Exception {
        store().create(KeySet.of("homepage", List.of("old")));
        Path file = cli.file("homepage.txt", "new");

        CliHarness.Result refused = cli.run("keysets", "import", file.toString());
        assertThat(refused.code()).isEqualTo(Cli.USAGE);
        assertThat(refused.err()).contains("a key set named 'homepage' exists already: use --on-conflict");

        ok("keysets", "import", file.toString(), "--on-conflict", "rename");
        assertThat(store().all()).extracting(KeySet::name).containsExactly("homepage", "homepage (imported)");
        ok("keysets", "import", file.toString(), "--on-conflict", "REPLACE");
        assertThat(store().find("homepage").orElseThrow().keys()).containsExactly("new");
        assertThat(ok("keysets", "import", file.toString(), "--name", "Other", "--on-conflict", "skip").out())
                .contains("1 added");
    }

    @Test
    void aFileWithABadKeyImportsNothingAndNamesTheLine() {
        Path file = cli.file("bad.txt", "fine", "", "not fine");

        CliHarness.Result r = cli.run("keysets", "import", file.toString());

        assertThat(r.code()).isEqualTo(Cli.USAGE);
        assertThat(r.err()).contains(file + " line 3: 'not fine' contains a space").contains("nothing was imported");
        assertThat(Files.exists(cli.dataDir.resolve("keysets.json"))).isFalse();
    }

    @Test
    void unknownSetsAndBadRequestsExitWith2() throws Exception {
        store().create(KeySet.of("A", List.of("a")));

        assertThat(cli.run("keysets", "show", "B").err()).contains("there is no key set named 'B'; the key sets are: A");
        assertThat(cli.run("keysets", "export", "--format", "text").code()).isEqualTo(Cli.USAGE);
        assertThat(cli.run("keysets").code()).isEqualTo(Cli.USAGE);
        assertThat(cli.run("keysets", "import", tmp.resolve("none.txt").toString()).code()).isEqualTo(Cli.USAGE);
        assertThat(cli.run("keysets", "import", cli.file("k.json", "{\"nope\": 1}").toString()).err())
                .contains("is not a key set file");
    }
}
