package dev.purgedeck.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.purgedeck.history.HistoryStore;
import dev.purgedeck.keysets.KeySet;
import dev.purgedeck.keysets.KeySetStore;
import dev.purgedeck.settings.ProfileStore;
import dev.purgedeck.settings.RememberedState;
import dev.purgedeck.settings.Settings;
import dev.purgedeck.settings.SettingsStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** No file PurgeDeck writes or appends to may be a link or anything but a plain file. */
class SafeFilesTest {
    @TempDir
    Path dir;

    private Path victim() throws Exception {
        return Files.writeString(dir.resolve("victim.txt"), "precious\n");
    }

    @Test
    void anAtomicWriteRefusesALinkAndLeavesBothTheLinkAndItsTargetAlone() throws Exception {
        Path victim = victim();
        Path link = Files.createSymbolicLink(dir.resolve("keysets.json"), victim);

        assertThatThrownBy(() -> AtomicFiles.write(link, "{}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(NotARegularFileException.class)
                .hasMessageContaining(link.toString()).hasMessageContaining("symbolic link");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(victim)).isEqualTo("precious\n");
    }

    @Test
    void anAtomicWriteRefusesAFolderAndAFifo() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("settings.json"));
        Path fifo = mkfifo(dir.resolve("tokens.json"));

        assertThatThrownBy(() -> AtomicFiles.write(folder, new byte[1])).isInstanceOf(NotARegularFileException.class)
                .hasMessageContaining("a folder");
        assertThatThrownBy(() -> AtomicFiles.write(fifo, new byte[1])).isInstanceOf(NotARegularFileException.class)
                .hasMessageContaining("special file");
        assertThat(Files.isDirectory(folder)).isTrue();
    }

    @Test
    void theHistoryIsNeverAppendedThroughALinkNorOpenedOnAFifo() throws Exception {
        Path victim = victim();
        Path link = Files.createSymbolicLink(dir.resolve("history.jsonl"), victim);

        assertThatThrownBy(() -> HistoryStore.open(link)).isInstanceOf(NotARegularFileException.class);
        assertThatThrownBy(() -> SafeFiles.openAppend(link)).isInstanceOf(NotARegularFileException.class);
        assertThat(Files.readString(victim)).isEqualTo("precious\n");

        Path fifo = mkfifo(dir.resolve("other.jsonl"));
        // Opening a FIFO for writing would block until a reader came: refused before the open, so this returns.
        assertThatThrownBy(() -> SafeFiles.openAppend(fifo)).isInstanceOf(NotARegularFileException.class);
    }

    @Test
    void aRegularFileOrAMissingOneIsWrittenAsBefore() throws Exception {
        Path file = dir.resolve("new.json");
        AtomicFiles.write(file, "1".getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(file, "2".getBytes(StandardCharsets.UTF_8));
        try (var ch = SafeFiles.openAppend(file)) {
            ch.write(java.nio.ByteBuffer.wrap("3".getBytes(StandardCharsets.UTF_8)));
        }
        assertThat(Files.readString(file)).isEqualTo("23");
    }

    @Test
    void aDataFolderOthersMayChangeIsNamedInOneLine() throws Exception {
        Path shared = Files.createDirectory(dir.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path group = Files.createDirectory(dir.resolve("group"));
        Files.setPosixFilePermissions(group, PosixFilePermissions.fromString("rwxrwx---"));
        Path own = Files.createDirectory(dir.resolve("own"));
        Files.setPosixFilePermissions(own, PosixFilePermissions.fromString("rwxr-xr-x"));

        assertThat(SafeFiles.folderWarning(shared)).hasValueSatisfying(w -> assertThat(w)
                .contains(shared.toString(), "any user", "chmod go-w").doesNotContain("\n"));
        assertThat(SafeFiles.folderWarning(group)).hasValueSatisfying(w -> assertThat(w).contains("its group"));
        assertThat(SafeFiles.folderWarning(own)).isEmpty();
        assertThat(SafeFiles.folderWarning(dir.resolve("missing"))).isEmpty();
    }

    @Test
    @Timeout(20)
    void storesMeetingAFifoInsteadOfTheirFileOpenAtOnceAndSaySo() throws Exception {
        for (String name : List.of("keysets.json", "settings.json", "tokens.json", "profiles.json", "preferences.json")) {
            mkfifo(dir.resolve(name));
        }

        KeySetStore keySets = KeySetStore.open(dir, Clock.systemUTC());
        SettingsStore settings = SettingsStore.open(dir);
        ProfileStore profiles = ProfileStore.open(dir, Map.of(), null);
        RememberedState prefs = RememberedState.load(dir, new ObjectMapper());

        assertThat(keySets.problem()).get().asString().contains("not a plain file");
        assertThat(settings.problem()).get().asString().contains("not a plain file");
        assertThat(profiles.problems()).filteredOn(p -> p.contains("not a plain file")).hasSize(2);
        assertThat(prefs.problem()).get().asString().contains("not a plain file");
        assertThatThrownBy(() -> keySets.create(KeySet.of("a", List.of()))).isInstanceOf(java.io.IOException.class);
        assertThat(settings.update(x -> new Settings(!x.defaultSoft(), x.concurrency(), x.confirmAbove(), x.theme())))
                .failsWithin(java.time.Duration.ofSeconds(10))
                .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .withCauseInstanceOf(NotARegularFileException.class);
    }

    static Path mkfifo(Path path) throws Exception {
        Process p = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        return path;
    }
}
