package dev.purgedeck.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Team connection settings: TLS off loopback, no password in URLs, password files checked as psql does. */
class TeamSettingsTest {
    @TempDir
    Path dir;

    @Test
    void aServerOffThisComputerNeedsVerifiedTlsWithAMessageAtTheField() {
        TeamSettings plain = new TeamSettings("db.example.invalid", 5432, "ops", "", "purgedeck", "require", "");
        assertThat(plain.problem()).hasValueSatisfying(p -> {
            assertThat(p.field()).isEqualTo("sslMode");
            assertThat(p.message()).contains("db.example.invalid", "verify-full");
        });
        TeamSettings verified = new TeamSettings("db.example.invalid", 5432, "ops", "", "purgedeck", "verify-full",
                "/etc/ssl/team-ca.pem");
        assertThat(verified.problem()).isEmpty();
        assertThat(verified.jdbcUrl()).contains("sslmode=verify-full", "sslrootcert=%2Fetc%2Fssl%2Fteam-ca.pem");
        assertThat(new TeamSettings("127.0.0.1", 5432, "ops", "", "u", "", "").problem()).isEmpty();
        assertThat(new TeamSettings("localhost", 0, "ops", "", "u", "", "").problem()).isEmpty();
        assertThat(new TeamSettings("::1", 0, "ops", "", "u", "", "").problem()).isEmpty();
        assertThat(new TeamSettings("10.0.0.5", 0, "ops", "", "u", "", "").problem()).isPresent();
    }

    @Test
    void missingFieldsAreNamedAndAServiceNameReplacesHostPortAndDatabase() {
        assertThat(new TeamSettings("", 0, "", "", "", "", "").problem()).hasValueSatisfying(
                p -> assertThat(p.field()).isEqualTo("host"));
        assertThat(new TeamSettings("localhost", 0, "", "", "u", "", "").problem()).hasValueSatisfying(
                p -> assertThat(p.field()).isEqualTo("database"));
        assertThat(new TeamSettings("localhost", 70000, "d", "", "u", "", "").problem()).hasValueSatisfying(
                p -> assertThat(p.field()).isEqualTo("port"));
        TeamSettings service = new TeamSettings("", 0, "", "ops", "", "", "");
        assertThat(service.problem()).isEmpty();
        assertThat(service.jdbcUrl()).startsWith("jdbc:postgresql://?service=ops&");
    }

    @Test
    void theSavedPasswordIsOwnerOnlyAndNeverInTheUrlOrAMessage() throws Exception {
        TeamPasswords passwords = new TeamPasswords(dir, Map.of(), dir);
        passwords.save("s3cret-Pw".toCharArray());
        Path file = dir.resolve(TeamPasswords.FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        TeamSettings s = new TeamSettings("127.0.0.1", 1, "ops", "", "u", "", "");
        assertThat(s.jdbcUrl()).doesNotContain("s3cret");
        TeamConnection c = new TeamConnection(s, passwords);
        assertThatThrownBy(c::open).isInstanceOf(TeamException.class)
                .hasMessageContaining("cannot be reached").hasMessageNotContaining("s3cret");
    }

    @Test
    void aPasswordFileOthersMayReadIsNotUsedAndTheUserIsToldWhy() throws IOException {
        Path pgpass = dir.resolve("pgpass");
        Files.writeString(pgpass, "*:*:*:*:s3cret\n");
        TeamPasswords passwords = new TeamPasswords(dir, Map.of("PGPASSFILE", pgpass.toString()), dir);
        Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(passwords.pgpassProblem()).hasValueSatisfying(m -> assertThat(m).contains("chmod 600")
                .doesNotContain("s3cret"));
        Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-------"));
        assertThat(passwords.pgpassProblem()).isEmpty();
        assertThat(new TeamPasswords(dir, Map.of(), dir).pgpassFile()).isEqualTo(dir.resolve(".pgpass"));
    }
}
