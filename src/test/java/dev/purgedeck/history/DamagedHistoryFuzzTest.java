package dev.purgedeck.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.fastly.PurgeKind;
import dev.purgedeck.testsupport.HostileInput;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13's fuzz suite, history part: a history with generated damaged lines (binary, invalid UTF-8, NUL, cut
 * JSON, huge lines) between good ones loads every good entry, in order, and counts every damaged line as skipped.
 */
class DamagedHistoryFuzzTest {
    private static final long SEED = Long.getLong("purgedeck.fuzzSeed", 20261205L);

    @Test
    void damagedLinesAreSkippedAndCountedAndGoodOnesAllRead(@TempDir Path dir) throws Exception {
        HostileInput gen = new HostileInput(SEED);
        Path good = dir.resolve("good.jsonl");
        int files = 60;
        int lines = 0;
        for (int f = 0; f < files; f++) {
            List<HistoryEntry> entries = new ArrayList<>();
            for (int i = 0; i < 1 + gen.random().nextInt(8); i++) {
                entries.add(new HistoryEntry("job-" + f, IsoTimes.parse("2026-12-05T10:00:00Z").plusSeconds(i), "p",
                        "fastly", "https://api.fastly.com", "S", gen.text(), PurgeKind.KEY, "key-" + i, false,
                        "production", HistoryEntry.Outcome.OK, "1-2-" + i, 200, null, 1, 5, "u", "1"));
            }
            Files.deleteIfExists(good);
            try (HistoryStore store = HistoryStore.open(good)) {
                store.append(entries);
            }
            List<byte[]> goodLines = new ArrayList<>();
            for (String l : Files.readAllLines(good)) {
                goodLines.add((l + "\n").getBytes(StandardCharsets.UTF_8));
            }
            ByteArrayOutputStream mixed = new ByteArrayOutputStream();
            int damaged = 0;
            for (byte[] line : goodLines) {
                if (gen.random().nextBoolean()) {
                    mixed.writeBytes(damagedLine(gen, goodLines.get(0)));
                    damaged++;
                }
                mixed.writeBytes(line);
            }
            Path history = dir.resolve("history-" + f + ".jsonl");
            Files.write(history, mixed.toByteArray());
            try (HistoryStore store = HistoryStore.open(history)) {
                LoadResult r = store.load();
                assertThat(r.entries()).as("seed " + SEED + " file " + f).hasSize(entries.size());
                assertThat(r.entries()).extracting(HistoryEntry::purgeId)
                        .containsExactlyInAnyOrderElementsOf(entries.stream().map(HistoryEntry::purgeId).toList());
                assertThat(r.skippedLines()).as("seed " + SEED + " file " + f).isEqualTo(damaged);
            }
            lines += goodLines.size() + damaged;
        }
        System.out.println("fuzz history: " + files + " files, " + lines + " lines read, 0 exceptions escaped");
    }

    /** One line that is not an entry: a cut good line, or hostile bytes; never containing a line feed. */
    private static byte[] damagedLine(HostileInput gen, byte[] goodLine) {
        byte[] body = switch (gen.random().nextInt(3)) {
            case 0 -> Arrays.copyOf(goodLine, 1 + gen.random().nextInt(goodLine.length - 10));
            case 1 -> gen.bytes();
            default -> ("{\"job_id\":\"" + gen.text()).getBytes(StandardCharsets.UTF_8);
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (body.length == 0 || body[0] != '{') {
            out.write('x'); // never a blank line, which is not damage
        }
        for (byte b : body) {
            if (b != '\n' && b != '\r') {
                out.write(b);
            }
        }
        out.write('\n');
        return out.toByteArray();
    }
}
