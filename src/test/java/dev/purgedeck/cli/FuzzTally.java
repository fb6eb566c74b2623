package dev.purgedeck.cli;

import dev.purgedeck.fastly.Validation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Counts what a fuzz run tried, accepted and rejected, and keeps the inputs that broke a property. */
final class FuzzTally {
    /** One generated input checked against the properties; returns how it ended. */
    interface Property {
        Outcome check(FuzzTally t) throws Exception;
    }

    /** Marker for how an input ended; counted by the tally that made it. */
    enum Outcome { ACCEPTED, REJECTED }

    private final String area;
    private final List<String> escaped = new ArrayList<>();
    private int tried;
    private int accepted;
    private int rejected;

    FuzzTally(String area) {
        this.area = area;
    }

    Outcome accepted(Object input) {
        accepted++;
        return Outcome.ACCEPTED;
    }

    Outcome rejected(Object input) {
        rejected++;
        return Outcome.REJECTED;
    }

    void check(Property p) {
        tried++;
        try {
            p.check(this);
        } catch (Exception | AssertionError e) {
            if (escaped.size() < 20) {
                escaped.add(Validation.printable(String.valueOf(e), 400));
            } else {
                escaped.add("…");
            }
        }
    }

    void add(FuzzTally other) {
        tried += other.tried;
        accepted += other.accepted;
        rejected += other.rejected;
        escaped.addAll(other.escaped);
    }

    List<String> escaped() {
        return escaped;
    }

    String line() {
        return String.format(Locale.ROOT, "fuzz %s: %,d inputs tried, %,d accepted and sendable, %,d rejected with a "
                + "clear reason, %,d broke a property (exceptions escaped or wrong answers)", area, tried, accepted,
                rejected, escaped.size());
    }
}
