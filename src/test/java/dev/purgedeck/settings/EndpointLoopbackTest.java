package dev.purgedeck.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.purgedeck.fastly.ApiToken;
import java.net.URI;
import org.junit.jupiter.api.Test;

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
}
