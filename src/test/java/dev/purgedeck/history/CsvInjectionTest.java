package dev.purgedeck.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.purgedeck.fastly.PurgeKind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 13 item 13: keys that a spreadsheet would run as formulas are exported as text, and read back exactly. */
class CsvInjectionTest {
    private static final List<String> KEYS = List.of("=HYPERLINK(\"http://evil.example\",\"x\")", "@SUM(1+1)", "+1+1",
            "-2+3", "\tTAB", "\rCR", "'=already-quoted", "''+two", "'plain-quote", "safe-key", "a=b");

    private static HistoryEntry entry(String key) {
        return new HistoryEntry("j", Entries.T0, "p", "fastly", "https://api.fastly.com", "S", "=Service",
                PurgeKind.KEY, key, false, "production", HistoryEntry.Outcome.OK, "1-2-3", 200, null, 1, 5, "u", "1");
    }

    @Test
    void formulaCellsGetALeadingQuoteInCsvButNotInJsonAndRoundTrip() throws IOException {
        List<HistoryEntry> rows = KEYS.stream().map(CsvInjectionTest::entry).toList();
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        HistoryExport.csv(rows, csv);
        String text = csv.toString(StandardCharsets.UTF_8);

        assertThat(text).contains(",\"'@SUM(1+1)\",", ",\"'+1+1\",", ",\"'-2+3\",", ",safe-key,", ",a=b,",
                        ",\"'=Service\",", ",\"'\tTAB\",", ",\"'\rCR\",")
                .contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"")
                .contains(",\"''=already-quoted\",", ",\"'''+two\",", ",\"'plain-quote\",");
        for (String line : text.substring(1).split("\r\n")) {
            for (String cell : line.split(",")) {
                String value = cell.startsWith("\"") ? cell.substring(1) : cell;
                assertThat(value).doesNotStartWith("=").doesNotStartWith("@").doesNotStartWith("+");
            }
        }
        assertThat(HistoryExport.readCsv(new ByteArrayInputStream(csv.toByteArray()))).isEqualTo(rows);

        ByteArrayOutputStream json = new ByteArrayOutputStream();
        HistoryExport.json(rows, json);
        assertThat(new ObjectMapper().readTree(json.toByteArray()).findValuesAsText("target")).isEqualTo(KEYS);
    }
}
