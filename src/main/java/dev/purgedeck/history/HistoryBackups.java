package dev.purgedeck.history;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Names the dated backups that clearing the history leaves beside it, e.g. {@code history-2026-11-26T094512Z.jsonl}. */
final class HistoryBackups {
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private HistoryBackups() {
    }

    /** A name beside {@code file} that does not exist yet (a counter is added when two clears share a second). */
    static Path next(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        String stamp = STAMP.format(Clock.systemUTC().instant());
        Path candidate = file.resolveSibling(base + "-" + stamp + ext);
        for (int n = 2; Files.exists(candidate); n++) {
            candidate = file.resolveSibling(base + "-" + stamp + "-" + n + ext);
        }
        return candidate;
    }
}
