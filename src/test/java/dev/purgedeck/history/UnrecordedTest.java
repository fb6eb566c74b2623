package dev.purgedeck.history;

import static dev.purgedeck.testsupport.Outcomes.job;
import static dev.purgedeck.testsupport.Outcomes.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Outcomes a failed write could not record are kept and written, once, by the next write that works. */
class UnrecordedTest {
    @TempDir
    Path dir;

    @Test
    void whatOneJobCouldNotWriteIsWrittenByTheNextInOrderAndOnlyOnce() throws Exception {
        Path file = dir.resolve("history.jsonl");
        Unrecorded shared = new Unrecorded();
        List<Exception> failures = new ArrayList<>();
        HistoryStore broken = HistoryStore.open(file);
        broken.close(); // every append now fails, as on a full disk
        HistoryListener first = new HistoryListener(broken, job(), failures::add, shared);

        first.onItems(List.of(ok(0), ok(1)), 2, 3);
        first.onItem(ok(2), 3, 3);

        assertThat(failures).as("told once per job").hasSize(1);
        assertThat(shared.entries()).extracting(HistoryEntry::target).containsExactly("https://www.example.com/0",
                "https://www.example.com/1", "https://www.example.com/2");
        assertThat(shared.problem()).isNotBlank();
        assertThat(new String(shared.asLines(), StandardCharsets.UTF_8).lines()).hasSize(3);

        try (HistoryStore store = HistoryStore.open(file)) {
            new HistoryListener(store, job(), failures::add, shared).onItem(ok(9), 1, 1);
            assertThat(store.load().entries()).extracting(HistoryEntry::target).containsExactly(
                    "https://www.example.com/0", "https://www.example.com/1", "https://www.example.com/2",
                    "https://www.example.com/9");
        }
        assertThat(shared.entries()).isEmpty();
        assertThat(shared.problem()).isNull();
        assertThat(failures).hasSize(1);
        assertThat(Files.readString(file)).endsWith("\n");
    }
}
