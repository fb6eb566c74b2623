package dev.purgedeck.sandbox;

import java.util.List;

/** An object the simulated cache holds fresh after seeding. */
record SeedObject(String url, List<String> keys) {

    SeedObject {
        keys = List.copyOf(keys);
    }

    static SeedObject of(String url, String... keys) {
        return new SeedObject(url, List.of(keys));
    }
}
