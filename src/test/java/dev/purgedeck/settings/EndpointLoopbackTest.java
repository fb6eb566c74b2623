package dev.purgedeck.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.purgedeck.fastly.ApiToken;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 13 item 7: only addresses that are this computer without asking DNS may take a token over plain http. */
class EndpointLoopbackTest {
    @Test
    void aTrailingDotMakesLocalhostADnsNameThatNeedsHttps() {
        assertThatThrownBy(() -> Endpoints.validateCustom("http://localhost.:8080"))
                .hasMessage(Endpoints.HTTP_OFF_LOOPBACK);
        assertThatThrownBy(() -> Endpoints.validateCustom("http://LOCALHOST.:8080/api"))
                .hasMessage(Endpoints.HTTP_OFF_LOOPBACK);
        assertThatThrownBy(() -> Endpoints.validateCustom("http://localhost.example.com"))
                .hasMessage(Endpoints.HTTP_OFF_LOOPBACK);
        assertThat(Endpoints.validateCustom("https://localhost.:8443")).hasToString("https://localhost.:8443");
    }

    @Test
    void plainHttpToLocalhostGoesToTheLoopbackAddressNotToWhateverTheResolverSays() {
        assertThat(Endpoints.validateCustom("http://LocalHost:8111/")).hasToString("http://127.0.0.1:8111");
        assertThat(Endpoints.validateCustom("http://localhost")).hasToString("http://127.0.0.1");
        assertThat(Endpoints.validateCustom("http://127.0.0.2:9/x")).hasToString("http://127.0.0.2:9/x");
        assertThat(Endpoints.validateCustom("http://[::1]:9")).hasToString("http://[::1]:9");
    }

    @Test
    void noConnectionCanCarryATokenOverPlainHttpToAnotherComputer() {
        ApiToken t = ApiToken.of("abcdefghijklmnopqrstuvwxyz012345");
        assertThatThrownBy(() -> new Connection(Connection.Kind.CUSTOM, URI.create("http://example.invalid"), t))
                .isInstanceOf(InvalidEndpointException.class);
        assertThatThrownBy(() -> new Connection(Connection.Kind.CUSTOM, URI.create("http://localhost.:80"), t))
                .isInstanceOf(InvalidEndpointException.class);
        assertThat(new Connection(Connection.Kind.SANDBOX, URI.create("http://127.0.0.1:80"), t).endpoint())
                .isEqualTo(URI.create("http://127.0.0.1:80"));
    }

    @Test
    void aFastlyCliTokenWhoseApiEndpointIsRefusedIsOfferedButNeverConnectsAnywhere(@TempDir Path dir)
            throws Exception {
        Path config = dir.resolve("config.toml");
        Files.writeString(config, "[fastly]\napi_endpoint = \"http://example.invalid\"\n\n[auth.tokens.work]\n"
                + "token = \"abcdefghijklmnopqrstuvwxyz012345\"\ntype = \"static\"\n");
        ProfileStore store = ProfileStore.open(dir.resolve("data"), Map.of(), config);
        Profile p = store.find("Fastly CLI: work").orElseThrow();

        assertThat(p.endpoint()).isEqualTo(URI.create("http://example.invalid"));
        assertThat(p.description()).contains("api_endpoint is refused");
        assertThatThrownBy(() -> store.connectionFor(p, null, null)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("api_endpoint is refused").hasMessageContaining("nothing is sent");
        assertThat(store.problems()).anySatisfy(m -> assertThat(m).contains("api_endpoint is refused"));
    }
}
