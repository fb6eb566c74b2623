package dev.purgedeck.ui.controls;

import dev.purgedeck.fastly.Validation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Splits pasted or typed text into surrogate keys; shared by the model and the editor's text field. */
final class KeySplitter {
    private KeySplitter() {
    }

    /** White space a key can never contain (Fastly separates keys with it), plus commas from CSV-ish lists. */
    static boolean isSeparator(char c) {
        return c == ' ' || c == ',' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\u000B';
    }

    static boolean containsSeparator(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isSeparator(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** The non-empty pieces of {@code raw} between separators, in order; a hand loop because this runs on 10,000 keys. */
    static List<String> split(String raw) {
        List<String> out = new ArrayList<>();
        if (raw == null) {
            return out;
        }
        int start = -1;
        for (int i = 0; i <= raw.length(); i++) {
            if (i == raw.length() || isSeparator(raw.charAt(i))) {
                if (start >= 0) {
                    out.add(raw.substring(start, i));
                    start = -1;
                }
            } else if (start < 0) {
                start = i;
            }
        }
        return out;
    }

    /** Each element stripped of surrounding white space, nulls and blanks skipped. */
    static List<String> stripped(Collection<String> keys) {
        List<String> out = new ArrayList<>(keys.size());
        for (String key : keys) {
            String k = key == null ? "" : Validation.trimBlanks(key);
            if (!k.isEmpty()) {
                out.add(k);
            }
        }
        return out;
    }
}
