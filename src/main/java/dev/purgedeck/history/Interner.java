package dev.purgedeck.history;

import java.util.Arrays;

/**
 * Shares one String among the many entries that repeat it (job ID, service, endpoint, user, version, common error
 * messages) and builds it straight from the parser's characters, so a million entries hold a few thousand copies.
 * Each field remembers its last value first: consecutive lines nearly always repeat it, and one vectorised array
 * comparison is cheaper than hashing. Not thread-safe: each loading thread has its own. The table stops growing at
 * a fixed size so odd files cannot bloat it.
 */
final class Interner {
    private static final int MAX_SIZE = 1 << 16;
    private String[] table = new String[1024];
    private char[][] chars = new char[1024][];
    private int size;
    private final String[] last = new String[HistoryCodec.FIELDS];
    private final char[][] lastChars = new char[HistoryCodec.FIELDS][];

    /** The shared String for field {@code field}'s value c[off, off+len). */
    String intern(int field, char[] c, int off, int len) {
        char[] prev = lastChars[field];
        if (prev != null && prev.length == len && Arrays.equals(prev, 0, len, c, off, off + len)) {
            return last[field];
        }
        String s = intern(c, off, len);
        last[field] = s;
        lastChars[field] = Arrays.copyOfRange(c, off, off + len);
        return s;
    }

    String intern(char[] c, int off, int len) {
        int h = 0;
        for (int i = off; i < off + len; i++) {
            h = 31 * h + c[i];
        }
        int mask = table.length - 1;
        int i = mix(h) & mask;
        for (char[] k = chars[i]; k != null; k = chars[i]) {
            if (k.length == len && Arrays.equals(k, 0, len, c, off, off + len)) {
                return table[i];
            }
            i = (i + 1) & mask;
        }
        String s = new String(c, off, len);
        if (size < MAX_SIZE) {
            table[i] = s;
            chars[i] = Arrays.copyOfRange(c, off, off + len);
            if (++size * 2 > table.length) {
                grow();
            }
        }
        return s;
    }

    private static int mix(int h) {
        return h ^ (h >>> 16);
    }

    private void grow() {
        String[] oldTable = table;
        char[][] oldChars = chars;
        table = new String[oldTable.length * 2];
        chars = new char[oldTable.length * 2][];
        int mask = table.length - 1;
        for (int j = 0; j < oldTable.length; j++) {
            if (oldTable[j] != null) {
                int i = mix(oldTable[j].hashCode()) & mask; // String's hash is the same 31-polynomial
                while (table[i] != null) {
                    i = (i + 1) & mask;
                }
                table[i] = oldTable[j];
                chars[i] = oldChars[j];
            }
        }
    }
}
