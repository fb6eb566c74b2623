package dev.purgedeck.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.purgedeck.keysets.KeySetFiles;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What a user hands PurgeDeck is read up to a cap, and no further. */
class BoundedFilesTest {
    @TempDir
    Path dir;

    /** An endless stream of zeros that counts what was taken from it. */
    private static final class Endless extends InputStream {
        final AtomicLong taken = new AtomicLong();

        @Override
        public int read() {
            taken.incrementAndGet();
            return 0;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            taken.addAndGet(len);
            return len;
        }
    }

    @Test
    void anEndlessStreamStopsJustPastTheCapWithAPlainMessage() {
        Endless zeros = new Endless();

        assertThatThrownBy(() -> BoundedFiles.readBytes(zeros, 1000, "stdin"))
                .isInstanceOf(InputTooLargeException.class).hasMessageStartingWith("stdin holds more than 1000 bytes");
        assertThat(zeros.taken.get()).isLessThanOrEqualTo(1000 + 8192);
    }

    @Test
    @Timeout(10)
    void devZeroAndAHugeSparseFileAreRefusedAtTenMebibytes() throws Exception {
        Path huge = dir.resolve("huge.txt");
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(4L * 1024 * 1024 * 1024); // 4 GiB, sparse: no disk used
        }

        assertThatThrownBy(() -> BoundedFiles.readText(Path.of("/dev/zero")))
                .isInstanceOf(InputTooLargeException.class).hasMessageContaining("/dev/zero holds more than 10 MiB");
        assertThatThrownBy(() -> BoundedFiles.readText(huge)).isInstanceOf(InputTooLargeException.class);
    }

    @Test
    void aLineLongerThanTheLineCapIsNamedByItsNumber() throws Exception {
        Path f = Files.writeString(dir.resolve("urls.txt"), "https://a.example/\n" + "x".repeat(BoundedFiles.MAX_LINE + 1)
                + "\n");

        assertThatThrownBy(() -> BoundedFiles.readText(f)).isInstanceOf(InputTooLargeException.class)
                .hasMessage(f + ": line 2 is longer than 64 KiB; PurgeDeck reads lines of at most that length");
        String atCap = "y".repeat(BoundedFiles.MAX_LINE);
        assertThat(BoundedFiles.text(atCap.getBytes(StandardCharsets.UTF_8), "x", BoundedFiles.MAX_LINE)).isEqualTo(atCap);
        assertThat(BoundedFiles.text((atCap + atCap).getBytes(StandardCharsets.UTF_8), "x", 0)).hasSize(2 * atCap.length());
    }

    @Test
    void textIsStrictUtf8WithoutItsBom() throws Exception {
        Path bom = Files.write(dir.resolve("bom.txt"), new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a', '\n'});
        Path latin1 = Files.write(dir.resolve("latin1.txt"), new byte[] {'c', 'a', 'f', (byte) 0xE9});

        assertThat(BoundedFiles.readText(bom)).isEqualTo("a\n");
        assertThatThrownBy(() -> BoundedFiles.readText(latin1)).isInstanceOf(CharacterCodingException.class);
    }

    @Test
    void keySetImportsAreCappedToo() {
        assertThatThrownBy(() -> KeySetFiles.readText("zeros", new Endless())).isInstanceOf(InputTooLargeException.class);
        assertThatThrownBy(() -> KeySetFiles.readJson(new Endless())).isInstanceOf(InputTooLargeException.class);
    }
}
