package dev.purgedeck.fastly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS in the lean client is the JDK client's: the certificate must be trusted by the client's SSLContext and name
 * the host that was asked for. A server on 127.0.0.1 with a certificate for {@code localhost} only (made by keytool).
 */
class LeanHttpsTest {
    private static final char[] PASSWORD = "changeit".toCharArray();
    private static HttpsServer server;
    private static SSLContext trusting;
    private static SSLContext serverTls;
    /** What the server saw of each request: the client's port and the names it asked for (SNI). */
    private static final Queue<String> seen = new ConcurrentLinkedQueue<>();
    private static ExecutorService threads;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        Path store = dir.resolve("localhost.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "localhost", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", "changeit")
                .redirectErrorStream(true).start();
        String out = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(out).isZero();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, PASSWORD);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, PASSWORD);
        serverTls = SSLContext.getInstance("TLS");
        serverTls.init(kmf.getKeyManagers(), null, null);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        trusting = SSLContext.getInstance("TLS");
        trusting.init(null, tmf.getTrustManagers(), null);

        threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "lean-https-test");
            t.setDaemon(true);
            return t;
        });
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverTls));
        server.createContext("/", ex -> {
            seen.add(ex.getRemoteAddress().getPort() + " "
                    + ((ExtendedSSLSession) ((HttpsExchange) ex).getSSLSession()).getRequestedServerNames());
            byte[] body = "{\"status\":\"ok\",\"id\":\"1-2\"}".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.setExecutor(threads);
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
        threads.shutdownNow();
    }

    private static LeanHttpClient lean(SSLContext tls) {
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
        return new LeanHttpClient((tls == null ? b : b.sslContext(tls)).build(), threads);
    }

    private static HttpResponse<String> purge(LeanHttpClient client, String host, int port) throws Exception {
        URI uri = URI.create("https://" + host + ":" + port + "/purge/x");
        return client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aTrustedCertificateForTheHostIsAcceptedAndTheHostNamedInTheHandshake() throws Exception {
        seen.clear();
        LeanHttpClient client = lean(trusting);
        HttpResponse<String> r = purge(client, "localhost", server.getAddress().getPort());
        HttpResponse<String> again = purge(client, "localhost", server.getAddress().getPort());
        assertThat(r.body()).isEqualTo("{\"status\":\"ok\",\"id\":\"1-2\"}");
        assertThat(again.body()).isEqualTo(r.body());
        assertThat(r.sslSession()).isPresent();
        // The lean client's own TLS, not the JDK client's: its answer, and the count of what it took itself.
        assertThat(r.getClass()).isEqualTo(LeanResponse.class);
        assertThat(client.leanRequests()).isEqualTo(2);
        // One kept-alive connection for both (same client port), with SNI for the host name.
        List<String> requests = List.copyOf(seen);
        assertThat(requests).hasSize(2);
        assertThat(requests.get(1)).isEqualTo(requests.get(0)).endsWith(" [type=host_name (0), value=localhost]");
    }

    @Test
    void aCertificateForAnotherHostIsRefused() {
        // Trusted, but it names localhost, not 127.0.0.1: host-name verification must refuse it.
        LeanHttpClient client = lean(trusting);
        assertThatThrownBy(() -> purge(client, "127.0.0.1", server.getAddress().getPort()))
                .isInstanceOf(SSLHandshakeException.class)
                .hasStackTraceContaining("No subject alternative names matching IP address 127.0.0.1");
        assertThat(client.leanRequests()).isEqualTo(1);
    }

    @Test
    void aCertificateTheClientDoesNotTrustIsRefused() {
        LeanHttpClient client = lean(null);
        assertThatThrownBy(() -> purge(client, "localhost", server.getAddress().getPort()))
                .isInstanceOf(SSLHandshakeException.class);
        assertThat(client.leanRequests()).isEqualTo(1);
    }

    @Test
    void bytesThatArriveOnAnIdleTlsConnectionAreNotTheNextPurgesAnswer() throws Exception {
        CountDownLatch answered = new CountDownLatch(1);
        CountDownLatch late = new CountDownLatch(1);
        AtomicInteger connections = new AtomicInteger();
        try (SSLServerSocket tlsServer = (SSLServerSocket) serverTls.getServerSocketFactory()
                .createServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            threads.execute(() -> {
                while (!tlsServer.isClosed()) {
                    try {
                        Socket s = tlsServer.accept();
                        s.setTcpNoDelay(true); // the late answer goes out at once, not when the client acknowledges
                        int n = connections.incrementAndGet();
                        threads.execute(() -> converse(s, n, answered, late));
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            LeanHttpClient client = lean(trusting);
            assertThat(purge(client, "localhost", tlsServer.getLocalPort()).body()).isEqualTo("ok-1");
            answered.countDown();
            assertThat(late.await(10, TimeUnit.SECONDS)).isTrue();
            // The late answer waits encrypted on the plain socket under the SSLSocket: the pool must see it there.
            assertThat(purge(client, "localhost", tlsServer.getLocalPort()).body()).isEqualTo("ok-2");
            assertThat(connections).hasValue(2);
            assertThat(client.leanRequests()).isEqualTo(2);
        }
    }

    private static void converse(Socket s, int n, CountDownLatch answered, CountDownLatch late) {
        try (s) {
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                continue; // the request's headers; it carries no body
            }
            OutputStream out = s.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nok-" + n).getBytes(StandardCharsets.UTF_8));
            out.flush();
            if (n == 1) {
                answered.await(10, TimeUnit.SECONDS);
                out.write("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nSTALE".getBytes(StandardCharsets.UTF_8));
                out.flush();
                late.countDown();
                in.readLine(); // until the client closes (or, wrongly, sends its next request here)
            }
        } catch (IOException | InterruptedException e) {
            // The client went away, or the test ended.
        }
    }
}
