package dev.purgedeck.files;

import java.io.IOException;
import java.nio.file.Path;

/** PurgeDeck refused to write to or append to a path that is a link or not a plain file; the message says which. */
public final class NotARegularFileException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path path;

    NotARegularFileException(Path path, String what) {
        super("PurgeDeck does not write to " + path + ": it is " + what + ", not a plain file. Remove it or move it"
                + " away (whoever can change the data folder could otherwise make PurgeDeck write elsewhere).");
        this.path = path;
    }

    /** The refused path. */
    public Path path() {
        return path;
    }
}
