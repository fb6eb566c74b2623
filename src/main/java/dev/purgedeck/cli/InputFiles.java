package dev.purgedeck.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a list file given on the command line ({@code -} for stdin) as UTF-8 text, or says plainly why it cannot. */
final class InputFiles {
    private InputFiles() {
    }

    /** The file's text, a leading BOM dropped. {@code what} names the option, e.g. "--urls-file". */
    static String read(CliContext ctx, String file, String what) {
        byte[] bytes;
        try {
            if (file.equals("-")) {
                bytes = ctx.in().readAllBytes();
            } else {
                bytes = Files.readAllBytes(Path.of(file));
            }
        } catch (NoSuchFileException e) {
            throw CliFailure.usage(what + ": there is no file " + file);
        } catch (IOException | SecurityException | InvalidPathException e) {
            throw CliFailure.usage(what + ": cannot read " + file + " (" + e.getMessage() + ")");
        }
        try {
            // Strict decoding: a Latin-1 file read leniently would turn é into U+FFFD and purge the wrong URL.
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw CliFailure.usage(what + ": " + file + " is not UTF-8 text");
        }
    }
}
