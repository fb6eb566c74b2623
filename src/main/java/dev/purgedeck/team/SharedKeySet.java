package dev.purgedeck.team;

import dev.purgedeck.keysets.KeySet;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * A key set shared with the team, as the team database holds it: the set itself, the version every change is
 * checked against, and who changed it last and when.
 *
 * @param set        name, description, service, soft and keys, checked as a personal set is
 * @param sampleUrls pages to look at after purging the set (may be empty)
 * @param version    1 when created, one more with every change (a delete is a change)
 * @param changedBy  who changed it last: "user@computer (profile)"
 * @param changedAt  when it was changed last, by the database's clock
 * @param deleted    true when someone deleted it (only seen as the other side of a conflict)
 */
public record SharedKeySet(KeySet set, List<String> sampleUrls, int version, String changedBy, Instant changedAt,
                           boolean deleted) {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MMM d HH:mm", Locale.US);

    public SharedKeySet {
        sampleUrls = sampleUrls == null ? List.of() : List.copyOf(sampleUrls);
        changedBy = changedBy == null ? "" : changedBy;
    }

    public String name() {
        return set.name();
    }

    public List<String> keys() {
        return set.keys();
    }

    /** "alice@desk-1 (work), Dec 6 10:02": who changed it last and when, for lists and the conflict dialog. */
    public String changedText(ZoneId zone) {
        return changedBy + (changedAt == null ? "" : ", " + WHEN.format(changedAt.atZone(zone)));
    }
}
