package dev.purgedeck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.history.HistoryStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Hostile files met by real command-line processes: links in the data folder, a shared data folder. */
class HostileFilesProcessTest extends SandboxCliTest {
    private CliHarness.Result main(String... args) throws Exception {
        return new CliProcess(cli.env).run(args);
    }

    @Test
    void aHistoryLinkedToAnotherFileStopsThePurgeBeforeAnythingIsSentOrAppended() throws Exception {
        Files.createDirectories(cli.dataDir);
        Path victim = Files.writeString(tmp.resolve("victim.txt"), "precious\n");
        Files.createSymbolicLink(cli.dataDir.resolve(HistoryStore.FILE_NAME), victim);

        CliHarness.Result r = main("purge", "--url", "https://www.dailycourier.example/news");

        assertThat(r.code()).as(r.toString()).isEqualTo(Cli.USAGE);
        assertThat(r.err()).contains("symbolic link", "nothing was purged").doesNotContain("Exception", "\tat ");
        assertThat(Files.readString(victim)).isEqualTo("precious\n");
        assertThat(SANDBOX.server().requests().all()).filteredOn(q -> q.method().equals("POST")).isEmpty();
    }

    @Test
    void keySetsLinkedToAnotherFileAreNotWrittenThrough() throws Exception {
        Files.createDirectories(cli.dataDir);
        Path victim = Files.writeString(tmp.resolve("victim.json"), "{\"version\":1,\"key_sets\":[]}");
        Files.createSymbolicLink(cli.dataDir.resolve("keysets.json"), victim);
        Path keys = cli.file("news.txt", "section-news");

        CliHarness.Result r = main("keysets", "import", keys.toString());

        assertThat(r.code()).as(r.toString()).isEqualTo(Cli.FAILED);
        assertThat(r.err()).contains("symbolic link").doesNotContain("\tat ");
        assertThat(Files.readString(victim)).isEqualTo("{\"version\":1,\"key_sets\":[]}");
        assertThat(Files.isSymbolicLink(cli.dataDir.resolve("keysets.json"))).isTrue();
        assertThat(cli.dataDir.resolve("keysets.json.bak")).doesNotExist();
    }

    @Test
    void aDataFolderOthersMayChangeIsWarnedAboutInOneLine() throws Exception {
        Files.createDirectories(cli.dataDir);
        Files.setPosixFilePermissions(cli.dataDir, PosixFilePermissions.fromString("rwxrwxrwx"));

        CliHarness.Result r = main("keysets", "list");

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.err().lines().filter(l -> l.contains("chmod go-w"))).hasSize(1);
    }

    @Test
    void devZeroAsAUrlsFileOrAnImportEndsAtOnceWithExit2() throws Exception {
        long start = System.nanoTime();
        CliHarness.Result purge = main("purge", "--urls-file", "/dev/zero");
        CliHarness.Result keys = main("purge", "--keys-file", "/dev/zero", "-s", service);
        CliHarness.Result imported = main("keysets", "import", "/dev/zero", "--name", "zeros");
        long seconds = java.time.Duration.ofNanos(System.nanoTime() - start).toSeconds();

        for (CliHarness.Result r : List.of(purge, keys, imported)) {
            assertThat(r.code()).as(r.toString()).isEqualTo(Cli.USAGE);
            assertThat(r.err()).contains("/dev/zero holds more than 10 MiB").doesNotContain("OutOfMemory", "\tat ");
        }
        assertThat(seconds).as("three runs, each formerly 25 s until out of memory").isLessThan(45);
        assertThat(SANDBOX.server().requests().all()).isEmpty();
    }

    @Test
    void aDamagedKeySetsFileAndBackupAreBothSetAsideWithOnePlainLine() throws Exception {
        Files.createDirectories(cli.dataDir);
        Files.writeString(cli.dataDir.resolve("keysets.json"), "{\"version\":1,\"key_sets\":[{\"na");
        Files.writeString(cli.dataDir.resolve("keysets.json.bak"), "\u0000\u0001 not json");

        CliHarness.Result list = main("keysets", "list");
        CliHarness.Result imported = main("keysets", "import", cli.file("news.txt", "section-news").toString());

        assertThat(list.code()).as(list.toString()).isZero();
        assertThat(list.err().lines()).as(list.toString()).hasSize(1).allSatisfy(l -> assertThat(l)
                .contains("keysets-corrupt-", "keysets-corrupt-", "could not be read either")
                .doesNotContain("WARNING", "Exception"));
        assertThat(imported.code()).as(imported.toString()).isZero();
        List<String> aside;
        try (Stream<Path> files = Files.list(cli.dataDir)) {
            aside = files.map(f -> f.getFileName().toString()).filter(n -> n.contains("-corrupt-")).sorted().toList();
        }
        assertThat(aside).hasSize(2);
        List<String> contents = new ArrayList<>();
        for (String name : aside) {
            contents.add(Files.readString(cli.dataDir.resolve(name)));
        }
        assertThat(contents).containsExactlyInAnyOrder("{\"version\":1,\"key_sets\":[{\"na", "\u0000\u0001 not json");
    }
}
