package dev.purgedeck.fastly;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The charset an answer is decoded in, as {@code BodyHandlers.ofString()} picks it. */
class TextBodiesTest {
    private static HttpHeaders type(String... values) {
        return HttpHeaders.of(values.length == 0 ? Map.of() : Map.of("Content-Type", List.of(values)), (a, b) -> true);
    }

    @Test
    void utf8UnlessTheContentTypeNamesAnother() {
        assertThat(TextBodies.charset(type())).isEqualTo(StandardCharsets.UTF_8);
        assertThat(TextBodies.charset(type("application/json"))).isEqualTo(StandardCharsets.UTF_8);
        assertThat(TextBodies.charset(type("application/json; charset=utf-8"))).isEqualTo(StandardCharsets.UTF_8);
        assertThat(TextBodies.charset(type("text/plain;charset=ISO-8859-1"))).isEqualTo(StandardCharsets.ISO_8859_1);
        assertThat(TextBodies.charset(type("text/plain; format=flowed; CHARSET=\"utf-16\"")))
                .isEqualTo(StandardCharsets.UTF_16);
    }

    @Test
    void anUnknownOrBrokenCharsetFallsBackToUtf8() {
        assertThat(TextBodies.charset(type("text/plain; charset=no-such-set"))).isEqualTo(StandardCharsets.UTF_8);
        assertThat(TextBodies.charset(type("text/plain; charset="))).isEqualTo(StandardCharsets.UTF_8);
        assertThat(TextBodies.charset(type("text/plain; charset=\"\""))).isEqualTo(StandardCharsets.UTF_8);
        assertThat(TextBodies.charset(type("text/plain; =utf-16"))).isEqualTo(StandardCharsets.UTF_8);
    }
}
