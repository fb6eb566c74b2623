package dev.purgedeck.fastly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The command line's client ({@link LeanHttpClient#direct}) follows the system's proxy settings: what goes through a
 * proxy is the JDK client's, what the selector sends direct (as for {@code http.nonProxyHosts}) stays lean; a path
 * beyond ASCII goes to the JDK client too, which encodes it right.
 */
class LeanProxyTest extends LeanWireFixture {
    private final Queue<String> proxied = new ConcurrentLinkedQueue<>();
    private final LeanHttpClient direct = LeanHttpClient.direct(Duration.ofSeconds(5), threads);
    private ProxySelector saved;

    @BeforeEach
    void keepTheSystemSelector() {
        saved = ProxySelector.getDefault();
    }

    @AfterEach
    void restoreTheSystemSelector() {
        ProxySelector.setDefault(saved);
    }

    /** The system's proxy is a plain server: only the JDK client asks it with an absolute URL or CONNECT. */
    private ScriptedServer proxy() throws IOException {
        return new ScriptedServer(threads, c -> {
            proxied.add(c.request());
            c.send("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n");
        });
    }

    /** A selector as -Dhttp.proxyHost with -Dhttp.nonProxyHosts=127.0.0.1 makes: everything else via the proxy. */
    private static ProxySelector except127(URI proxy) {
        return new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                return "127.0.0.1".equals(uri.getHost()) ? List.of(Proxy.NO_PROXY) : List.of(new Proxy(
                        Proxy.Type.HTTP, new InetSocketAddress(proxy.getHost(), proxy.getPort())));
            }

            @Override
            public void connectFailed(URI uri, SocketAddress sa, IOException e) {
                // Nothing to remember: each test makes its own selector.
            }
        };
    }

    private static HttpRequest purge(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5))
                .method("PURGE", HttpRequest.BodyPublishers.noBody()).build();
    }

    @Test
    void anHttpPurgeThroughTheSystemProxyIsTheJdkClients() throws Exception {
        server = proxy();
        ProxySelector.setDefault(except127(server.uri("")));
        HttpResponse<String> r = direct.send(purge(URI.create("http://site.invalid/a")),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(proxied).containsExactly("PURGE http://site.invalid/a HTTP/1.1");
        assertThat(r.getClass()).isNotEqualTo(LeanResponse.class);
        assertThat(direct.leanRequests()).isZero();
    }

    @Test
    void anHttpsPurgeThroughTheSystemProxyIsTunnelledByTheJdkClient() throws Exception {
        server = proxy();
        ProxySelector.setDefault(except127(server.uri("")));
        // The proxy refuses the tunnel: the request fails, but it was the JDK client that asked for one.
        assertThatThrownBy(() -> direct.send(purge(URI.create("https://site.invalid/a")),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
        assertThat(proxied).containsExactly("CONNECT site.invalid:443 HTTP/1.1");
        assertThat(direct.leanRequests()).isZero();
    }

    @Test
    void aPathWithCharactersBeyondAsciiIsSentEncodedByTheJdkClient() throws Exception {
        server = new ScriptedServer(threads, c -> {
            proxied.add(c.request());
            c.send("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
        });
        HttpResponse<String> r = client.send(purge(server.uri("/purge/caf\u00e9/\u4e2d?q=\u00fc")),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.body()).isEqualTo("ok");
        assertThat(proxied).containsExactly("PURGE /purge/caf%C3%A9/%E4%B8%AD?q=%C3%BC HTTP/1.1");
        assertThat(client.leanRequests()).isZero();
        assertThat(client.send(purge(server.uri("/purge/plain")), HttpResponse.BodyHandlers.ofString()).toString())
                .isEqualTo("(PURGE " + server.uri("/purge/plain") + ") 200");
    }

    @Test
    void aHostTheSystemSelectorSendsDirectStaysLean() throws Exception {
        ScriptedServer origin = new ScriptedServer(threads, c -> {
            c.request();
            c.send("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
        });
        try (origin) {
            server = proxy();
            ProxySelector.setDefault(except127(server.uri("")));
            HttpResponse<String> r = direct.send(purge(origin.uri("/a")), HttpResponse.BodyHandlers.ofString());
            assertThat(r.body()).isEqualTo("ok");
            assertThat(r.getClass()).isEqualTo(LeanResponse.class);
            assertThat(direct.leanRequests()).isEqualTo(1);
            assertThat(proxied).isEmpty();
        }
    }

    /** The system's selector is asked once per origin; a selector set in its place is asked from then on. */
    @Test
    void aSelectorSetInPlaceOfTheSystemsIsFollowedAtOnce() throws Exception {
        server = proxy();
        HttpRequest first = purge(URI.create("http://site.invalid:1/a"));
        assertThat(ProxySelector.getDefault().select(first.uri()).get(0).type()).isEqualTo(Proxy.Type.DIRECT);
        // Direct, by the system's selector: the lean client tries to connect and cannot resolve the host.
        assertThatThrownBy(() -> direct.send(first, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(java.net.ConnectException.class);
        assertThat(direct.leanRequests()).isEqualTo(1);
        ProxySelector.setDefault(except127(server.uri("")));
        HttpResponse<String> r = direct.send(purge(URI.create("http://site.invalid:1/b")),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(proxied).containsExactly("PURGE http://site.invalid:1/b HTTP/1.1");
        assertThat(direct.leanRequests()).isEqualTo(1);
    }
}
