package dev.purgedeck.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Job and entry IDs are random version-4 UUIDs, unique across processes: they name entries in the team database. */
class RandomUuidsTest {
    @TempDir
    Path dir;

    @Test
    void eachIsARandomVersion4UuidAndNoneRepeats() {
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            UUID u = RandomUuids.next();
            assertThat(u.version()).isEqualTo(4);
            assertThat(u.variant()).isEqualTo(2);
            assertThat(seen.add(u)).as("drawn twice: %s", u).isTrue();
        }
    }

    @Test
    void theBytesOfTheDeviceAreTheUuidsSaveItsVersionAndVariant() throws Exception {
        Path device = Files.write(dir.resolve("random"), new byte[] {
            (byte) 0xff, 0x11, 0x22, 0x33, 0x44, 0x55, (byte) 0xff, 0x77,
            (byte) 0xff, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07});
        assertThat(RandomUuids.next(device)).hasToString("ff112233-4455-4f77-bf01-020304050607");
    }

    @Test
    void withoutADeviceTheUuidIsTheJdksRandomOne() {
        UUID u = RandomUuids.next(dir.resolve("no-such-device"));
        assertThat(u.version()).isEqualTo(4);
        assertThat(u).isNotEqualTo(RandomUuids.next(dir.resolve("no-such-device")));
    }

    @Test
    void aDeviceThatEndsTooSoonIsNotUsed() throws Exception {
        Path device = Files.write(dir.resolve("short"), new byte[8]);
        UUID u = RandomUuids.next(device);
        assertThat(u.version()).isEqualTo(4);
        assertThat(u).isNotEqualTo(UUID.fromString("00000000-0000-4000-8000-000000000000"));
    }
}
