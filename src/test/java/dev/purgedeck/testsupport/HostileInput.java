package dev.purgedeck.testsupport;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * A seeded generator of hostile text and bytes for the fuzz tests: Unicode line separators, control characters,
 * NUL, bidi overrides, broken surrogates, U+FFFD, invalid UTF-8, binary noise and huge values, mixed into pieces of
 * URLs and keys that are nearly valid, since those reach furthest into the code.
 */
public final class HostileInput {
    private static final List<String> PIECES = List.of("https://", "http://", "HTTP://", "ftp://", "javascript:",
            "mailto:", "www.example.com", "example.com", "/", "/a/b", "?", "?q=1&x=", "#frag", "%", "%2", "%zz", "%41",
            "[", "]", "[::1]", "localhost", "localhost.", "127.0.0.1", ":8080", ":0", ":99999", "@", "user:pw@", "\\",
            "\"", "'", "{", "}", "|", "^", "`", "<", ">", " ", "\t", "\r", "\n", "\r\n", "\u0000", "\u001B[31m",
            "\u0007", "\u007F", "\u0085", "\u2028", "\u2029", "\u202E", "\u2066", "\u200B", "\uFEFF", "\uFFFD",
            "\uD800", "\uDC00", "\uD83D\uDE80", "é", "日本", "ü", "\u00A0", "\u3000", "=", "+", "-", "@SUM(1+1)",
            "=HYPERLINK(\"x\")", "key", "product-4711", ",", ";", "..", "~", "*", "\f", "\u000B");
    private final Random random;

    public HostileInput(long seed) {
        this.random = new Random(seed);
    }

    public Random random() {
        return random;
    }

    /** A string of a few pieces and random code points; one in 40 is huge (10,000 to 60,000 characters). */
    public String text() {
        StringBuilder b = new StringBuilder();
        int n = random.nextInt(8);
        for (int i = 0; i < n; i++) {
            switch (random.nextInt(4)) {
                case 0, 1 -> b.append(PIECES.get(random.nextInt(PIECES.size())));
                case 2 -> b.appendCodePoint(randomCodePoint());
                default -> b.append((char) ('a' + random.nextInt(26)));
            }
        }
        if (random.nextInt(40) == 0) {
            b.append("x".repeat(10_000 + random.nextInt(50_000)));
        }
        return b.toString();
    }

    /** Text that starts like a URL, so that it gets past the first checks more often. */
    public String url() {
        String[] starts = {"https://www.example.com/", "http://example.com/", "example.com/", "https://"};
        return starts[random.nextInt(starts.length)] + text();
    }

    /** Several lines of hostile text joined with a mix of real and false line ends. */
    public String lines() {
        String[] ends = {"\n", "\r\n", "\r", "\u2028", "\u2029", "\u0085", "\n\n"};
        StringBuilder b = new StringBuilder();
        int n = 1 + random.nextInt(12);
        for (int i = 0; i < n; i++) {
            b.append(random.nextBoolean() ? url() : text()).append(ends[random.nextInt(ends.length)]);
        }
        return b.toString();
    }

    /** The UTF-8 of {@link #lines()} with invalid UTF-8, NUL and binary noise spliced in. */
    public byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] text = lines().getBytes(StandardCharsets.UTF_8);
        for (byte t : text) {
            out.write(t);
            if (random.nextInt(30) == 0) {
                byte[][] bad = {{(byte) 0xC3}, {(byte) 0xFF}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0,
                    (byte) 0x80}, {0}, {(byte) 0x80}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}};
                out.writeBytes(bad[random.nextInt(bad.length)]);
            }
        }
        if (random.nextInt(10) == 0) {
            byte[] noise = new byte[random.nextInt(2000)];
            random.nextBytes(noise);
            out.writeBytes(noise);
        }
        return out.toByteArray();
    }

    private int randomCodePoint() {
        return switch (random.nextInt(5)) {
            case 0 -> random.nextInt(0x20);
            case 1 -> 0x80 + random.nextInt(0x80);
            case 2 -> 0x2000 + random.nextInt(0x70);
            case 3 -> 0xD800 + random.nextInt(0x800);
            default -> random.nextInt(0x110000);
        };
    }
}
