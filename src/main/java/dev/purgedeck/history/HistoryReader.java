package dev.purgedeck.history;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the complete lines of a byte range of the history file, a block of about a megabyte (cut at a '\n') at a
 * time. Each line goes to the fast {@link LineParser}, and to Jackson when that one gives up; a line neither can
 * read is skipped and counted. Positional reads only, so several readers can share one channel.
 */
final class HistoryReader {
    private static final int BLOCK = 1 << 20;
    private static final int MAX_LINE = 16 << 20;

    /**
     * What a range held.
     *
     * @param entries the parsed entries in file order
     * @param skipped lines that were not valid entries
     * @param end     the offset just after the last '\n' read; bytes from here on form an unfinished line
     */
    record Chunk(List<HistoryEntry> entries, int skipped, long end) {
    }

    private HistoryReader() {
    }

    /** Parses every line of [from, to) that ends with '\n'; an unfinished tail is left for the caller to judge. */
    static Chunk read(FileChannel ch, long from, long to, LineParser fast) throws IOException {
        List<HistoryEntry> entries = new ArrayList<>((int) Math.min(Integer.MAX_VALUE - 8, (to - from) / 300 + 16));
        int skipped = 0;
        long pos = from;
        byte[] buf = new byte[(int) Math.min(BLOCK, Math.max(16, to - from))];
        while (pos < to) {
            int n = (int) Math.min(buf.length, to - pos);
            readFully(ch, buf, n, pos);
            int cut = lastNewline(buf, n);
            if (cut < 0) {
                if (n == to - pos) {
                    break; // only an unfinished line is left
                }
                if (buf.length < MAX_LINE) {
                    buf = new byte[buf.length * 2];
                    continue;
                }
                pos = afterNextNewline(ch, pos + n, to, buf); // megabytes without a newline: not one of ours
                skipped++;
                continue;
            }
            skipped += parseBlock(buf, cut + 1, entries, fast);
            pos += cut + 1;
        }
        return new Chunk(entries, skipped, pos);
    }

    /** Parses buf[0, len), which ends with '\n'; returns how many lines it skipped. */
    static int parseBlock(byte[] buf, int len, List<HistoryEntry> out, LineParser fast) {
        int skipped = 0;
        for (int start = 0; start < len; ) {
            HistoryEntry e = fast.parse(buf, start, len);
            int nl;
            if (e != null) {
                nl = fast.lineEnd();
            } else {
                nl = indexOf(buf, (byte) '\n', start, len);
                try {
                    e = general(buf, start, nl, fast.shared());
                } catch (IOException | RuntimeException bad) {
                    skipped++; // torn by a crash or garbled by hand: skip and count it, keep it in the file
                }
            }
            if (e != null) {
                out.add(e);
            }
            start = nl + 1;
        }
        return skipped;
    }

    /** Jackson's reading of one line, or null for a blank line; throws if it is not exactly one valid entry. */
    private static HistoryEntry general(byte[] buf, int start, int end, Map<String, String> shared)
            throws IOException {
        try (JsonParser p = HistoryCodec.FACTORY.createParser(buf, start, end - start)) {
            if (p.nextToken() == null) {
                return null;
            }
            HistoryEntry e = HistoryCodec.read(p, shared);
            if (p.nextToken() != null) {
                throw new JsonParseException(p, "more than one value on the line");
            }
            return e;
        }
    }

    /** Offset just after the last '\n' in [from, to), or {@code from} if there is none. */
    static long lastLineEnd(FileChannel ch, long from, long to) throws IOException {
        byte[] buf = new byte[8192];
        for (long end = to; end > from; ) {
            int n = (int) Math.min(buf.length, end - from);
            readFully(ch, buf, n, end - n);
            int cut = lastNewline(buf, n);
            if (cut >= 0) {
                return end - n + cut + 1;
            }
            end -= n;
        }
        return from;
    }

    /** Offset of the first line that starts at or after {@code at} (at most {@code to}). */
    static long nextLineStart(FileChannel ch, long at, long to) throws IOException {
        return at == 0 ? 0 : afterNextNewline(ch, at - 1, to, new byte[8192]);
    }

    /** True when [from, to) holds something other than blanks: an unfinished (torn) line. */
    static boolean hasContent(FileChannel ch, long from, long to) throws IOException {
        byte[] buf = new byte[(int) Math.min(8192, Math.max(0, to - from))];
        for (long pos = from; pos < to; ) {
            int n = (int) Math.min(buf.length, to - pos);
            readFully(ch, buf, n, pos);
            for (int i = 0; i < n; i++) {
                if (!isBlank(buf[i])) {
                    return true;
                }
            }
            pos += n;
        }
        return false;
    }

    static void readFully(FileChannel ch, byte[] buf, int n, long pos) throws IOException {
        ByteBuffer bb = ByteBuffer.wrap(buf, 0, n);
        while (bb.hasRemaining()) {
            if (ch.read(bb, pos + bb.position()) < 0) {
                throw new EOFException("history file shrank while reading");
            }
        }
    }

    /** The offset just past the first newline at or after {@code pos}, or {@code to} when there is none before it. */
    private static long afterNextNewline(FileChannel ch, long pos, long to, byte[] buf) throws IOException {
        while (pos < to) {
            int n = (int) Math.min(buf.length, to - pos);
            readFully(ch, buf, n, pos);
            int nl = indexOf(buf, (byte) '\n', 0, n);
            if (nl >= 0) {
                return pos + nl + 1;
            }
            pos += n;
        }
        return to;
    }

    private static int lastNewline(byte[] buf, int n) {
        for (int i = n - 1; i >= 0; i--) {
            if (buf[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static int indexOf(byte[] buf, byte b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (buf[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isBlank(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }
}
