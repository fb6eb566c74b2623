package dev.purgedeck.ui.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.history.HistoryStore;
import dev.purgedeck.testsupport.ScriptedDialogs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** History → Clear forces and moves the file: on the background executor, never the caller's thread. */
class HistoryClearTest {
    @TempDir
    Path dir;

    @Test
    void clearingMovesTheFileInTheBackgroundThenTellsTheUi() throws Exception {
        try (HistoryStore store = HistoryStore.open(dir.resolve("history.jsonl"))) {
            List<Runnable> background = new ArrayList<>();
            HistoryViewModel vm = new HistoryViewModel(store, Runnable::run, background::add,
                    (request, name) -> Optional.empty(), new ScriptedDialogs(), ZoneOffset.UTC);
            vm.clear();
            assertThat(backups()).as("nothing moved on the caller's (the UI) thread").isEmpty();
            assertThat(background).hasSize(1);

            background.remove(0).run();
            assertThat(backups()).hasSize(1);
            assertThat(vm.noticeProperty().get()).contains("kept as history-");
        }
    }

    private List<Path> backups() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().matches("history-.+\\.jsonl")).toList();
        }
    }
}
