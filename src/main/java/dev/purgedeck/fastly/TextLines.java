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
        // String.indexOf, not a loop over each character: a list of 1,000 URLs is split once, before the JIT has
        // compiled anything, and indexOf is already native code (docs/performance.md §11).
        int start = 0;
        int lf = text.indexOf('\n');
        int cr = text.indexOf('\r');
        while (lf >= 0 || cr >= 0) {
            int end = lf < 0 ? cr : cr < 0 ? lf : Math.min(lf, cr);
            out.add(text.substring(start, end));
            start = end + (text.charAt(end) == '\r' && end + 1 < text.length() && text.charAt(end + 1) == '\n' ? 2 : 1);
            if (lf >= 0 && lf < start) {
                lf = text.indexOf('\n', start);
            }
            if (cr >= 0 && cr < start) {
                cr = text.indexOf('\r', start);
            }
        }
        if (start < text.length()) {
            out.add(text.substring(start));
        }
        return out;
    }
}
