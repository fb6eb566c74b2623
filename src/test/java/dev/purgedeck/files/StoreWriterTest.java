package dev.purgedeck.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreWriterTest {
    @TempDir
    Path dir;

    @Test
    void changesWaitingForTheSameFileBecomeOneWriteOfTheLatest() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<String> threads = new CopyOnWriteArrayList<>();
        StoreWriter writer = StoreWriter.start("test-store", (target, bytes) -> {
            threads.add(Thread.currentThread().getName());
            AtomicFiles.write(target, bytes);
        });
        Path busy = dir.resolve("busy.json");
        Path file = dir.resolve("file.json");
        // Holds the writer's thread, so the burst below arrives while its write waits: deterministic, no timing.
        writer.schedule(busy, () -> {
            await(release);
            return bytes("busy");
        });
        CompletableFuture<?> first = null;
        CompletableFuture<?> last = null;
        for (int i = 1; i <= 50; i++) {
            String text = "v" + i;
            last = writer.schedule(file, () -> bytes(text));
            first = first == null ? last : first;
        }
        release.countDown();
        last.get(10, TimeUnit.SECONDS);
        assertThat(first).isSameAs(last);
        assertThat(Files.readString(file)).isEqualTo("v50");
        writer.close();
        assertThat(writer.writes()).isEqualTo(2);
        assertThat(threads).containsOnly("test-store");
    }

    @Test
    void aFailedWriteIsReportedThroughItsFutureAndTheNextOneStillRuns() throws Exception {
        StoreWriter writer = StoreWriter.start("test-store", (target, bytes) -> {
            if (new String(bytes, StandardCharsets.UTF_8).equals("bad")) {
                throw new AccessDeniedException(target.toString(), null, "no room");
            }
            AtomicFiles.write(target, bytes);
        });
        Path file = dir.resolve("f.json");
        CompletableFuture<Void> failed = writer.schedule(file, () -> bytes("bad"));
        assertThat(failed).failsWithin(10, TimeUnit.SECONDS);
        assertThat(StoreWriter.reason(failed.handle((v, e) -> e).get())).contains("no room");
        writer.schedule(file, () -> bytes("good")).get(10, TimeUnit.SECONDS);
        writer.close();
        assertThat(Files.readString(file)).isEqualTo("good");
    }

    @Test
    void closeWritesWhatIsPendingAndLaterChangesAreStillWritten() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        StoreWriter writer = StoreWriter.start("test-store", AtomicFiles::write);
        writer.schedule(dir.resolve("busy"), () -> {
            await(release);
            return bytes("x");
        });
        Path file = dir.resolve("f.json");
        writer.schedule(file, () -> bytes("pending at exit"));
        release.countDown();
        writer.close();
        assertThat(Files.readString(file)).isEqualTo("pending at exit");
        writer.schedule(file, () -> bytes("after close")).get(1, TimeUnit.SECONDS);
        assertThat(Files.readString(file)).isEqualTo("after close");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
