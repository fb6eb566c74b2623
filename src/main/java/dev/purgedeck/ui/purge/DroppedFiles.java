package dev.purgedeck.ui.purge;

import dev.purgedeck.files.BoundedFiles;
import dev.purgedeck.files.InputTooLargeException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads files dropped on the console as UTF-8 text, each up to a size cap: a list of URLs is small, and a big file
 * dropped by mistake (a video, a disk image) must neither be read into memory nor freeze anything. Blocking: call
 * it off the UI thread.
 *
 * @param text     the text of the files that could be read, one after the other
 * @param problems what went wrong with the others, in plain words, one per file
 */
record DroppedFiles(String text, List<String> problems) {
    /** 10 MiB: some hundred thousand URLs, far more than one purge job needs. */
    static final long MAX_BYTES = BoundedFiles.MAX_BYTES;

    static DroppedFiles read(List<Path> files, long maxBytes) {
        StringBuilder text = new StringBuilder();
        List<String> problems = new ArrayList<>();
        for (Path f : files) {
            try {
                String name = f.getFileName() == null ? f.toString() : f.getFileName().toString();
                if (!Files.isRegularFile(f)) {
                    problems.add("Could not read " + name + ": it is not a file.");
                    continue;
                }
                // The size is checked first and the read is bounded too, in case the file grows meanwhile.
                if (Files.size(f) > maxBytes) {
                    problems.add(name + " is larger than " + size(maxBytes) + ", so it was not read.");
                    continue;
                }
                text.append(BoundedFiles.text(BoundedFiles.readBytes(f, (int) maxBytes), name, 0)).append('\n');
            } catch (InputTooLargeException e) {
                problems.add(f.getFileName() + " is larger than " + size(maxBytes) + ", so it was not read.");
            } catch (CharacterCodingException e) {
                problems.add("Could not read " + f.getFileName() + ": it is not a readable UTF-8 text file.");
            } catch (IOException | SecurityException e) {
                problems.add("Could not read " + f.getFileName() + ": " + reason(e));
            }
        }
        return new DroppedFiles(text.toString().strip(), List.copyOf(problems));
    }

    private static String size(long bytes) {
        return bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MiB" : bytes + " bytes";
    }

    private static String reason(Exception e) {
        return e instanceof java.nio.file.AccessDeniedException ? "permission denied."
                : "it is not a readable UTF-8 text file.";
    }
}
