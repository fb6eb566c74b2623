package dev.purgedeck.files;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Moves an unreadable file aside under a dated name in the same folder ({@code settings.json} becomes
 * {@code settings-corrupt-2026-12-05T211500Z.json}), its bytes kept, so the next save cannot overwrite them.
 */
public final class SetAside {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private SetAside() {
    }

    /** Moves {@code file} to {@code NAME-corrupt-STAMP[-N].EXT}, never over an earlier set-aside copy; returns it. */
    public static Path move(Path file, Clock clock) throws IOException {
        String name = file.getFileName().toString();
        int dot = name.indexOf('.', 1);
        String base = dot < 0 ? name : name.substring(0, dot);
        String ext = dot < 0 ? "" : name.substring(dot);
        String stamp = STAMP.format(clock.instant());
        for (int n = 1; ; n++) {
            Path target = file.resolveSibling(base + "-corrupt-" + stamp + (n == 1 ? "" : "-" + n) + ext);
            try {
                // No REPLACE_EXISTING: an earlier set-aside copy must never be overwritten.
                return Files.move(file, target);
            } catch (FileAlreadyExistsException e) {
                if (n >= 100) {
                    throw e;
                }
            }
        }
    }
}
