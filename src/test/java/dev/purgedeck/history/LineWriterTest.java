package dev.purgedeck.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.purgedeck.fastly.PurgeKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The hand-written JSON is JSON: every character survives a standard parser, and lines stay readable. */
class LineWriterTest {
    private static HistoryEntry withText(String text) {
        return new HistoryEntry("j", Entries.T0, text, null, null, null, text, PurgeKind.KEY, text, false, null,
                HistoryEntry.Outcome.FAILED, null, -1, text, Integer.MAX_VALUE, Long.MAX_VALUE, null, null);
    }

    private static HistoryEntry viaJackson(byte[] line) throws IOException {
        try (JsonParser p = HistoryCodec.FACTORY.createParser(line)) {
            p.nextToken();
            return HistoryCodec.read(p, new java.util.HashMap<>());
        }
    }

    @Test
    void everyCharacterRoundTripsThroughAStandardParser() throws IOException {
        StringBuilder all = new StringBuilder();
        for (char c = 1; c < 0xFFFF; c++) {
            all.append(c); // includes control characters, quotes, backslash and lone surrogates
        }
        for (String text : new String[] {all.toString(), "🚀 and 日本 and é", "\ud83d", "\ude80x", "a\"b\\c\u2028"}) {
            HistoryEntry e = withText(text);
            byte[] line = LineWriter.lines(List.of(e));
            assertThat(line[line.length - 1]).isEqualTo((byte) '\n');
            assertThat(new String(line, 0, line.length - 1, StandardCharsets.UTF_8)).doesNotContain("\n", "\r");
            assertThat(viaJackson(line)).isEqualTo(e);
        }
    }

    @Test
    void writesReadableUtf8AndTheDocumentedNames() throws IOException {
        byte[] line = LineWriter.lines(List.of(Entries.tricky()));
        String text = new String(line, StandardCharsets.UTF_8);
        assertThat(text).contains("\"service_name\":\"Café 日本 🚀\"",
                "\"error\":\"Fastly said \\\"Service Unavailable\\\",\\nthen gave up\"");
        JsonNode node = new ObjectMapper().readTree(line);
        assertThat(node.fieldNames()).toIterable().containsExactly("job_id", "time", "profile", "endpoint_kind",
                "endpoint", "service_id", "service_name", "kind", "target", "soft", "environment", "outcome",
                "http_status", "error", "attempts", "duration_ms", "user", "app_version");
        assertThat(node.get("time").asText()).isEqualTo("2026-11-26T09:41:02.123Z");
        assertThat(node.get("soft").asBoolean()).isTrue();
    }
}
