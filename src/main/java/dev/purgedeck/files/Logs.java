package dev.purgedeck.files;

import java.util.ResourceBundle;

/**
 * The app's loggers: {@link System.Logger}s that set the logging system up only when something is logged at a level
 * it would show. Java's own logging ({@code java.util.logging}) shows INFO and above unless it is configured, and
 * setting it up reads its configuration and loads some 40 classes, about 20 ms of every command-line run although
 * a purge logs nothing at those levels (docs/performance.md §11). So DEBUG and TRACE messages are dropped here
 * without asking it, unless {@code -Djava.util.logging.config.file} (or {@code .class}) configures it, which is how
 * debug logging is turned on; everything else goes to {@code System.getLogger}, created on first use.
 */
public final class Logs {
    private static final boolean CONFIGURED = System.getProperty("java.util.logging.config.file") != null
            || System.getProperty("java.util.logging.config.class") != null;

    private Logs() {
    }

    /** The logger named after {@code owner}, as {@code System.getLogger(owner.getName())} would give it. */
    public static System.Logger of(Class<?> owner) {
        return new Lazy(owner.getName());
    }

    /** Creates its logger when a message at a level that may be shown arrives. */
    private static final class Lazy implements System.Logger {
        private final String name;
        private volatile System.Logger logger;

        Lazy(String name) {
            this.name = name;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public boolean isLoggable(Level level) {
            return (CONFIGURED || level.getSeverity() >= Level.INFO.getSeverity()) && logger().isLoggable(level);
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
            if (isLoggable(level)) {
                logger().log(level, bundle, msg, thrown);
            }
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
            if (isLoggable(level)) {
                logger().log(level, bundle, format, params);
            }
        }

        private System.Logger logger() {
            System.Logger l = logger;
            if (l == null) {
                l = System.getLogger(name);
                logger = l;
            }
            return l;
        }
    }
}
