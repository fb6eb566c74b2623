package dev.purgedeck.cli;

import dev.purgedeck.files.BoundedFiles;
import dev.purgedeck.files.InputTooLargeException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a list file given on the command line ({@code -} for stdin) as UTF-8 text, or says plainly why it cannot.
 * What is read is capped ({@link BoundedFiles}), so {@code /dev/zero} or an endless pipe ends in a usage error at once.
 */
final class InputFiles {
    private InputFiles() {
    }

    /**
     * The file's text, a leading BOM dropped. {@code what} names the option, e.g. "--urls-file"; {@code maxLine} is
     * the longest line accepted in bytes, 0 for any (a JSON import may be one long line).
     */
    static String read(CliContext ctx, String file, String what, int maxLine) {
        try {
            if (file.equals("-")) {
                return BoundedFiles.readText(ctx.in(), "stdin", maxLine);
            }
            try (InputStream in = Files.newInputStream(Path.of(file))) {
                return BoundedFiles.readText(in, file, maxLine);
            }
        } catch (NoSuchFileException e) {
            throw CliFailure.usage(what + ": there is no file " + file);
        } catch (InputTooLargeException e) {
            throw CliFailure.usage(what + ": " + e.getMessage());
        } catch (CharacterCodingException e) {
            throw CliFailure.usage(what + ": " + file + " is not UTF-8 text");
        } catch (IOException | SecurityException | InvalidPathException e) {
            throw CliFailure.usage(what + ": cannot read " + file + " (" + e.getMessage() + ")");
        }
    }

    /** A URL or key list: one item a line, each at most {@link BoundedFiles#MAX_LINE} bytes. */
    static String readList(CliContext ctx, String file, String what) {
        return read(ctx, file, what, BoundedFiles.MAX_LINE);
    }
}
