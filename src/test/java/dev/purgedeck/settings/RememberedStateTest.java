package dev.purgedeck.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.files.AtomicFiles;
import dev.purgedeck.files.Json;
import dev.purgedeck.files.StoreWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RememberedStateTest {
    @TempDir
    Path dir;

    @Test
    void valuesSurviveARestartAndMissingOnesHaveDefaults() {
        RememberedState p = RememberedState.load(dir, Json.newMapper());
        assertThat(p.get(Pref.WINDOW_MAXIMIZED)).isFalse();
        assertThat(p.get(Pref.WINDOW_WIDTH)).isEqualTo(1240.0);
        p.set(Pref.WINDOW_MAXIMIZED, true);
        p.set(Pref.WINDOW_X, 12.5);
        RememberedState again = RememberedState.load(dir, Json.newMapper());
        assertThat(again.get(Pref.WINDOW_MAXIMIZED)).isTrue();
        assertThat(again.get(Pref.WINDOW_X)).isEqualTo(12.5);
    }

    @Test
    void aBurstOfChangesIsWrittenOnceOffTheCallersThreadAndAllIsOnDiskAfterClose() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        StoreWriter writer = StoreWriter.start("test-store");
        // Keeps the writer busy while the burst arrives, as an fsync in progress would, so the count is exact.
        writer.schedule(dir.resolve("other.json"), () -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new byte[0];
        });
        RememberedState p = RememberedState.load(dir, Json.newMapper(), writer);
        for (int i = 0; i < 100; i++) {
            p.set(Pref.WINDOW_X, (double) i);
            p.set(Pref.LAST_MODE, i % 2 == 0 ? "KEYS" : "ALL");
        }
        assertThat(p.get(Pref.WINDOW_X)).as("in effect at once").isEqualTo(99.0);
        release.countDown();
        writer.close();
        assertThat(writer.writes()).as("200 changes, one write (plus the one that held the writer)").isEqualTo(2);
        RememberedState again = RememberedState.load(dir, Json.newMapper());
        assertThat(again.get(Pref.WINDOW_X)).isEqualTo(99.0);
        assertThat(again.get(Pref.LAST_MODE)).isEqualTo("ALL");
    }

    @Test
    void aCorruptOrOddFileMeansDefaultsNotACrash() throws Exception {
        Files.writeString(dir.resolve("preferences.json"), "{\"window.maximized\": \"banana\", \"window.width\": {\"x\":1}, ");
        RememberedState p = RememberedState.load(dir, Json.newMapper());
        assertThat(p.get(Pref.WINDOW_MAXIMIZED)).isFalse();
        Files.writeString(dir.resolve("preferences.json"), "{\"window.maximized\": \"banana\", \"window.width\": {\"x\":1}}");
        p = RememberedState.load(dir, Json.newMapper());
        assertThat(p.get(Pref.WINDOW_WIDTH)).isEqualTo(1240.0);
        p.set(Pref.LAST_MODE, "KEYS");
        assertThat(RememberedState.load(dir, Json.newMapper()).get(Pref.LAST_MODE)).isEqualTo("KEYS");
    }

    @Test
    void filesAreWrittenWholeAndOwnerOnly() throws Exception {
        Path f = dir.resolve("sub/file.json");
        AtomicFiles.write(f, "one".getBytes());
        AtomicFiles.write(f, "two".getBytes());
        assertThat(Files.readString(f)).isEqualTo("two");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-------");
        try (var s = Files.list(f.getParent())) {
            assertThat(s.map(x -> x.getFileName().toString())).containsExactly("file.json");
        }
    }

    @Test
    void environmentConnectionFollowsTheFastlyCliVariables() {
        assertThat(EnvironmentConnection.resolve(Map.of())).isEmpty();
        var c = EnvironmentConnection.resolve(Map.of("FASTLY_API_TOKEN", " abcdefghijklmnopqrstuvwxyz123456 ")).orElseThrow();
        assertThat(c.kind()).isEqualTo(Connection.Kind.FASTLY);
        assertThat(c.endpoint().toString()).isEqualTo("https://api.fastly.com");
        assertThat(c.toString()).doesNotContain("abcdefghij");
        var custom = EnvironmentConnection.resolve(
                Map.of("FASTLY_API_TOKEN", "t0123456789", "FASTLY_API_ENDPOINT", "http://127.0.0.1:9/")).orElseThrow();
        assertThat(custom.kind()).isEqualTo(Connection.Kind.CUSTOM);
        assertThat(EnvironmentConnection.serviceId(Map.of("FASTLY_SERVICE_ID", " abc "))).contains("abc");
    }
}
