package dev.purgedeck.ui.purge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.fastly.BulkPurgeRunner;
import dev.purgedeck.files.Json;
import dev.purgedeck.settings.RememberedState;
import dev.purgedeck.settings.SettingsStore;
import dev.purgedeck.testsupport.Clients;
import dev.purgedeck.testsupport.ScriptedDialogs;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files dropped on the URL box: read in the background, each up to a cap, problems shown where they were dropped. */
class DroppedFilesTest {
    private static final Executor SAME_THREAD = Runnable::run;
    @TempDir
    Path dir;

    private PurgeViewModel vm(Executor background) {
        // Nothing here talks to a server: the client points at a name that never resolves.
        var client = Clients.client(java.net.URI.create("http://fastly.invalid"), "t0123456789", Clients.FAST_RETRY);
        RememberedState prefs = RememberedState.inMemory(Json.newMapper());
        ServiceSelectorViewModel services = new ServiceSelectorViewModel(client, SAME_THREAD, prefs, Optional.of("svc"), false,
                new ScriptedDialogs());
        return new PurgeViewModel(services, new BulkPurgeRunner(client), SAME_THREAD, background, prefs,
                SettingsStore.open(dir.resolve("data")), new ScriptedDialogs());
    }

    @Test
    void aDroppedFileIsReadOnTheBackgroundExecutorAndItsUrlsAppended() throws Exception {
        Path urls = Files.writeString(dir.resolve("urls.txt"),
                "https://www.example.com/a\nhttps://www.example.com/b\n");
        List<Runnable> background = new ArrayList<>();
        PurgeViewModel vm = vm(background::add);
        var done = vm.dropFiles(List.of(urls));
        assertThat(done).as("nothing read on the caller's (the UI) thread").isNotDone();
        assertThat(vm.urls().validUrls()).isEmpty();
        background.remove(0).run();
        assertThat(done).isDone();
        assertThat(vm.urls().validUrls()).hasSize(2);
        assertThat(vm.errorProperty().get()).isEmpty();
    }

    @Test
    void aFileOverTheCapIsRefusedWithAClearMessageAndTheOthersStillCome() throws Exception {
        Path big = dir.resolve("video.mp4");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(DroppedFiles.MAX_BYTES + 1); // sparse: no real 10 MiB written
        }
        Path urls = Files.writeString(dir.resolve("urls.txt"), "https://www.example.com/a\n");
        PurgeViewModel vm = vm(SAME_THREAD);
        vm.dropFiles(List.of(big, urls)).join();
        assertThat(vm.errorProperty().get()).isEqualTo("video.mp4 is larger than 10 MiB, so it was not read.");
        assertThat(vm.urls().validUrls()).hasSize(1);
    }

    @Test
    void aFileExactlyAtTheCapIsReadAndOneThatIsNotTextIsExplained() throws Exception {
        Path small = Files.writeString(dir.resolve("ok.txt"), "https://www.example.com/x");
        assertThat(DroppedFiles.read(List.of(small), Files.size(small)).text()).isEqualTo("https://www.example.com/x");
        assertThat(DroppedFiles.read(List.of(small), Files.size(small) - 1).problems())
                .containsExactly("ok.txt is larger than 24 bytes, so it was not read.");
        Path binary = Files.write(dir.resolve("x.bin"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
        DroppedFiles read = DroppedFiles.read(List.of(binary, dir.resolve("missing.txt")), DroppedFiles.MAX_BYTES);
        assertThat(read.text()).isEmpty();
        assertThat(read.problems()).containsExactly("Could not read x.bin: it is not a readable UTF-8 text file.",
                "Could not read missing.txt: it is not a file.");
    }
}
