package dev.purgedeck.fastly;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Lines end at LF, CR LF or a lone CR, whatever mix a file holds, and nowhere else. */
class TextLinesTest {
    /** The rule, one character at a time, as the splitter read it before it searched with indexOf. */
    private static List<String> byCharacter(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                out.add(text.substring(start, i));
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        if (start < text.length()) {
            out.add(text.substring(start));
        }
        return out;
    }

    @Test
    void everyMixOfLineEndsSplitsAsTheRuleSays() {
        Random random = new Random(19);
        char[] alphabet = {'a', 'b', '\n', '\r', '\u2028', ' '};
        for (int n = 0; n < 5_000; n++) {
            StringBuilder b = new StringBuilder();
            for (int i = random.nextInt(24); i > 0; i--) {
                b.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String text = b.toString();
            assertThat(TextLines.split(text)).as("%s", text.replace("\r", "\\r").replace("\n", "\\n"))
                    .isEqualTo(byCharacter(text));
        }
    }

    @Test
    void theUsualShapes() {
        assertThat(TextLines.split("")).isEmpty();
        assertThat(TextLines.split("one")).containsExactly("one");
        assertThat(TextLines.split("one\n")).containsExactly("one");
        assertThat(TextLines.split("one\r\ntwo\r\n")).containsExactly("one", "two");
        assertThat(TextLines.split("\n\n")).containsExactly("", "");
        assertThat(TextLines.split("a\rb\r\n\rc")).containsExactly("a", "b", "", "c");
    }
}
