package dev.purgedeck.team;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * The team's shared key sets as last read: from the database, or, when it cannot be reached, from the offline copy
 * in the data folder (read only until the database is back).
 *
 * @param sets         the shared sets, by name ignoring case
 * @param offlineSince when reading the database started failing; null when the list is fresh from it
 * @param problem      why the database could not be read, in plain words; null when it could
 */
public record SharedListing(List<SharedKeySet> sets, Instant offlineSince, String problem) {
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");

    public SharedListing {
        sets = List.copyOf(sets);
    }

    public boolean offline() {
        return offlineSince != null;
    }

    /** The shared set with this name, ignoring case and surrounding spaces. */
    public Optional<SharedKeySet> find(String name) {
        return name == null ? Optional.empty()
                : sets.stream().filter(s -> s.name().equalsIgnoreCase(name.strip())).findFirst();
    }

    /** "offline since 10:02" while the list comes from the offline copy; empty while it is fresh. */
    public String offlineText(ZoneId zone) {
        return offline() ? "offline since " + HOUR.format(offlineSince.atZone(zone)) : "";
    }
}
