package dev.purgedeck.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EndpointsTest {
    @ParameterizedTest
    @ValueSource(strings = {"https://api.fastly.com", "https://purge-proxy.example.com:8443/fastly/",
            "HTTPS://API.EXAMPLE.COM", "http://127.0.0.1:8080", "http://127.9.9.9", "http://localhost",
            "http://LOCALHOST:3000/", "http://[::1]:9000", "http://[0:0:0:0:0:0:0:1]", "https://10.0.0.5",
            "  https://api.example.com  "})
    void httpsAnywhereAndHttpOnThisComputerAreAccepted(String text) {
        URI u = Endpoints.validateCustom(text);
        assertThat(u.toString()).doesNotEndWith("/").startsWith(u.getScheme().toLowerCase());
    }

    @Test
    void theResultIsABaseUrl() {
        assertThat(Endpoints.validateCustom("https://proxy.example.com/fastly//"))
                .isEqualTo(URI.create("https://proxy.example.com/fastly"));
        assertThat(Endpoints.validateCustom("HTTP://127.0.0.1:8080/")).isEqualTo(URI.create("http://127.0.0.1:8080"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://api.example.com", "http://10.0.0.5:8080", "http://128.0.0.1",
            "http://localhost.example.com", "http://[::2]", "http://127.0.0.1.nip.io", "http://2130706433"})
    void plainHttpToAnotherComputerIsRefusedInPlainWords(String text) {
        assertThatThrownBy(() -> Endpoints.validateCustom(text)).isInstanceOf(InvalidEndpointException.class)
                .hasMessage("http:// is only allowed for this computer (127.0.0.1 or localhost); use https:// for other hosts");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://files.example.com", "file:///etc/passwd", "ws://localhost:1"})
    void otherSchemesAreRefused(String text) {
        assertThatThrownBy(() -> Endpoints.validateCustom(text)).isInstanceOf(InvalidEndpointException.class)
                .hasMessageContaining("Only https://");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "not a url", "api.fastly.com", "localhost:8080", "https://", "https://exa mple.com",
            "https://user:secret@api.example.com", "https://api.example.com/?x=1", "https://api.example.com/#top",
            "https://api.example.com:99999", "https://bad_host.example.com", "mailto:ops@example.com"})
    void garbageIsRefusedWithoutRepeatingWhatWasTyped(String text) {
        assertThatThrownBy(() -> Endpoints.validateCustom(text)).isInstanceOf(InvalidEndpointException.class)
                .satisfies(e -> {
                    assertThat(e.getMessage()).isNotBlank();
                    if (!text.isBlank()) {
                        assertThat(e.getMessage()).doesNotContain(text.strip());
                    }
                    assertThat(e.getMessage()).doesNotContain("secret");
                });
        assertThatThrownBy(() -> Endpoints.validateCustom(null)).isInstanceOf(InvalidEndpointException.class);
    }

    @Test
    void aPastedTokenDoesNotEndUpInTheMessage() {
        String token = "AbCdEfGhIjKlMnOpQrStUvWxYz012345";
        assertThatThrownBy(() -> Endpoints.validateCustom(token)).hasMessageNotContaining(token);
        assertThatThrownBy(() -> Endpoints.validateCustom("https://" + token + "@x.example")).hasMessageNotContaining(token);
    }

    @Test
    void loopbackIsDecidedWithoutAskingDns() {
        assertThat(Endpoints.isLoopback(URI.create("http://127.0.0.1"))).isTrue();
        assertThat(Endpoints.isLoopback(URI.create("http://[::1]"))).isTrue();
        assertThat(Endpoints.isLoopback(URI.create("http://localhost"))).isTrue();
        assertThat(Endpoints.isLoopback(URI.create("http://[::ffff:127.0.0.1]"))).isTrue();
        assertThat(Endpoints.isLoopback(URI.create("http://localtest.me"))).as("resolves to 127.0.0.1, but is a name")
                .isFalse();
        assertThat(Endpoints.isLoopback(URI.create("http://999.0.0.1"))).isFalse();
        assertThat(Endpoints.isLoopback(null)).isFalse();
    }
}
