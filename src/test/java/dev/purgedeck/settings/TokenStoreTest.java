package dev.purgedeck.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.purgedeck.fastly.ApiToken;
import dev.purgedeck.files.AtomicFiles;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenStoreTest {
    static final String SECRET = "tokTYPEDjjjjjjjjjjjjjjjjjjjjjj10";
    static final String OTHER = "tokOTHERkkkkkkkkkkkkkkkkkkkkkkk11";

    @TempDir
    Path dir;

    @Test
    void storedTokensSurviveARestartAndCanBeRemoved() throws Exception {
        TokenStore s = TokenStore.open(dir);
        assertThat(s.get("Staging")).isEmpty();
        s.put("Staging", ApiToken.of(SECRET));
        s.put("Prod \u201cEU\u201d", ApiToken.of(OTHER));
        TokenStore again = TokenStore.open(dir);
        assertThat(again.get("Staging")).contains(ApiToken.of(SECRET));
        assertThat(again.get("Prod \u201cEU\u201d")).contains(ApiToken.of(OTHER));
        assertThat(again.names()).containsExactlyInAnyOrder("Staging", "Prod \u201cEU\u201d");
        again.remove("Staging");
        again.remove("never there");
        assertThat(TokenStore.open(dir).get("Staging")).isEmpty();
        assertThat(TokenStore.open(dir).problem()).isEmpty();
        assertThat(again.toString()).doesNotContain(SECRET, OTHER);
    }

    @Test
    void theFileIsOwnerOnlyAndLeavesNoTemporaryCopy() throws Exception {
        assumeTrue(posix());
        TokenStore s = TokenStore.open(dir);
        s.put("Staging", ApiToken.of(SECRET));
        assertThat(perms(s.file())).isEqualTo("rw-------");
        s.put("Other", ApiToken.of(OTHER));
        assertThat(perms(s.file())).isEqualTo("rw-------");
        try (var files = Files.list(dir)) {
            // The empty lock file that makes updates atomic across processes stays by design (see StoreLock).
            assertThat(files.map(f -> f.getFileName().toString()).filter(n -> !n.endsWith(".lock")))
                    .containsExactly(TokenStore.FILE);
        }
    }

    /**
     * "Never world-readable, even briefly": TokenStore.put → JsonFiles.write → AtomicFiles.write(target, bytes), which
     * creates a new temporary file with CREATE_NEW and the owner-only attribute in the same open call, writes, forces
     * and renames it over tokens.json (a rename keeps the inode and its permissions). This test watches that very
     * call at the moment the file exists but holds no byte yet: it is already rw-------, so there is no window in
     * which a chmod would still be pending.
     */
    @Test
    void theOwnerOnlyPermissionIsThereWhenTheFileIsCreatedBeforeItsFirstByte() throws Exception {
        assumeTrue(posix());
        List<String> seen = new ArrayList<>();
        AtomicFiles.write(dir.resolve(TokenStore.FILE), SECRET.getBytes(), created -> {
            try {
                seen.add(perms(created) + " " + Files.size(created));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        assertThat(seen).containsExactly("rw------- 0");
        assertThat(perms(dir.resolve(TokenStore.FILE))).isEqualTo("rw-------");
    }

    @Test
    void aFileThatOthersCouldReadIsReplacedByAnOwnerOnlyOne() throws Exception {
        assumeTrue(posix());
        TokenStore.open(dir).put("Staging", ApiToken.of(SECRET));
        Path file = dir.resolve(TokenStore.FILE);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        TokenStore s = TokenStore.open(dir);
        assertThat(perms(file)).isEqualTo("rw-------");
        assertThat(s.get("Staging")).contains(ApiToken.of(SECRET));
        assertThat(s.problem()).hasValueSatisfying(p -> assertThat(p).contains("readable by you only"));
    }

    @Test
    void aDamagedFileIsReportedWithoutItsContentAndReplacedOnTheNextPut() throws Exception {
        Files.writeString(dir.resolve(TokenStore.FILE), "{\"version\":1,\"tokens\":{\"Staging\": " + SECRET + "}}");
        TokenStore s = TokenStore.open(dir);
        assertThat(s.get("Staging")).isEmpty();
        assertThat(s.problem()).hasValueSatisfying(p -> assertThat(p).contains("damaged").contains("line 1")
                .doesNotContain(SECRET));
        s.put("Other", ApiToken.of(OTHER));
        assertThat(TokenStore.open(dir).get("Other")).contains(ApiToken.of(OTHER));
        assertThat(TokenStore.open(dir).problem()).isEmpty();
    }

    static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    static String perms(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
