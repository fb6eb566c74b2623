package dev.purgedeck.history;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Reads a byte[] eight bytes at a time, so the history's hot loops test a word where they would test a byte. */
final class ByteWords {
    static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private ByteWords() {
    }

    /**
     * True when some byte of x may be '"', '\\', below 0x20 or above 0x7F, i.e. needs care in a JSON string. A false
     * alarm is possible (a borrow next to a real one) and only costs the caller a byte-by-byte look.
     */
    static boolean special(long x) {
        long quote = x ^ 0x2222222222222222L;
        long backslash = x ^ 0x5C5C5C5C5C5C5C5CL;
        long zeroQuote = (quote - ONES) & ~quote;
        long zeroBackslash = (backslash - ONES) & ~backslash;
        long control = x - 0x2020202020202020L; // a byte below 0x20 borrows and sets its top bit
        return ((zeroQuote | zeroBackslash | control | x) & HIGHS) != 0;
    }

    /** True when no byte of b[0, n) needs care in a JSON string (see {@link #special}). */
    static boolean plain(byte[] b, int n) {
        int i = 0;
        for (; i + 8 <= n; i += 8) {
            if (special((long) LONGS.get(b, i))) {
                return false;
            }
        }
        for (; i < n; i++) {
            int c = b[i];
            if (c < 0x20 || c == '"' || c == '\\') { // negative (non-ASCII) bytes are below 0x20 too
                return false;
            }
        }
        return true;
    }
}
