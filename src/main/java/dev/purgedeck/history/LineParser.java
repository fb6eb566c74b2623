package dev.purgedeck.history;

import dev.purgedeck.fastly.PurgeKind;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads a history line straight from its UTF-8 bytes when it has exactly the shape {@link LineWriter}
 * gives it: known fields in order, no blanks, no escapes, integer numbers. That is every line this app writes
 * save the rare text with quotes or control characters, and it is about three times faster than a general JSON
 * parser (no decoding of repeated texts, no name lookups). Anything else returns null, and the caller hands the
 * line to Jackson, which decides. One per thread.
 */
final class LineParser {
    private static final byte[][] NAMES = Arrays.stream(HistoryCodec.NAMES).map(n -> ascii("\"" + n + "\":"))
            .toArray(byte[][]::new);
    /** Each name as its first and last 8 bytes (4 when shorter), which overlap and so cover it whole. */
    private static final long[] NAME_HEAD = new long[NAMES.length];
    private static final long[] NAME_TAIL = new long[NAMES.length];
    private static final VarHandle LONGS = ByteWords.LONGS;
    private static final VarHandle INTS = ByteWords.INTS;

    static {
        for (int f = 0; f < NAMES.length; f++) {
            byte[] n = NAMES[f];
            boolean wide = n.length >= 8;
            NAME_HEAD[f] = wide ? (long) LONGS.get(n, 0) : (int) INTS.get(n, 0);
            NAME_TAIL[f] = wide ? (long) LONGS.get(n, n.length - 8) : (int) INTS.get(n, n.length - 4);
        }
    }
    private static final byte[] NULL = ascii("null");
    private static final byte[] TRUE = ascii("true");
    private static final byte[] FALSE = ascii("false");
    private static final byte[][] KINDS = Arrays.stream(PurgeKind.values()).map(k -> ascii(k.id()))
            .toArray(byte[][]::new);
    private static final byte[][] OUTCOMES = Arrays.stream(HistoryEntry.Outcome.values())
            .map(o -> ascii(o.id())).toArray(byte[][]::new);

    private final byte[][] lastBytes = new byte[HistoryCodec.FIELDS][];
    private final Object[] lastValue = new Object[HistoryCodec.FIELDS];
    private final Map<String, String> shared = new HashMap<>();
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final Object[] values = new Object[HistoryCodec.FIELDS];
    private final long[] numbers = new long[HistoryCodec.FIELDS];
    private final char[] timeChars = new char[40];
    private byte[] b;
    private int pos;

    /**
     * The entry on the line starting at {@code start}, or null when it needs the general parser. {@code end} bounds
     * the bytes (a '\n' comes before it); after a success {@link #lineEnd()} is the index of the line's '\n'. The
     * parser never steps over a '\n' unseen, so a line it gives up on ends at the first '\n' after {@code start}.
     */
    HistoryEntry parse(byte[] bytes, int start, int end) {
        b = bytes;
        pos = start;
        Arrays.fill(values, null);
        if (b[pos++] != '{') {
            return null;
        }
        int field = 0;
        while (pos < end) {
            field = name(field, end);
            if (field < 0 || !value(field, end) || pos >= end) {
                return null;
            }
            field++;
            byte next = b[pos++];
            if (next == '}') {
                return pos < end && b[pos] == '\n' ? entry() : null;
            } else if (next != ',') {
                return null;
            }
        }
        return null;
    }

    int lineEnd() {
        return pos;
    }

    /** The texts shared so far; the general parser shares through the same map. */
    Map<String, String> shared() {
        return shared;
    }

    /** Matches the quoted name at pos against the fields from {@code from} on (later fields may be omitted). */
    private int name(int from, int end) {
        for (int f = from; f < NAMES.length; f++) {
            int n = NAMES[f].length;
            if (pos + n < end && (n >= 8
                    ? (long) LONGS.get(b, pos) == NAME_HEAD[f] && (long) LONGS.get(b, pos + n - 8) == NAME_TAIL[f]
                    : (int) INTS.get(b, pos) == NAME_HEAD[f] && (int) INTS.get(b, pos + n - 4) == NAME_TAIL[f])) {
                pos += n;
                return f;
            }
        }
        return -1;
    }

    /** True when the bytes at pos are {@code word} (a plain loop beats a vectorised compare on a few bytes). */
    private boolean at(byte[] word, int end) {
        if (pos + word.length >= end) {
            return false;
        }
        for (int i = 0; i < word.length; i++) {
            if (b[pos + i] != word[i]) {
                return false;
            }
        }
        return true;
    }

    private boolean value(int field, int end) {
        byte c = b[pos];
        if (c == 'n') { // null: absent
            return literal(NULL, end);
        }
        switch (field) {
            case 9 -> {
                boolean t = c == 't';
                if (!literal(t ? TRUE : FALSE, end)) {
                    return false;
                }
                numbers[field] = t ? 1 : 0;
                values[field] = Boolean.TRUE;
                return true;
            }
            case 13, 15, 16 -> {
                return number(field, end);
            }
            default -> {
                return string(field, end);
            }
        }
    }

    private boolean string(int field, int end) {
        if (b[pos] != '"') {
            return false;
        }
        byte[] last = lastBytes[field];
        int close = last == null ? -1 : pos + 1 + last.length;
        if (close > 0 && close < end && b[close] == '"' && same(last, pos + 1)) {
            values[field] = lastValue[field]; // the same as on the line before: no scan, no decoding, no copy
            pos = close + 1;
            return true;
        }
        int from = ++pos;
        // Skip eight plain bytes at a time: none a quote, backslash, control character or part of a non-ASCII one.
        while (pos + 8 <= end && !ByteWords.special((long) LONGS.get(b, pos))) {
            pos += 8;
        }
        boolean ascii = true;
        for (; pos < end; pos++) {
            byte c = b[pos];
            if (c == '"') {
                break;
            }
            if (c == '\\' || (c >= 0 && c < 0x20)) {
                return false; // escapes and raw control characters: Jackson's job
            }
            ascii &= c >= 0;
        }
        if (pos >= end) {
            return false;
        }
        int to = pos++;
        Object v = switch (field) {
            case 1 -> remember(field, from, to, time(from, to)); // the items of a key batch share their time
            case 7 -> kind(from, to);
            case 11 -> outcome(from, to);
            case 8, 12, 20, 23 -> text(from, to, ascii); // unique per entry: not worth sharing
            default -> shared(field, from, to, ascii);
        };
        values[field] = v;
        return v != null;
    }

    /** True when b holds {@code word} at {@code at}; a word at a time, as these texts are short (Arrays.equals is not). */
    private boolean same(byte[] word, int at) {
        int i = 0;
        for (; i + 8 <= word.length; i += 8) {
            if ((long) LONGS.get(word, i) != (long) LONGS.get(b, at + i)) {
                return false;
            }
        }
        for (; i < word.length; i++) {
            if (word[i] != b[at + i]) {
                return false;
            }
        }
        return true;
    }

    private String text(int from, int to, boolean ascii) {
        if (ascii) {
            return new String(b, from, to - from, StandardCharsets.ISO_8859_1); // a plain copy into a compact String
        }
        try {
            return utf8.decode(ByteBuffer.wrap(b, from, to - from)).toString();
        } catch (CharacterCodingException e) {
            return null; // broken UTF-8: let Jackson reject the line
        }
    }

    private String shared(int field, int from, int to, boolean ascii) {
        String s = text(from, to, ascii);
        if (s == null) {
            return null;
        }
        return (String) remember(field, from, to, HistoryCodec.share(shared, s));
    }

    private Object remember(int field, int from, int to, Object value) {
        if (value != null) {
            lastBytes[field] = Arrays.copyOfRange(b, from, to);
            lastValue[field] = value;
        }
        return value;
    }

    private Instant time(int from, int to) {
        char[] c = timeChars;
        if (to - from > c.length) {
            return null;
        }
        for (int i = from; i < to; i++) {
            c[i - from] = (char) (b[i] & 0xFF);
        }
        try {
            return IsoTimes.parse(c, 0, to - from);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private PurgeKind kind(int from, int to) {
        PurgeKind k = switch (b[from]) {
            case 'u' -> PurgeKind.URL;
            case 'k' -> PurgeKind.KEY;
            case 'a' -> PurgeKind.ALL;
            default -> null;
        };
        return k != null && is(from, to, KINDS[k.ordinal()]) ? k : null;
    }

    private HistoryEntry.Outcome outcome(int from, int to) {
        HistoryEntry.Outcome o = switch (b[from]) {
            case 'o' -> HistoryEntry.Outcome.OK;
            case 'f' -> HistoryEntry.Outcome.FAILED;
            case 'c' -> HistoryEntry.Outcome.CANCELLED;
            default -> null;
        };
        return o != null && is(from, to, OUTCOMES[o.ordinal()]) ? o : null;
    }

    private boolean is(int from, int to, byte[] word) {
        if (to - from != word.length) {
            return false;
        }
        for (int i = 0; i < word.length; i++) {
            if (b[from + i] != word[i]) {
                return false;
            }
        }
        return true;
    }

    private boolean number(int field, int end) {
        boolean negative = b[pos] == '-';
        if (negative) {
            pos++;
        }
        int from = pos;
        long v = 0;
        while (pos < end && b[pos] >= '0' && b[pos] <= '9' && pos - from < 18) {
            v = v * 10 + (b[pos++] - '0');
        }
        if (pos == from || (b[from] == '0' && pos - from > 1) || (field != 16 && v > Integer.MAX_VALUE)) {
            return false; // empty, leading zero, too long or out of range: Jackson decides
        }
        numbers[field] = negative ? -v : v;
        values[field] = Boolean.TRUE;
        return true;
    }

    private boolean literal(byte[] word, int end) {
        if (!at(word, end)) {
            return false;
        }
        pos += word.length;
        return true;
    }

    private HistoryEntry entry() {
        Object[] v = values;
        if (v[0] == null || v[1] == null || v[7] == null || v[8] == null || v[11] == null) {
            return null; // Jackson will reject it too, and count it
        }
        return new HistoryEntry((String) v[0], (Instant) v[1], (String) v[2], (String) v[3], (String) v[4],
                (String) v[5], (String) v[6], (PurgeKind) v[7], (String) v[8], num(9) == 1, (String) v[10],
                (HistoryEntry.Outcome) v[11], (String) v[12], (int) num(13), (String) v[14], (int) num(15), num(16),
                (String) v[17], (String) v[18], (String) v[19], (String) v[20], (String) v[21], (String) v[22],
                (String) v[23]);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private long num(int field) {
        return values[field] == null ? 0 : numbers[field];
    }
}
