package dev.purgedeck.ui.purge;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
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
    static final long MAX_BYTES = 10L * 1024 * 1024;

    static DroppedFiles read(List<Path> files, long maxBytes) {
        StringBuilder text = new StringBuilder();
        List<String> problems = new ArrayList<>();
        for (Path f : files) {
            try {
                String name = f.getFileName() == null ? f.toString() : f.getFileName().toString();
                // The size is checked first and the read is bounded too, in case the file grows meanwhile.
                byte[] bytes = Files.isRegularFile(f) && Files.size(f) <= maxBytes ? readAtMost(f, maxBytes + 1) : null;
                if (bytes == null || bytes.length > maxBytes) {
                    problems.add(Files.isRegularFile(f)
                            ? name + " is larger than " + size(maxBytes) + ", so it was not read."
                            : "Could not read " + name + ": it is not a file.");
                    continue;
                }
                text.append(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes))).append('\n');
            } catch (CharacterCodingException e) {
                problems.add("Could not read " + f.getFileName() + ": it is not a readable UTF-8 text file.");
            } catch (IOException | SecurityException e) {
                problems.add("Could not read " + f.getFileName() + ": " + reason(e));
            }
        }
        return new DroppedFiles(text.toString().strip(), List.copyOf(problems));
    }

    private static byte[] readAtMost(Path f, long limit) throws IOException {
        try (InputStream in = Files.newInputStream(f)) {
            return in.readNBytes((int) Math.min(limit, Integer.MAX_VALUE - 8));
        }
    }

    private static String size(long bytes) {
        return bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MiB" : bytes + " bytes";
    }

    private static String reason(Exception e) {
        return e instanceof java.nio.file.AccessDeniedException ? "permission denied."
                : "it is not a readable UTF-8 text file.";
    }
}
