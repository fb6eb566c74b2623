package dev.purgedeck.settings;

/** An endpoint address PurgeDeck refuses, with a message fit to show the user as it is. */
public final class InvalidEndpointException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidEndpointException(String message) {
        super(message);
    }
}
