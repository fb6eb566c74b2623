package dev.purgedeck.ui.purge;

import dev.purgedeck.files.BoundedFiles;
import dev.purgedeck.files.InputTooLargeException;
import java.io.IOException;
import java.io.UncheckedIOException;
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
                // Capped: a huge file, a FIFO or /dev/zero stops at the limit instead of filling the memory.
                text.append(BoundedFiles.readText(f)).append('\n');
            } catch (InputTooLargeException e) {
                problem.accept("Could not read " + f.getFileName() + ": " + e.getMessage());
            } catch (IOException | UncheckedIOException e) {
                problem.accept("Could not read " + f.getFileName() + ": it is not a readable UTF-8 text file.");
            }
        }
        return text.toString();
    }
}
