package dev.purgedeck.keysets;

import dev.purgedeck.testsupport.ManualClock;
import java.time.Instant;

/** A clock the test moves by hand, so created/updated times and set-aside names are predictable. */
final class TestClock extends ManualClock {

    TestClock(String start) {
        super(Instant.parse(start));
    }
}
