package dev.purgedeck.fastly;

import java.util.ArrayList;
import java.util.List;

/** Splits surrogate keys into batch requests Fastly accepts: at most 256 keys each. */
public final class KeyBatcher {
    /** Fastly's limit of keys in one batch purge request. */
    public static final int MAX_KEYS_PER_REQUEST = 256;

    private KeyBatcher() {
    }

    /** Consecutive batches of at most {@value #MAX_KEYS_PER_REQUEST} keys, in the given order. */
    public static List<List<String>> batches(List<String> keys) {
        List<List<String>> out = new ArrayList<>((keys.size() + MAX_KEYS_PER_REQUEST - 1) / MAX_KEYS_PER_REQUEST);
        for (int from = 0; from < keys.size(); from += MAX_KEYS_PER_REQUEST) {
            out.add(List.copyOf(keys.subList(from, Math.min(keys.size(), from + MAX_KEYS_PER_REQUEST))));
        }
        return out;
    }

    /** How many requests {@code keyCount} distinct keys take. */
    public static int requestCount(int keyCount) {
        return (keyCount + MAX_KEYS_PER_REQUEST - 1) / MAX_KEYS_PER_REQUEST;
    }
}
