package dev.purgedeck.context;

/**
 * Start-up phases on standard error when the environment sets {@code PURGEDECK_TRACE_STARTUP} to the moment the
 * process was started, in milliseconds since the epoch ({@code date +%s%3N}; installer/measure-startup.sh does this
 * for one run): each phase is printed as milliseconds since then. Costs nothing otherwise.
 */
public final class StartupTrace {
    private static final long LAUNCHED = launched(System.getenv("PURGEDECK_TRACE_STARTUP"));

    private StartupTrace() {
    }

    private static long launched(String value) {
        try {
            return value == null ? -1 : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return System.currentTimeMillis();
        }
    }

    public static void mark(String phase) {
        if (LAUNCHED >= 0) {
            System.err.printf("startup %5d ms  %s [%s]%n", System.currentTimeMillis() - LAUNCHED, phase,
                    Thread.currentThread().getName());
        }
    }
}
