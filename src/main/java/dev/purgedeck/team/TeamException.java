package dev.purgedeck.team;

/** A team database problem in plain words, safe to show: it never holds a password. */
public final class TeamException extends Exception {
    private static final long serialVersionUID = 1L;

    public TeamException(String message) {
        super(message);
    }

    public TeamException(String message, Throwable cause) {
        super(message, cause);
    }
}
