package dev.purgedeck.cli;

import java.util.Locale;

/** The two key set file formats: the window's JSON, and plain text with one key per line (for {@code fastly purge --file}). */
enum KeySetFormat {
    JSON, TEXT;

    /** JSON when the file is called {@code *.json}, text otherwise. */
    static KeySetFormat byName(String file) {
        return file != null && file.toLowerCase(Locale.ROOT).endsWith(".json") ? JSON : TEXT;
    }

    /** By name, else by content: a file starting with '{' or '[' is taken for JSON ({@code --format text} overrides). */
    static KeySetFormat of(String file, String content) {
        if (byName(file) == JSON) {
            return JSON;
        }
        String start = content.stripLeading();
        return start.startsWith("{") || start.startsWith("[") ? JSON : TEXT;
    }
}
