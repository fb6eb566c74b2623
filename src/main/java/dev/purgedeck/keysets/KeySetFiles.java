package dev.purgedeck.keysets;

import dev.purgedeck.fastly.TextLines;
import dev.purgedeck.fastly.Validation;
import dev.purgedeck.files.BoundedFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Import and export of key sets: JSON (the same format as {@code keysets.json}) and plain text with one key per
 * line, the format the Fastly CLI's {@code fastly purge --file} reads. Streams are neither buffered beyond need nor
 * closed: they belong to the caller.
 */
public final class KeySetFiles {
    private KeySetFiles() {
    }

    /** Writes {@code {"version":1,"key_sets":[…]}}, so an export can also serve as a {@code keysets.json}. */
    public static void writeJson(List<KeySet> sets, OutputStream out) throws IOException {
        KeySetJson.write(sets, out);
    }

    /**
     * Reads a single set object, an array of sets, or {@code {"key_sets":[…]}} (UTF-8, a BOM is tolerated). Invalid
     * keys are left out and reported by their position in the set's {@code keys} array; the valid ones are kept.
     *
     * @throws IOException when the input is not JSON or not shaped like key sets, or holds more than
     *                     {@link BoundedFiles#MAX_BYTES}, with a message saying which
     */
    public static ImportResult readJson(InputStream in) throws IOException {
        // Capped: an import from /dev/zero or a runaway file must end in a message, not fill the memory.
        return KeySetJson.read(new ByteArrayInputStream(BoundedFiles.readBytes(in, BoundedFiles.MAX_BYTES, "the file")));
    }

    /**
     * Writes the set's keys one per line, each ending in {@code '\n'}, UTF-8 without a BOM: exactly what
     * {@code fastly purge --file} reads (Go's line scanner, which neither trims nor skips lines), so nothing is added
     * that the CLI would take for a key. An empty set writes an empty file.
     */
    public static void writeText(KeySet set, OutputStream out) throws IOException {
        StringBuilder b = new StringBuilder(set.keys().size() * 16);
        for (String key : set.keys()) {
            b.append(key).append('\n');
        }
        out.write(b.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /**
     * Reads one key per line into a set named {@code setName}. More forgiving than the CLI, since people write these
     * files by hand: a UTF-8 BOM is dropped; {@code \n}, {@code \r\n} and {@code \r} all end a line; whitespace around
     * a key is trimmed; blank lines are skipped; repeated keys are kept once. A line that is still not a valid key is
     * left out and reported with its 1-based line number.
     *
     * @throws InvalidKeySetException when {@code setName} is not a valid name (the caller's input, not the file's)
     */
    public static ImportResult readText(String setName, InputStream in) throws IOException {
        KeySet.nameProblem(setName).ifPresent(p -> {
            throw new InvalidKeySetException(p);
        });
        String text = new String(BoundedFiles.readBytes(in, BoundedFiles.MAX_BYTES, "the file"), StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String name = setName.strip();
        List<String> keys = new ArrayList<>();
        List<ImportProblem> problems = new ArrayList<>();
        int lineNo = 0;
        for (String line : TextLines.split(text)) {
            lineNo++;
            String key = Validation.trimBlanks(line);
            if (key.isEmpty()) {
                continue;
            }
            Optional<String> problem = Validation.keyProblem(key);
            if (problem.isPresent()) {
                problems.add(new ImportProblem(name, lineNo, Validation.printable(key), problem.get()));
            } else {
                keys.add(key);
            }
        }
        return new ImportResult(List.of(KeySet.of(name, keys)), problems);
    }
}
