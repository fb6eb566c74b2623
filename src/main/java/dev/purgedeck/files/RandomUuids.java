package dev.purgedeck.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Random (version 4) UUIDs from the system's random device, as the JDK's own "NativePRNG" reads it, without the JDK's
 * security-provider framework: setting that up for the first {@link UUID#randomUUID()} cost a purge from the command
 * line about 17 ms before its first request (docs/performance.md §13). Where there is no such device (Windows), or it
 * cannot be read, the UUID is {@link UUID#randomUUID()}'s.
 */
public final class RandomUuids {
    private static final Path DEVICE = Path.of("/dev/urandom");

    private RandomUuids() {
    }

    /** A new random UUID. */
    public static UUID next() {
        return next(DEVICE);
    }

    /** A new random UUID drawn from {@code device}, or from {@link UUID#randomUUID()} when it cannot be read. */
    static UUID next(Path device) {
        byte[] b = new byte[16];
        try (InputStream in = Files.newInputStream(device)) {
            if (in.readNBytes(b, 0, 16) != 16) {
                return UUID.randomUUID();
            }
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return UUID.randomUUID();
        }
        b[6] = (byte) ((b[6] & 0x0f) | 0x40); // version 4
        b[8] = (byte) ((b[8] & 0x3f) | 0x80); // the IETF variant
        long msb = 0;
        long lsb = 0;
        for (int i = 0; i < 8; i++) {
            msb = (msb << 8) | (b[i] & 0xff);
            lsb = (lsb << 8) | (b[i + 8] & 0xff);
        }
        return new UUID(msb, lsb);
    }
}
