package dev.purgedeck.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 13 item 15: request timeout, retries and the job deadline are settings with checked ranges. */
class RequestLimitsSettingsTest {
    @Test
    void defaultsMatchTheClientAndEveryLimitIsChecked() {
        Settings d = Settings.defaults();
        assertThat(d.requestTimeoutSeconds()).isEqualTo(30);
        assertThat(d.retries()).isEqualTo(2);
        assertThat(d.retryPolicy().maxAttempts()).isEqualTo(3);
        assertThat(d.deadlineMinutes()).isZero();
        Settings s = d.withRequestTimeoutSeconds(5).withRetries(0).withDeadlineMinutes(10).withConcurrency(4);
        assertThat(s.retryPolicy().maxAttempts()).isEqualTo(1);
        assertThat(s.retryPolicy().baseDelay()).isEqualTo(Duration.ofMillis(250));
        assertThat(s.requestTimeoutSeconds()).isEqualTo(5);
        assertThat(s.deadlineMinutes()).isEqualTo(10);
        assertThatThrownBy(() -> d.withRequestTimeoutSeconds(0)).hasMessageContaining("timeout");
        assertThatThrownBy(() -> d.withRetries(11)).hasMessageContaining("Retries");
        assertThatThrownBy(() -> d.withDeadlineMinutes(-1)).hasMessageContaining("deadline");
    }

    @Test
    void theLimitsSurviveARestartAndABadStoredValueFallsBackToItsDefaultAlone(@TempDir Path dir) throws Exception {
        SettingsStore.open(dir).update(x -> x.withRequestTimeoutSeconds(7).withRetries(4).withDeadlineMinutes(15));
        Settings again = SettingsStore.open(dir).get();
        assertThat(again.requestTimeoutSeconds()).isEqualTo(7);
        assertThat(again.retries()).isEqualTo(4);
        assertThat(again.deadlineMinutes()).isEqualTo(15);

        Files.writeString(dir.resolve(SettingsStore.FILE), "{\"version\": 2, \"concurrency\": 3, \"retries\": 99}");
        Settings mixed = SettingsStore.open(dir).get();
        assertThat(mixed.concurrency()).isEqualTo(3);
        assertThat(mixed.retries()).isEqualTo(Settings.defaults().retries());
    }
}
