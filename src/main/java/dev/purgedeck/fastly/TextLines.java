package dev.purgedeck.fastly;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits lists of URLs or keys into lines the one way PurgeDeck reads them everywhere (files, stdin, pasted text,
 * imports): a line ends at a line feed, a CR LF pair, or a lone carriage return (files from classic Mac OS; like
 * {@code BufferedReader.readLine}, and a carriage return is never valid in a URL or key anyway). Unicode's other
 * separators (U+2028, U+2029, U+0085) and form feed or vertical tab stay inside the line, where validation reports
 * them as invalid characters with the right line number.
 */
public final class TextLines {
    private TextLines() {
    }

    /** The lines of {@code text}; a final line end does not start another (empty) line worth reporting. */
    public static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
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
}
