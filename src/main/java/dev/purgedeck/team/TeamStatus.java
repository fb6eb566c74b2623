package dev.purgedeck.team;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Where shipping to the team database stands.
 *
 * @param waiting      entries recorded here and not yet in the team database
 * @param offlineSince when shipping started failing, null while it works
 * @param problem      why it fails, in plain words, null while it works
 * @param database     the team database ({@link TeamSettings#describe()})
 * @param shipped      entries this process added to the team database
 */
public record TeamStatus(long waiting, Instant offlineSince, String problem, String database, long shipped) {
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");

    /** The header's words: "Team: 1,234 waiting (offline since 10:02)", "Team: up to date". */
    public String headerText(ZoneId zone) {
        String count = NumberFormat.getIntegerInstance(Locale.US).format(waiting);
        if (offlineSince != null) {
            return "Team: " + count + " waiting (offline since " + HOUR.format(offlineSince.atZone(zone)) + ")";
        }
        return waiting == 0 ? "Team: up to date" : "Team: " + count + " waiting";
    }
}
