package dev.purgedeck.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Fastly's surrogate-key rules (docs/fastly-api.md §6, §11): what a key may contain and how a header is split. */
final class SurrogateKeys {
    static final int MAX_KEYS_PER_REQUEST = 256;
    static final int MAX_KEY_BYTES = 1024;
    static final int MAX_HEADER_BYTES = 16_384;

    private SurrogateKeys() {
    }

    /** A header's keys, split on spaces with empties dropped, each paired with where it ends in the header. */
    record HeaderKey(String key, int endByte) {
    }

    static List<HeaderKey> splitHeader(String header) {
        List<HeaderKey> out = new ArrayList<>();
        int offset = 0;
        for (String part : header.split(" ", -1)) {
            int bytes = part.getBytes(StandardCharsets.UTF_8).length;
            if (!part.isEmpty()) {
                out.add(new HeaderKey(part, offset + bytes));
            }
            offset += bytes + 1;
        }
        return out;
    }

    /** Printable ASCII only (0x21..0x7E), 1..1024 bytes; anything else Fastly ignores. */
    static boolean valid(String key) {
        if (key.isEmpty() || key.length() > MAX_KEY_BYTES) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x21 || c > 0x7E) {
                return false;
            }
        }
        return true;
    }

    /** Keys past the 16 KB mark of a header are ignored, as Fastly's header parser does. */
    static boolean withinHeaderLimit(HeaderKey k) {
        return k.endByte() <= MAX_HEADER_BYTES;
    }
}
