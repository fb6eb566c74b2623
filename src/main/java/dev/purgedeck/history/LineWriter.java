package dev.purgedeck.history;

import dev.purgedeck.fastly.PurgeKind;
import dev.purgedeck.files.UiThreadGuard;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Writes entries as JSON objects, one line each, straight into a byte array. It runs on the HTTP client's threads
 * for every batch a job records, so it is kept lean: about three times faster than Jackson's generator here. Strings
 * are escaped as JSON requires ({@code "}, {@code \}, control characters; a lone surrogate as {@code \}{@code uXXXX});
 * everything else is written as UTF-8, so lines stay readable with any text tool. Null fields are left out.
 */
final class LineWriter {
    private static final byte[][] NAMES = Arrays.stream(HistoryCodec.NAMES)
            .map(n -> (",\"" + n + "\":").getBytes(StandardCharsets.US_ASCII)).toArray(byte[][]::new);
    private static final String[] KINDS = Arrays.stream(PurgeKind.values()).map(PurgeKind::id).toArray(String[]::new);
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private byte[] buf;
    private int len;
    /** Per field, the last text written and its bytes: the entries of a batch share all but target and purge ID. */
    private final Object[] lastValue = new Object[HistoryCodec.FIELDS];
    private final byte[][] lastBytes = new byte[HistoryCodec.FIELDS][];

    private LineWriter(int capacity) {
        buf = new byte[Math.max(64, capacity)];
    }

    /** Each entry as one line ending in '\n', ready for a single write. */
    static byte[] lines(List<HistoryEntry> entries) {
        LineWriter w = new LineWriter(entries.size() * 480);
        for (HistoryEntry e : entries) {
            w.entry(e);
            w.put('\n');
        }
        return Arrays.copyOf(w.buf, w.len);
    }

    /** The entries as a JSON array, one object per line, written to {@code out} in pieces. */
    static void array(List<HistoryEntry> entries, OutputStream out) throws IOException {
        array(entries, out, e -> null);
    }

    /**
     * As above; {@code extra} gives fields to add to an entry's object (already JSON: {@code "name":value,…}), or
     * null for none.
     */
    static void array(List<HistoryEntry> entries, OutputStream out, Function<HistoryEntry, String> extra)
            throws IOException {
        UiThreadGuard.checkNotUiThread("Writing a history export");
        LineWriter w = new LineWriter(1 << 16);
        w.put('[');
        for (int i = 0; i < entries.size(); i++) {
            if (i > 0) {
                w.put(',');
            }
            w.put('\n');
            w.entry(entries.get(i));
            String more = extra.apply(entries.get(i));
            if (more != null && !more.isEmpty()) {
                w.len--; // in before the object's closing brace
                w.put(',');
                byte[] bytes = more.getBytes(StandardCharsets.UTF_8);
                w.ensure(bytes.length);
                System.arraycopy(bytes, 0, w.buf, w.len, bytes.length);
                w.len += bytes.length;
                w.put('}');
            }
            if (w.len > 60_000) {
                out.write(w.buf, 0, w.len);
                w.len = 0;
            }
        }
        if (!entries.isEmpty()) {
            w.put('\n');
        }
        w.put(']');
        w.put('\n');
        out.write(w.buf, 0, w.len);
        out.flush();
    }

    private void entry(HistoryEntry e) {
        put('{');
        string(0, e.jobId());
        time(e.time());
        string(2, e.profile());
        string(3, e.endpointKind());
        string(4, e.endpoint());
        string(5, e.serviceId());
        string(6, e.serviceName());
        string(7, KINDS[e.kind().ordinal()]);
        string(8, e.target());
        name(9);
        ascii(e.soft() ? "true" : "false");
        string(10, e.environment());
        string(11, e.outcome().id());
        string(12, e.purgeId());
        number(13, e.httpStatus());
        string(14, e.error());
        number(15, e.attempts());
        number(16, e.durationMs());
        string(17, e.user());
        string(18, e.appVersion());
        string(19, e.retryOf());
        string(20, e.secondPurgeId());
        string(21, e.verdict());
        string(22, e.verdictReason());
        string(23, e.id());
        put('}');
    }

    /** The field's name with the comma before it (none before the first field, the job ID, which is never null). */
    private void name(int field) {
        byte[] n = NAMES[field];
        int skip = field == 0 ? 1 : 0;
        ensure(n.length);
        System.arraycopy(n, skip, buf, len, n.length - skip);
        len += n.length - skip;
    }

    private void time(java.time.Instant t) {
        if (!t.equals(lastValue[1])) {
            int start = len;
            string(1, IsoTimes.format(t));
            lastValue[1] = t;
            lastBytes[1] = Arrays.copyOfRange(buf, start, len);
        } else {
            copy(lastBytes[1]);
        }
    }

    private void string(int field, String s) {
        if (s == null) {
            return;
        }
        if (field == 8 || field == 12 || field == 1 || field == 20 || field == 23) { // unique per entry: nothing to reuse
            quoted(field, s);
        } else if (s == lastValue[field]) {
            copy(lastBytes[field]);
        } else {
            int start = len;
            quoted(field, s);
            lastValue[field] = s;
            lastBytes[field] = Arrays.copyOfRange(buf, start, len);
        }
    }

    private void copy(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buf, len, bytes.length);
        len += bytes.length;
    }

    private void quoted(int field, String s) {
        name(field);
        if (s.length() < 512) {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8); // for ASCII text a plain copy, done by the JDK
            if (utf8.length == s.length() && ByteWords.plain(utf8, utf8.length) && noSubstitutes(s, utf8)) {
                ensure(utf8.length + 2);
                buf[len++] = '"';
                System.arraycopy(utf8, 0, buf, len, utf8.length);
                len += utf8.length;
                buf[len++] = '"';
                return;
            }
        }
        ensure(s.length() * 6 + 2); // the worst case: every char escaped as six bytes
        buf[len++] = '"';
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
                buf[len++] = (byte) c;
            } else {
                special(s, i, c);
                if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                }
            }
        }
        buf[len++] = '"';
    }

    /** False when the encoder put '?' for a lone surrogate: only a '?' in the text may be one in the bytes. */
    private static boolean noSubstitutes(String s, byte[] ascii) {
        for (int i = 0; i < ascii.length; i++) {
            if (ascii[i] == '?' && s.charAt(i) != '?') {
                return false;
            }
        }
        return true;
    }

    private void special(String s, int i, char c) {
        switch (c) {
            case '"' -> escape('"');
            case '\\' -> escape('\\');
            case '\n' -> escape('n');
            case '\r' -> escape('r');
            case '\t' -> escape('t');
            case '\b' -> escape('b');
            case '\f' -> escape('f');
            default -> {
                if (c < 0x20) {
                    unicode(c);
                } else if (c < 0x800) {
                    buf[len++] = (byte) (0xC0 | c >> 6);
                    buf[len++] = (byte) (0x80 | c & 0x3F);
                } else if (!Character.isSurrogate(c)) {
                    buf[len++] = (byte) (0xE0 | c >> 12);
                    buf[len++] = (byte) (0x80 | c >> 6 & 0x3F);
                    buf[len++] = (byte) (0x80 | c & 0x3F);
                } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    int cp = Character.toCodePoint(c, s.charAt(i + 1));
                    buf[len++] = (byte) (0xF0 | cp >> 18);
                    buf[len++] = (byte) (0x80 | cp >> 12 & 0x3F);
                    buf[len++] = (byte) (0x80 | cp >> 6 & 0x3F);
                    buf[len++] = (byte) (0x80 | cp & 0x3F);
                } else {
                    unicode(c); // a lone surrogate is not UTF-8: keep it as JSON can
                }
            }
        }
    }

    private void escape(char c) {
        buf[len++] = '\\';
        buf[len++] = (byte) c;
    }

    private void unicode(char c) {
        buf[len++] = '\\';
        buf[len++] = 'u';
        buf[len++] = HEX[c >> 12 & 0xF];
        buf[len++] = HEX[c >> 8 & 0xF];
        buf[len++] = HEX[c >> 4 & 0xF];
        buf[len++] = HEX[c & 0xF];
    }

    private void number(int field, long v) {
        name(field);
        if (v < 0 || v > 999_999_999_999L) {
            ascii(Long.toString(v));
            return;
        }
        ensure(12);
        int digits = 1;
        for (long rest = v / 10; rest > 0; rest /= 10) {
            digits++;
        }
        for (int i = len + digits - 1; i >= len; i--) {
            buf[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        len += digits;
    }

    private void ascii(String s) {
        ensure(s.length());
        for (int i = 0; i < s.length(); i++) {
            buf[len++] = (byte) s.charAt(i);
        }
    }

    private void put(char c) {
        ensure(1);
        buf[len++] = (byte) c;
    }

    private void ensure(int more) {
        if (len + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
        }
    }
}
