package dev.purgedeck.ui.purge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/** Reads the text of files dropped on the URL list, one problem message per file that is not readable UTF-8 text. */
final class DroppedFiles {
    private DroppedFiles() {
    }

    /** The files' text, one after the other; each unreadable file is told to {@code problem} and skipped. */
    static String read(List<Path> files, Consumer<String> problem) {
        StringBuilder text = new StringBuilder();
        for (Path f : files) {
            try {
                text.append(Files.readString(f, StandardCharsets.UTF_8)).append('\n');
            } catch (IOException | UncheckedIOException e) {
                problem.accept("Could not read " + f.getFileName() + ": it is not a readable UTF-8 text file.");
            }
        }
        return text.toString();
    }
}
