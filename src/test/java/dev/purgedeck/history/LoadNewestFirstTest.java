package dev.purgedeck.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading newest first hands over, part by part, exactly what a whole load returns, and counts the same skips. */
class LoadNewestFirstTest {
    @TempDir
    Path dir;

    @Test
    void partsComeNewestFirstAndTogetherAreTheWholeHistory() throws Exception {
        Path file = dir.resolve(HistoryStore.FILE_NAME);
        try (HistoryStore store = HistoryStore.open(file)) {
            for (int job = 0; job < 120; job++) { // about 10 MB: the newest megabyte, then two pieces
                store.append(Entries.entries("job-" + job + "-" + "p".repeat(150), job * 500, 500));
            }
        }
        // A damaged line in the middle and a torn last line: skipped and counted, as by a whole load.
        Files.writeString(file, "{\"job\":\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        try (HistoryStore store = HistoryStore.open(file)) {
            store.append(Entries.entries("late", 0, 3));
        }
        Files.writeString(file, "{\"torn", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        try (HistoryStore store = HistoryStore.open(file)) {
            LoadResult whole = store.load();
            List<LoadPart> parts = new ArrayList<>();
            int skipped = store.loadNewestFirst(null, parts::add);

            assertThat(parts).hasSizeGreaterThanOrEqualTo(3);
            assertThat(parts.get(0).entries()).last().isEqualTo(whole.entries().get(whole.entries().size() - 1));
            assertThat(parts).extracting(LoadPart::bytesRead).isSorted();
            assertThat(parts.get(parts.size() - 1).bytesRead()).isEqualTo(parts.get(0).bytesTotal());
            List<HistoryEntry> joined = new ArrayList<>();
            for (int i = parts.size() - 1; i >= 0; i--) {
                joined.addAll(parts.get(i).entries());
            }
            assertThat(joined).isEqualTo(whole.entries());
            assertThat(skipped).isEqualTo(whole.skippedLines()).isEqualTo(2);
        }
    }
}
