package dev.purgedeck.files;

import java.io.IOException;

/** An input file, a dropped file or an import held more than PurgeDeck reads from one; the message says the limit. */
public final class InputTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    InputTooLargeException(String message) {
        super(message);
    }
}
