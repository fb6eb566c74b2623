package dev.purgedeck.keysets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeySetTest {
    private static final String SERVICE = "SU1Z0isxPaozGVKXdv0eY";

    @Test
    void textIsTrimmedAndAbsentFieldsAreEmptyNotNull() {
        KeySet s = new KeySet("  Homepage \n", " front page\t", " " + SERVICE + " ", " www ", List.of("a"), true, null, null);
        assertThat(s.name()).isEqualTo("Homepage");
        assertThat(s.description()).isEqualTo("front page");
        assertThat(s.serviceId()).isEqualTo(SERVICE);
        assertThat(s.serviceName()).isEqualTo("www");
        KeySet bare = new KeySet("x", null, null, null, null, false, null, null);
        assertThat(bare.description()).isEmpty();
        assertThat(bare.serviceId()).isEmpty();
        assertThat(bare.serviceName()).isEmpty();
        assertThat(bare.keys()).isEmpty();
    }

    @Test
    void namesAreOneToEightyCharactersWithoutControlCharacters() {
        assertThat(KeySet.of("n".repeat(80), List.of()).name()).hasSize(80);
        assertThat(KeySet.of(" " + "n".repeat(80) + " ", List.of()).name()).hasSize(80);
        // Characters, not UTF-16 units: 80 emoji are fine.
        assertThat(KeySet.of("🙂".repeat(80), List.of()).name()).hasSize(160);
        assertThatThrownBy(() -> KeySet.of("n".repeat(81), List.of())).isInstanceOf(InvalidKeySetException.class)
                .hasMessageContaining("at most 80").hasMessageContaining("81");
        assertThatThrownBy(() -> KeySet.of("   ", List.of())).isInstanceOf(InvalidKeySetException.class)
                .hasMessage("A key set needs a name.");
        assertThatThrownBy(() -> KeySet.of(null, List.of())).isInstanceOf(InvalidKeySetException.class);
        assertThatThrownBy(() -> KeySet.of("a\nb", List.of())).hasMessageContaining("line breaks");
    }

    @Test
    void keysAreValidatedDeduplicatedInOrderAndImmutable() {
        KeySet s = KeySet.of("k", List.of("b", "a", "b", "c", "a"));
        assertThat(s.keys()).containsExactly("b", "a", "c");
        assertThatThrownBy(() -> s.keys().add("d")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> KeySet.of("k", Arrays.asList("ok", "has space", null, "é")))
                .isInstanceOf(InvalidKeySetException.class)
                .hasMessageStartingWith("3 keys are not valid: key 2 'has space' contains a space")
                .hasMessageContaining("key 3 '' is empty").hasMessageContaining("key 4 'é'");
        assertThatThrownBy(() -> KeySet.of("k", List.of("x".repeat(1025)))).hasMessageContaining("longer than 1024 bytes");
    }

    @Test
    void aServiceNeedsAValidIdAndBlankClearsIt() {
        assertThatThrownBy(() -> KeySet.of("k", List.of()).withService("not an id", "www")).isInstanceOf(InvalidKeySetException.class)
                .hasMessageContaining("is not a service ID");
        assertThatThrownBy(() -> KeySet.of("k", List.of()).withService("", "www")).hasMessageContaining("has no service ID");
        KeySet s = KeySet.of("k", List.of()).withService(SERVICE, "www").withService(" ", null);
        assertThat(s.serviceId()).isEmpty();
        assertThat(s.serviceName()).isEmpty();
    }

    @Test
    void withersChangeOneThingAndKeepTheTimes() {
        Instant t = Instant.parse("2026-01-02T03:04:05Z");
        KeySet s = new KeySet("a", "", "", "", List.of("k"), false, t, t);
        KeySet changed = s.withName("b").withDescription("d").withKeys(List.of("x", "y")).withService(SERVICE, "www").withSoft(true);
        assertThat(changed).isEqualTo(new KeySet("b", "d", SERVICE, "www", List.of("x", "y"), true, t, t));
        assertThatThrownBy(() -> s.withKeys(List.of("bad key"))).isInstanceOf(InvalidKeySetException.class);
    }
}
