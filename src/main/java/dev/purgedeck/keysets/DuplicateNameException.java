package dev.purgedeck.keysets;

/** Raised when a key set would take a name another set already has (names are compared ignoring case). */
public final class DuplicateNameException extends IllegalArgumentException {
    private final String name;

    public DuplicateNameException(String name) {
        super("A key set named '" + name + "' already exists. Choose another name.");
        this.name = name;
    }

    /** The name that is already taken, as the existing set spells it. */
    public String name() {
        return name;
    }
}
