package dev.purgedeck.files;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads what a user hands PurgeDeck (a list file, a dropped file, an import, stdin) with a cap, so {@code /dev/zero},
 * a FIFO that never ends or a huge file stops at the cap at once instead of filling the memory. Used by the command
 * line and the window alike.
 */
public final class BoundedFiles {
    /** The most one input may hold: about 200,000 long URLs, far more than one purge job sends. */
    public static final int MAX_BYTES = 10 * 1024 * 1024;
    /** The longest line a URL or key list may have: far past any URL or key Fastly accepts (keys: 1,024 bytes). */
    public static final int MAX_LINE = 64 * 1024;

    private BoundedFiles() {
    }

    /** The first {@code limit} bytes of the stream, or an {@link InputTooLargeException} naming {@code what}. */
    public static byte[] readBytes(InputStream in, int limit, String what) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        byte[] buf = new byte[8192];
        long total = 0;
        for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
            total += n;
            if (total > limit) {
                throw tooLarge(what, limit);
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    /** As {@link #readBytes(InputStream, int, String)} for a file, which is opened and closed here. */
    public static byte[] readBytes(Path file, int limit) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return readBytes(in, limit, file.toString());
        }
    }

    /**
     * A list file's text: at most {@link #MAX_BYTES}, no line longer than {@link #MAX_LINE} bytes, strict UTF-8 (a
     * Latin-1 file read leniently would turn é into U+FFFD and purge the wrong URL), a leading BOM dropped.
     *
     * @throws InputTooLargeException when a limit is passed
     * @throws CharacterCodingException when the bytes are not UTF-8
     */
    public static String readText(Path file) throws IOException {
        return text(readBytes(file, MAX_BYTES), file.toString(), MAX_LINE);
    }

    /** As {@link #readText(Path)} for a stream ({@code what} names it in messages); {@code maxLine} 0 means any. */
    public static String readText(InputStream in, String what, int maxLine) throws IOException {
        return text(readBytes(in, MAX_BYTES, what), what, maxLine);
    }

    /** Strict UTF-8 text of {@code bytes}, a BOM dropped, each line at most {@code maxLine} bytes (0: any). */
    public static String text(byte[] bytes, String what, int maxLine) throws IOException {
        if (maxLine > 0) {
            int start = 0;
            for (int i = 0; i <= bytes.length; i++) {
                if (i == bytes.length || bytes[i] == '\n') {
                    if (i - start > maxLine) {
                        throw new InputTooLargeException(String.format(Locale.ROOT, "%s: line %d is longer than %s;"
                                + " PurgeDeck reads lines of at most that length", what, lineNumber(bytes, start),
                                size(maxLine)));
                    }
                    start = i + 1;
                }
            }
        }
        String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static int lineNumber(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    private static InputTooLargeException tooLarge(String what, int limit) {
        return new InputTooLargeException(what + " holds more than " + size(limit) + "; PurgeDeck reads at most that"
                + " much from one file. Split it into smaller files.");
    }

    private static String size(int bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MiB"
                : bytes % 1024 == 0 ? bytes / 1024 + " KiB" : bytes + " bytes";
    }
}
