package dev.purgedeck.edge;

/** A page could not be inspected; the message says why in plain words and is safe to show as it is. */
public final class PageFetchException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PageFetchException(String message) {
        super(message);
    }

    public PageFetchException(String message, Throwable cause) {
        super(message, cause);
    }
}
