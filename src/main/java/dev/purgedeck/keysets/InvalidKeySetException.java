package dev.purgedeck.keysets;

/** Raised when a key set cannot exist as given (bad name, key or service ID); the message says what is wrong. */
public final class InvalidKeySetException extends IllegalArgumentException {
    public InvalidKeySetException(String message) {
        super(message);
    }
}
