package dev.purgedeck.keysets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What happens when the disk, a crash or a hand edit leaves keysets.json other than the store last wrote it. */
class KeySetStoreRecoveryTest {
    private static final String ASIDE = "keysets-corrupt-2026-11-26T094512Z.json";

    @TempDir
    Path dir;
    private final TestClock clock = new TestClock("2026-11-26T09:45:12Z");

    @Test
    void aMissingFileMeansNoSetsAndNoProblem() {
        KeySetStore store = KeySetStore.open(dir, clock);
        assertThat(store.all()).isEmpty();
        assertThat(store.problem()).isEmpty();
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void aCrashAfterTheTempFileWasWrittenLeavesTheOldFileInForce() throws Exception {
        KeySetStore.open(dir, clock).create(KeySet.of("old", List.of("k")));
        // What a crash between write and rename leaves behind: the old keysets.json untouched beside a temp file
        // holding (part of) the new version. AtomicFiles only ever renames a complete temp file, so this is the
        // one torn state there can be.
        Files.writeString(dir.resolve(".keysets.json.tmp"), "{\"version\":1,\"key_sets\":[{\"name\":\"ne");
        KeySetStore store = KeySetStore.open(dir, clock);
        assertThat(store.problem()).isEmpty();
        assertThat(store.all()).extracting(KeySet::name).containsExactly("old");
        store.create(KeySet.of("new", List.of()));
        assertThat(KeySetStore.open(dir, clock).all()).extracting(KeySet::name).containsExactly("new", "old");
        assertThat(dir.resolve(".keysets.json.tmp")).doesNotExist();
    }

    @Test
    void aSaveThatFailsBeforeTheRenameChangesNothingOnDiskOrInMemory() throws Exception {
        KeySetStore store = KeySetStore.open(dir, clock);
        store.create(KeySet.of("old", List.of("k")));
        byte[] before = Files.readAllBytes(dir.resolve("keysets.json"));
        // A non-empty directory where AtomicFiles puts its temp file makes the real write fail before any rename,
        // as a full disk or a crash would: the rename over keysets.json is never reached.
        Files.createDirectories(dir.resolve(".keysets.json.tmp/blocker"));
        AtomicInteger heard = new AtomicInteger();
        store.addListener(heard::incrementAndGet);
        assertThatThrownBy(() -> store.create(KeySet.of("new", List.of()))).isInstanceOf(IOException.class);
        assertThat(store.all()).extracting(KeySet::name).containsExactly("old");
        assertThat(heard).hasValue(0);
        assertThat(dir.resolve("keysets.json")).hasBinaryContent(before);
        assertThat(KeySetStore.open(dir, clock).all()).extracting(KeySet::name).containsExactly("old");
    }

    @Test
    void aCorruptFileIsSetAsideWithItsBytesAndTheAppGoesOnWithNoSets() throws Exception {
        byte[] garbage = "{\"version\":1,\"key_sets\":[{\"name\":\"Homepage\",\"keys\":[\"a\"".getBytes(StandardCharsets.UTF_8);
        Files.write(dir.resolve("keysets.json"), garbage);
        KeySetStore store = KeySetStore.open(dir, clock);
        assertThat(store.all()).isEmpty();
        assertThat(store.problem()).get().asString()
                .startsWith("Your key sets file could not be read (It is not valid JSON")
                .contains("set aside as " + ASIDE).contains("started with no key sets");
        assertThat(dir.resolve(ASIDE)).hasBinaryContent(garbage);

        store.create(KeySet.of("fresh", List.of("k")));
        store.create(KeySet.of("fresher", List.of("k")));
        assertThat(dir.resolve(ASIDE)).hasBinaryContent(garbage);
        KeySetStore again = KeySetStore.open(dir, clock);
        assertThat(again.problem()).isEmpty();
        assertThat(again.all()).extracting(KeySet::name).containsExactly("fresh", "fresher");
    }

    @Test
    void aCorruptFileWithAGoodBackupComesBackWithTheBackupsSets() throws Exception {
        KeySetStore first = KeySetStore.open(dir, clock);
        first.create(KeySet.of("one", List.of("k")));
        first.create(KeySet.of("two", List.of("k")));
        Files.writeString(dir.resolve("keysets.json"), "\u0000\u0000\u0000");
        KeySetStore store = KeySetStore.open(dir, clock);
        assertThat(store.all()).extracting(KeySet::name).containsExactly("one");
        assertThat(store.problem()).get().asString().contains(ASIDE).contains("from the backup keysets.json.bak were loaded");
        // The recovery is saved at once, so the next start shows the same sets without a message.
        KeySetStore next = KeySetStore.open(dir, clock);
        assertThat(next.problem()).isEmpty();
        assertThat(next.all()).isEqualTo(store.all());
    }

    @Test
    void aSecondCorruptFileInTheSameSecondDoesNotReplaceTheFirst() throws Exception {
        Files.writeString(dir.resolve("keysets.json"), "first");
        KeySetStore.open(dir, clock);
        Files.writeString(dir.resolve("keysets.json"), "[\"second\"");
        assertThat(KeySetStore.open(dir, clock).problem()).get().asString().contains("keysets-corrupt-2026-11-26T094512Z-2.json");
        assertThat(dir.resolve(ASIDE)).hasContent("first");
        assertThat(dir.resolve("keysets-corrupt-2026-11-26T094512Z-2.json")).hasContent("[\"second\"");
    }

    @Test
    void jsonThatIsNotKeySetsCountsAsCorrupt() throws Exception {
        Files.writeString(dir.resolve("keysets.json"), "{\"preferences\": true}");
        KeySetStore store = KeySetStore.open(dir, clock);
        assertThat(store.problem()).get().asString().contains("does not hold key sets").contains(ASIDE);
    }

    @Test
    void aPartlyBadFileKeepsTheGoodSetsAndSetsTheOriginalAside() throws Exception {
        String text = """
                {"version": 1, "key_sets": [
                  {"name": "good", "keys": ["a", "b c", "d"], "soft": true},
                  {"keys": ["orphan"]},
                  {"name": "also good", "keys": []}
                ]}""";
        Files.writeString(dir.resolve("keysets.json"), text);
        KeySetStore store = KeySetStore.open(dir, clock);
        assertThat(store.all()).extracting(KeySet::name).containsExactly("also good", "good");
        assertThat(store.find("good").orElseThrow().keys()).containsExactly("a", "d");
        assertThat(store.problem()).get().asString()
                .startsWith("Part of your key sets file could not be read and was left out ('good' key 2: 'b c' contains a space")
                .contains("A key set has no name").contains(ASIDE).endsWith("The rest of your key sets were loaded.");
        assertThat(dir.resolve(ASIDE)).hasContent(text);
        assertThat(KeySetStore.open(dir, clock).problem()).isEmpty();
    }

    @Test
    void whenTheFileCannotBeSetAsideNothingIsSaved() throws Exception {
        Files.writeString(dir.resolve("keysets.json"), "not json");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-x------"));
        try {
            assumeFalse(Files.isWritable(dir), "permissions do not bind this user (root)");
            KeySetStore store = KeySetStore.open(dir, clock);
            assertThat(store.problem()).get().asString().contains("could not be set aside either").contains("nothing will be saved");
            assertThatThrownBy(() -> store.create(KeySet.of("a", List.of()))).isInstanceOf(IOException.class)
                    .hasMessageContaining("cannot be saved while");
            assertThat(dir.resolve("keysets.json")).hasContent("not json");
        } finally {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void aHealthyStoreLeavesNothingButItsFileUntilTheSecondSave() throws Exception {
        KeySetStore.open(dir, clock).create(KeySet.of("a", List.of()));
        try (Stream<Path> files = Files.list(dir)) {
            // The empty lock file that makes updates atomic across processes stays by design (see StoreLock).
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".lock")))
                    .containsExactly("keysets.json");
        }
        KeySetStore.open(dir, clock).create(KeySet.of("b", List.of()));
    }
}
