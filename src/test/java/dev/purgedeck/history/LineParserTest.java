package dev.purgedeck.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import dev.purgedeck.fastly.PurgeKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fast byte parser reads what the app writes, and leaves everything else to Jackson without a different answer. */
class LineParserTest {
    private static HistoryEntry fast(String line) {
        byte[] b = (line + "\n").getBytes(StandardCharsets.UTF_8);
        LineParser p = new LineParser();
        HistoryEntry e = p.parse(b, 0, b.length);
        if (e != null) {
            assertThat(p.lineEnd()).isEqualTo(b.length - 1);
        }
        return e;
    }

    private static HistoryEntry jackson(String line) throws IOException {
        try (JsonParser p = HistoryCodec.FACTORY.createParser(line)) {
            p.nextToken();
            return HistoryCodec.read(p, new java.util.HashMap<>());
        }
    }

    private static String line(HistoryEntry e) {
        return new String(LineWriter.lines(List.of(e)), StandardCharsets.UTF_8).strip();
    }

    @Test
    void readsEveryLineTheAppWritesExceptEscapedTextsExactlyAsJacksonDoes() throws IOException {
        List<HistoryEntry> samples = new ArrayList<>(new BenchData(7).job(300));
        samples.add(Entries.entry("job", 1));
        samples.add(new HistoryEntry("j", Entries.T0, null, null, null, null, "Café 日本 🚀", PurgeKind.ALL, "SVC",
                false, null, HistoryEntry.Outcome.CANCELLED, null, 0, null, 0, 0, null, null));
        for (HistoryEntry e : samples) {
            assertThat(fast(line(e))).isEqualTo(e).isEqualTo(jackson(line(e)));
        }
        assertThat(fast(line(Entries.tricky()))).as("escaped quotes and newline: Jackson's job").isNull();
    }

    @Test
    void givesUpOnAnythingElseSoJacksonDecides() {
        String good = line(Entries.entry("job", 1));
        for (String other : new String[] {
            good.replace("{\"job_id\"", "{ \"job_id\""),                         // blanks
            good.replace("\"attempts\":1", "\"attempts\":01"),                    // leading zero
            good.replace("\"attempts\":1", "\"attempts\":1.0"),                   // not an integer
            good.replace("\"soft\":false", "\"soft\":\"no\""),                    // wrong type
            good.replace("\"kind\":\"url\"", "\"kind\":\"URL\""),                 // other spelling
            good.replace("\"profile\":\"work\",", "") + "x",                      // trailing garbage
            good.replace("{\"job_id\":\"job\",", "{") + ",\"job_id\":\"job\"}",   // another order
            good.replace("\"user\"", "\"newer_field\":[1],\"user\""),             // unknown field
            good.substring(0, good.length() - 10),                                // torn
            "", "   ", "{}", "[1]", "null"}) {
            assertThat(fast(other)).as(other).isNull();
        }
        assertThat(fast(good.replace("\"profile\":\"work\"", "\"profile\":null"))).isNotNull()
                .extracting(HistoryEntry::profile).isNull();
    }

    @Test
    void brokenUtf8IsLeftToJackson() {
        byte[] b = (line(Entries.entry("job", 1)) + "\n").getBytes(StandardCharsets.UTF_8);
        int at = new String(b, StandardCharsets.UTF_8).indexOf("Example site") + 2;
        b[at] = (byte) 0xC3; // starts a two-byte sequence that the next byte does not continue
        assertThat(new LineParser().parse(b, 0, b.length)).isNull();
    }
}
