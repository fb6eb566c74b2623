package dev.purgedeck.cli;

import dev.purgedeck.fastly.ServiceNameMatch;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The guard on purging everything, as in the window: a script says {@code --yes}; a person at a terminal types the
 * service's name (its ID when the token may not read names). Anything else sends nothing.
 */
final class PurgeAllConfirmation {
    static final String NEEDS_YES =
            "purging everything needs --yes (or run it in a terminal to confirm by typing the service name)";

    private PurgeAllConfirmation() {
    }

    /** Refuses before any request when nobody can confirm: no --yes and no terminal. */
    static void precheck(CliContext ctx, boolean yes) {
        if (!yes && !ctx.terminal()) {
            throw CliFailure.usage(NEEDS_YES);
        }
    }

    static void require(CliContext ctx, boolean yes, ServiceResolver.Service service) {
        if (yes) {
            return;
        }
        precheck(ctx, false);
        boolean byName = !service.name().isBlank();
        String expected = byName ? service.name() : service.id();
        // The prompt goes to stderr so that stdout stays a clean table or JSON document.
        ctx.err().print("This removes everything cached for " + service.label() + ", at once and not softly.\n"
                + "Type the service " + (byName ? "name" : "ID") + " to confirm: ");
        ctx.err().flush();
        String typed = readLine(ctx.in());
        // Any dash for a dash, as in the window; letters must match exactly so the confirmation stays deliberate.
        if (!ServiceNameMatch.exactly(typed, expected)) {
            throw CliFailure.usage("not confirmed" + (typed == null ? " (no answer)" : ": that is not '" + expected + "'")
                    + "; nothing was purged");
        }
    }

    /** One line, read byte by byte so nothing after it is taken from the caller's stream; null at end of input. */
    static String readLine(InputStream in) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try {
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
                }
                line.write(b);
            }
        } catch (IOException e) {
            return null;
        }
        return line.toString(StandardCharsets.UTF_8);
    }
}
