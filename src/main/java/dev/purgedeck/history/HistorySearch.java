package dev.purgedeck.history;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A free-text search of the history file that streams it instead of loading it: the command line's
 * {@code history --search TEXT} over a million entries in a fraction of the memory and time. Each block of the file
 * is scanned as raw bytes for the text (ASCII letters in either case), and only lines that may hold it are parsed,
 * by the same parsers as {@link HistoryLoader}; the query then decides on the parsed entry, so the matches are exactly
 * those of {@link HistoryQuery#run} over the loaded history.
 *
 * <p>Why the raw bytes cannot miss a match: the text is printable ASCII without {@code "} or {@code \}, which the
 * history's writer never escapes, so wherever a field holds it, the line holds the same bytes. Lines that could hide
 * it anyway are parsed too: any line with a {@code \} (an escape some other writer made), any line with a non-ASCII
 * byte when the text holds i, k or s (letters that a non-ASCII character matches ignoring case, such as the Kelvin
 * sign), and any line that does not look like one whole entry (so torn lines are counted as skipped, as the loader
 * counts them).
 */
public final class HistorySearch {
    /**
     * What a search found.
     *
     * @param newest   at most the limit's number of matching entries, newest first
     * @param matching how many entries match in all
     * @param skipped  lines found unreadable (only lines that were parsed are judged)
     */
    public record Result(List<HistoryEntry> newest, int matching, int skipped) {
    }

    private final HistoryQuery query;
    private final Predicate<HistoryEntry> also;
    private final int limit;
    private final RawText text;

    private HistorySearch(HistoryQuery query, Predicate<HistoryEntry> also, int limit, RawText text) {
        this.query = query;
        this.also = also;
        this.limit = limit;
        this.text = text;
    }

    /**
     * The search for {@code query} and {@code also}, keeping the {@code limit} newest matches; empty when the query's
     * text cannot be found in raw bytes (none, or non-ASCII, or a quote, backslash or control character), where
     * loading the history is the way.
     */
    public static Optional<HistorySearch> of(HistoryQuery query, Predicate<HistoryEntry> also, int limit) {
        return RawText.of(query.text()).map(t -> new HistorySearch(query, also, Math.max(1, limit), t));
    }

    /** Searches the history at {@code file}, which must exist (as {@link HistoryStore#open} it is opened to write). */
    public Result run(Path file) throws IOException {
        return HistoryScan.run(this, file);
    }

    RawText text() {
        return text;
    }

    int limit() {
        return limit;
    }

    /** Whether a parsed entry that may hold the text is one this search wants. */
    boolean accepts(HistoryEntry e) {
        return query.matches(e) && also.test(e);
    }

    /** The search text as bytes, with a table that tells the scanner which bytes need a look. */
    static final class RawText {
        static final byte ANCHOR = 1;
        static final byte NEWLINE = 2;
        static final byte SUSPECT = 3;
        private static final long ONES = 0x0101010101010101L;
        private static final long HIGHS = 0x8080808080808080L;
        final byte[] lower;
        final byte[] kinds = new byte[256];
        /** The index in the text of its rarest character, the one the scanner looks out for. */
        final int anchor;
        /** The anchor with bit 5 set in each byte: an ASCII letter's lower case, which {@code | 0x20} folds to. */
        private final long anchorWord;
        /** The top bit of each byte when a non-ASCII byte needs a look, else 0. */
        private final long nonAscii;

        private RawText(byte[] lower, boolean nonAsciiSuspect) {
            this.lower = lower;
            int rarest = 0;
            for (int i = 1; i < lower.length; i++) {
                if (rarity(lower[i]) > rarity(lower[rarest])) {
                    rarest = i;
                }
            }
            this.anchor = rarest;
            this.anchorWord = ONES * ((lower[rarest] | 0x20) & 0xff);
            this.nonAscii = nonAsciiSuspect ? HIGHS : 0;
            kinds[lower[rarest]] = ANCHOR;
            kinds[Character.toUpperCase(lower[rarest])] = ANCHOR;
            kinds['\\'] = SUSPECT;
            if (nonAsciiSuspect) {
                for (int b = 0x80; b < 0x100; b++) {
                    kinds[b] = SUSPECT;
                }
            }
            kinds['\n'] = NEWLINE;
        }

        /** Whether this is the same text as {@code other} (ignoring the case of ASCII letters). */
        boolean same(RawText other) {
            return Arrays.equals(lower, other.lower);
        }

        static Optional<RawText> of(String text) {
            if (text == null || text.isEmpty()) {
                return Optional.empty();
            }
            String lower = text.toLowerCase(Locale.ROOT);
            for (int i = 0; i < lower.length(); i++) {
                char c = lower.charAt(i);
                if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\') {
                    return Optional.empty();
                }
            }
            boolean suspect = lower.indexOf('i') >= 0 || lower.indexOf('k') >= 0 || lower.indexOf('s') >= 0;
            return Optional.of(new RawText(lower.getBytes(StandardCharsets.US_ASCII), suspect));
        }

        /**
         * How seldom a character appears in history lines, roughly: JSON punctuation and digits are on every line,
         * letters as often as in English, spaces and other punctuation seldom. The scanner stops at each byte equal
         * to the anchor (in either case), so a rare one means few stops.
         */
        private static int rarity(byte c) {
            int letter = "etaoinsrhldcumfpgwybvkxjqz".indexOf(c);
            if (letter >= 0) {
                return 1 + letter;
            }
            return c >= '0' && c <= '9' || "\":,/-._".indexOf(c) >= 0 ? 0 : 30;
        }

        /**
         * The first i, from {@code from} on in steps of 8, whose 8 bytes may hold one the table marks (or the first
         * with fewer than 8 bytes left). A word is let through when it holds a control character (the newline among
         * them), a backslash, the anchor in either case ({@code | 0x20} folds an ASCII letter's two cases into one;
         * for other bytes it lets through a few that differ only in that bit), or a non-ASCII byte when those count.
         * A borrow next to a real hit may stop at a word with none, which only costs a look at its 8 bytes; a word
         * with a marked byte is never skipped. One loop with everything in locals: the launcher's compiler (C1)
         * inlines little, and this loop is where a search spends its time.
         */
        int skip(byte[] buf, int from, int len) {
            long anchored = anchorWord;
            long highs = nonAscii;
            int i = from;
            for (; i + 8 <= len; i += 8) {
                long x = (long) ByteWords.LONGS.get(buf, i);
                long control = (x - 0x2020202020202020L) & ~x; // a byte below 0x20 borrows and sets its top bit
                long b = x ^ 0x5C5C5C5C5C5C5C5CL; // a zero byte where x has a backslash
                long a = (x | 0x2020202020202020L) ^ anchored; // a zero byte where x has the anchor
                if (((control | (x & highs) | ((b - ONES) & ~b) | ((a - ONES) & ~a)) & HIGHS) != 0) {
                    break;
                }
            }
            return i;
        }

        /** Whether the text is at buf[i - anchor], ignoring the case of ASCII letters. */
        boolean around(byte[] buf, int i, int len) {
            int m = lower.length;
            i -= anchor;
            if (i < 0 || i + m > len) {
                return false;
            }
            for (int j = 0; j < m; j++) {
                int b = buf[i + j];
                if (b != lower[j] && (b < 'A' || b > 'Z' || b + ('a' - 'A') != lower[j])) {
                    return false;
                }
            }
            return true;
        }
    }
}
