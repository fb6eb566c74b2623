package dev.purgedeck.cli;

import dev.purgedeck.fastly.RetryPolicy;
import dev.purgedeck.settings.Settings;
import java.time.Duration;

/**
 * How long a purge may take: the job's deadline (null for none), each request's timeout and the retry policy, from
 * the options where given and else from the window's settings, checked before anything is sent.
 */
record Limits(Duration deadline, Duration timeout, RetryPolicy retry) {
    static Limits of(Settings s, Duration deadline, Duration timeout, Integer retries) {
        if (timeout != null && timeout.compareTo(Duration.ofSeconds(Settings.MAX_TIMEOUT_SECONDS)) > 0) {
            throw CliFailure.usage("--timeout must be at most " + Settings.MAX_TIMEOUT_SECONDS + "s");
        }
        if (retries != null && (retries < 0 || retries > Settings.MAX_RETRIES)) {
            throw CliFailure.usage("--retries must be between 0 and " + Settings.MAX_RETRIES);
        }
        Settings chosen = retries == null ? s : s.withRetries(retries);
        Duration d = deadline != null ? deadline
                : s.deadlineMinutes() > 0 ? Duration.ofMinutes(s.deadlineMinutes()) : null;
        Duration t = timeout != null ? timeout : Duration.ofSeconds(s.requestTimeoutSeconds());
        return new Limits(d, t, chosen.retryPolicy());
    }
}
