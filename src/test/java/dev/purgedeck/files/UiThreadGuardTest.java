package dev.purgedeck.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class UiThreadGuardTest {
    @Test
    void theBuildRunsTestsInStrictMode() {
        assertThat(Boolean.getBoolean(UiThreadGuard.STRICT_PROPERTY))
                .as("surefire must set -D%s=true so that writes on the UI thread fail tests", UiThreadGuard.STRICT_PROPERTY)
                .isTrue();
    }

    @Test
    void refusesOnAThreadNamedLikeJavaFxsAndAllowsElsewhere() throws InterruptedException {
        assertThatCode(() -> UiThreadGuard.checkNotUiThread("write x")).doesNotThrowAnyException();

        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread fx = new Thread(() -> {
            try {
                UiThreadGuard.checkNotUiThread("write settings.json");
            } catch (Throwable t) {
                thrown.set(t);
            }
        }, UiThreadGuard.FX_THREAD_NAME);
        fx.start();
        fx.join();
        assertThat(thrown.get()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("write settings.json");
        assertThatThrownBy(() -> {
            throw thrown.get();
        }).hasMessageContaining("UI thread");
    }
}
