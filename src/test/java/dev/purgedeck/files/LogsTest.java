package dev.purgedeck.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the app's loggers pass to Java's logging: what it would show by default, never debug chatter. */
class LogsTest {
    private final List<LogRecord> seen = new ArrayList<>();
    private final Logger jul = Logger.getLogger(LogsTest.class.getName());
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord r) {
            seen.add(r);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        jul.addHandler(handler);
        jul.setLevel(Level.ALL); // even so, debug is dropped unless logging is configured on the command line
    }

    @AfterEach
    void stop() {
        jul.removeHandler(handler);
        jul.setLevel(null);
    }

    @Test
    void warningsAndInfoReachJavasLoggingWithTheirArgumentsAndErrors() {
        System.Logger log = Logs.of(LogsTest.class);
        IllegalStateException boom = new IllegalStateException("boom");

        log.log(System.Logger.Level.WARNING, "The history could not be written", boom);
        log.log(System.Logger.Level.INFO, "Purged {0} URLs", 3);

        assertThat(log.getName()).isEqualTo(LogsTest.class.getName());
        assertThat(seen).extracting(LogRecord::getLevel).containsExactly(Level.WARNING, Level.INFO);
        assertThat(seen.get(0).getThrown()).isSameAs(boom);
        assertThat(seen.get(1).getParameters()).containsExactly(3);
        assertThat(log.isLoggable(System.Logger.Level.ERROR)).isTrue();
    }

    @Test
    void debugAndTraceAreDroppedUnlessLoggingIsConfigured() {
        System.Logger log = Logs.of(LogsTest.class);

        log.log(System.Logger.Level.DEBUG, "Purged {0}: status {1}", "https://www.example.com/", 200);
        log.log(System.Logger.Level.TRACE, () -> "never built");

        assertThat(System.getProperty("java.util.logging.config.file")).isNull();
        assertThat(seen).isEmpty();
        assertThat(log.isLoggable(System.Logger.Level.DEBUG)).isFalse();
    }
}
