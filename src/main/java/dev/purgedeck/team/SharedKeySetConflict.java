package dev.purgedeck.team;

import java.util.Optional;

/**
 * Someone else changed or deleted a shared key set since this editor read it: nothing was written. Carries the other
 * side's current version so the user can see both and choose.
 */
public final class SharedKeySetConflict extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient SharedKeySet theirs;

    SharedKeySetConflict(String name, SharedKeySet theirs) {
        super(theirs == null || theirs.deleted()
                ? "\u201c" + name + "\u201d was deleted from the team" + (theirs == null ? "" : " by " + theirs.changedBy())
                + " while you edited it."
                : "\u201c" + name + "\u201d was changed by " + theirs.changedBy() + " while you edited it.");
        this.theirs = theirs;
    }

    /** The set as the database holds it now; deleted (or empty when its row is gone) when it was deleted. */
    public Optional<SharedKeySet> theirs() {
        return Optional.ofNullable(theirs);
    }

    /** True when the other side deleted the set rather than changed it. */
    public boolean deletedByThem() {
        return theirs == null || theirs.deleted();
    }
}
