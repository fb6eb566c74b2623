package dev.purgedeck.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The search skips 8 bytes at a time where none can matter; these files put what does matter (the text in either
 * case, an escape hiding it, a non-ASCII character that folds into it, a line end) at each of the 8 places in a word,
 * across the end of a read block, and at both ends of the file, and the search must still find exactly what loading
 * the history finds.
 */
class HistorySearchWordsTest {
    @TempDir
    Path dir;
    private final StringBuilder text = new StringBuilder();
    private int written;

    @Test
    void findsTheTextAtEachPlaceInAWord() throws IOException {
        for (int pad = 0; pad < 64; pad++) {
            String p = "p".repeat(pad);
            entry("plain-" + pad, "https://w.example/" + p + "/needle-x");
            entry("upper-" + pad, "https://w.example/" + p + "/NEEDLE-X");
            // An escape another writer made: the bytes say needle\u002Dx, the entry says needle-x.
            entry("escaped-" + pad, "https://w.example/" + p + "/needle\\u002Dx");
            // The Kelvin sign (3 bytes in UTF-8) matches 'k' ignoring case: only the parsed entry shows it.
            entry("kelvin-" + pad, "https://w.example/" + p + "/\u212Aelvin-x");
            entry("decoy-" + pad, "https://w.example/" + p + "/needle-y/x-needle");
            text.append(pad % 3 == 0 ? "\r\n" : pad % 3 == 1 ? "\n \n" : ""); // CRLF and blank lines, here and there
        }
        Path file = write("words");
        // Byte by byte (ISO-8859-1 keeps one character per byte), so the Kelvin signs do not shift what follows.
        String bytes = Files.readString(file, StandardCharsets.ISO_8859_1);
        for (String what : List.of("/needle-x", "/NEEDLE-X", "/needle\\", "\u00E2\u0084\u00AA", "\r\n")) {
            Set<Integer> places = new TreeSet<>();
            for (int i = bytes.indexOf(what); i >= 0; i = bytes.indexOf(what, i + 1)) {
                places.add(i % 8);
            }
            assertThat(places).as("%s at every place in a word", what).hasSize(8);
        }
        List<HistoryEntry> found = sameAsLoaded(file, "needle-x");
        assertThat(found).as("plain, upper case and escaped, never the decoys").hasSize(3 * 64)
                .noneMatch(e -> e.jobId().startsWith("decoy"));
        assertThat(sameAsLoaded(file, "/kelvin-x")).hasSize(64);
        assertThat(sameAsLoaded(file, "Y/X")).hasSize(64);
        assertThat(sameAsLoaded(file, "needle")).hasSize(4 * 64);
    }

    @Test
    void findsTheTextAcrossTheEndOfAReadBlock() throws IOException {
        // Each file ends a line holding the text (as its last field) a few bytes before, at, or after the end of the
        // first block the scan reads: the line is the block's last, or is cut off and read with the next block.
        for (int shift = -12; shift <= 12; shift++) {
            text.setLength(0);
            written = 0;
            entry("first", "https://w.example/needle-x/start");
            while (text.length() < HistoryScan.BLOCK - 2000) {
                entry("filler-" + written, "https://w.example/" + "f".repeat(written % 300));
            }
            String head = lastField("boundary", "");
            int b = HistoryScan.BLOCK + shift - text.length() - head.length() - "/needle-x".length();
            raw(lastField("boundary", "b".repeat(b) + "/needle-x"));
            assertThat(text.length()).as("the line ends where this file means it to")
                    .isEqualTo(HistoryScan.BLOCK + shift);
            for (int i = 0; i < 20; i++) {
                entry("after-" + i, "https://w.example/after/" + (i % 4 == 0 ? "needle-x" : "other"));
            }
            assertThat(sameAsLoaded(write("block" + shift), "needle-x")).extracting(HistoryEntry::jobId)
                    .containsExactly("after-16", "after-12", "after-8", "after-4", "after-0", "boundary", "first");
        }
    }

    @Test
    void findsTheTextAtBothEndsOfTheFile() throws IOException {
        for (int tail = 0; tail < 8; tail++) {
            text.setLength(0);
            written = 0;
            // The job ID is the first field: the text a few bytes into the file.
            raw("{\"job_id\":\"needle-x-first\",\"time\":\"" + Entries.T0 + "\",\"kind\":\"url\",\"target\":"
                    + "\"https://w.example/\",\"soft\":false,\"environment\":\"production\",\"outcome\":\"ok\"}\n");
            entry("middle", "https://w.example/other");
            // The target as the last field: the text ends 3 bytes before the end of the file, at any length mod 8.
            raw(lastField("last", "t".repeat(tail) + "/needle-x"));
            Path file = write("ends" + tail);
            assertThat(sameAsLoaded(file, "needle-x")).extracting(HistoryEntry::jobId)
                    .containsExactly("last", "needle-x-first");
            // Unfinished, the last line is skipped as the loader skips it.
            Files.writeString(file, text.substring(0, text.length() - 1 - tail), StandardCharsets.UTF_8);
            assertThat(sameAsLoaded(file, "needle-x")).extracting(HistoryEntry::jobId)
                    .containsExactly("needle-x-first");
        }
    }

    /** Appends an entry as one line, its fields in the writer's order. */
    private void entry(String jobId, String target) {
        raw("{\"job_id\":\"" + jobId + "\",\"time\":\"" + Entries.T0.plusMillis(written) + "\","
                + "\"profile\":\"work\",\"kind\":\"url\",\"target\":\"" + target + "\",\"soft\":false,"
                + "\"environment\":\"production\",\"outcome\":\"ok\",\"purge_id\":\"108-1-" + written + "\","
                + "\"http_status\":200,\"attempts\":1,\"duration_ms\":5}\n");
    }

    /** An entry as one line whose last field is the target https://w.example/PATH (for the ends of a block). */
    private String lastField(String jobId, String path) {
        return "{\"job_id\":\"" + jobId + "\",\"time\":\"" + Entries.T0.plusMillis(written) + "\",\"kind\":\"url\","
                + "\"soft\":false,\"environment\":\"production\",\"outcome\":\"ok\",\"target\":\"https://w.example/"
                + path + "\"}\n";
    }

    private void raw(String line) {
        text.append(line);
        written++;
    }

    private Path write(String name) throws IOException {
        Path file = dir.resolve(name + ".jsonl");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    /** What the search finds for {@code t}, after checking it is what the loaded history finds, in its order. */
    private static List<HistoryEntry> sameAsLoaded(Path file, String t) throws IOException {
        LoadResult loaded;
        try (HistoryStore store = HistoryStore.open(file)) {
            loaded = store.load();
        }
        HistoryQuery query = HistoryQuery.all().withText(t);
        List<HistoryEntry> expected = new ArrayList<>(query.run(loaded.entries(), null));
        HistorySearch.Result r = HistorySearch.of(query, e -> true, Integer.MAX_VALUE).orElseThrow().run(file);
        assertThat(r.newest()).as(t).containsExactlyElementsOf(expected);
        assertThat(r.matching()).as(t).isEqualTo(expected.size());
        assertThat(r.skipped()).as(t).isEqualTo(loaded.skippedLines());
        return r.newest();
    }
}
