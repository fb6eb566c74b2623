package dev.purgedeck.ui.keysets;

import dev.purgedeck.keysets.KeySet;
import dev.purgedeck.team.SharedKeySet;
import dev.purgedeck.team.SharedKeySetConflict;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Both sides of a shared key set conflict, as the dialog shows them: what this user tried to save (or delete) and
 * what the team database holds now, with the keys only one side has.
 *
 * @param mine     the set this user tried to save; null when they tried to delete it
 * @param conflict the refusal, carrying the other side's current version
 */
public record ConflictQuestion(KeySet mine, SharedKeySetConflict conflict) {
    /** What the user chooses. */
    public enum Answer {
        /** Take the other side's version (into the editor); nothing is written. */
        KEEP_THEIRS,
        /** Write mine over the version just seen (or delete it anyway). */
        OVERWRITE,
        /** Write nothing; the editor keeps what the user typed. */
        CANCEL
    }

    public Optional<SharedKeySet> theirs() {
        return conflict.theirs().filter(t -> !t.deleted());
    }

    public List<String> onlyMine() {
        List<String> theirKeys = theirs().map(SharedKeySet::keys).orElse(List.of());
        return mine == null ? List.of() : mine.keys().stream().filter(k -> !theirKeys.contains(k)).toList();
    }

    public List<String> onlyTheirs() {
        List<String> myKeys = mine == null ? List.of() : mine.keys();
        return theirs().map(t -> t.keys().stream().filter(k -> !myKeys.contains(k)).toList()).orElse(List.of());
    }

    /** "Dec 6 10:04 by bob@desk-1 (work)"-style line for the other side, saying a delete plainly. */
    public String theirsLine(ZoneId zone) {
        return conflict.theirs().map(t -> (t.deleted() ? "Deleted by " : "Changed by ") + t.changedText(zone))
                .orElse("Deleted");
    }

    /** The action of the overwrite choice: what writing mine means here. */
    public String overwriteLabel() {
        if (mine == null) {
            return "Delete it anyway";
        }
        return conflict.deletedByThem() ? "Share mine again" : "Overwrite with mine";
    }

    /** The question in plain text, for a plain choice dialog and screen readers. */
    public String text(ZoneId zone) {
        StringBuilder b = new StringBuilder(conflict.getMessage()).append("\n\nTheirs: ").append(theirsLine(zone));
        theirs().ifPresent(t -> b.append(" \u2014 ").append(KeySetsViewModel.count(t.keys().size())));
        b.append("\nYours: ").append(mine == null ? "delete it" : KeySetsViewModel.count(mine.keys().size()));
        if (!onlyMine().isEmpty()) {
            b.append("\nOnly in yours: ").append(String.join(", ", onlyMine()));
        }
        if (!onlyTheirs().isEmpty()) {
            b.append("\nOnly in theirs: ").append(String.join(", ", onlyTheirs()));
        }
        return b.toString();
    }
}
