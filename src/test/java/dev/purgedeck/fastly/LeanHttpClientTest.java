package dev.purgedeck.fastly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The command line's lean HTTP/1.1 client on the wire: bodies, kept-alive connections, timeouts and cancelling. */
class LeanHttpClientTest {
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "lean-test");
        t.setDaemon(true);
        return t;
    });
    private final LeanHttpClient client = new LeanHttpClient(HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build(), threads);
    private ServerSocket server;
    private final AtomicInteger connections = new AtomicInteger();

    @AfterEach
    void stop() throws IOException {
        if (server != null) {
            server.close();
        }
        threads.shutdownNow();
    }

    /** A server that answers the n-th request of each connection with {@code answers[n]} (null: no answer). */
    private URI serve(String... answers) throws IOException {
        return serve((s, in) -> in.read(), answers);
    }

    private URI serve(SocketHook onClose, String... answers) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(() -> {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    connections.incrementAndGet();
                    threads.execute(() -> converse(s, onClose, answers));
                } catch (IOException e) {
                    return;
                }
            }
        });
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    private void converse(Socket s, SocketHook onClose, String... answers) {
        try (s) {
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = s.getOutputStream();
            for (String answer : answers) {
                for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                    continue; // the request's headers; these requests carry no body
                }
                if (answer == null) {
                    onClose.run(s, in);
                    return;
                }
                out.write(answer.getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (IOException e) {
            // The client went away: that is what some tests do.
        }
    }

    /** What the server does instead of answering; the connection is closed when it returns. */
    private interface SocketHook {
        void run(Socket s, BufferedReader in) throws IOException;
    }

    /** A server that reads a request and never answers; it records what it reads next, until the connection ends. */
    private SilentServer silentServer() throws IOException {
        SilentServer silent = new SilentServer();
        silent.base = serve((s, in) -> {
            silent.arrived.countDown();
            silent.reads.add(in.read());
            silent.closed.countDown();
        }, (String) null);
        return silent;
    }

    private static final class SilentServer {
        private final CountDownLatch arrived = new CountDownLatch(1);
        private final CountDownLatch closed = new CountDownLatch(1);
        private final Queue<Integer> reads = new ConcurrentLinkedQueue<>();
        private URI base;

        void awaitRequest() throws InterruptedException {
            assertThat(arrived.await(10, TimeUnit.SECONDS)).isTrue();
        }

        /** The server saw the connection end (a read of -1), not another request on it. */
        void assertClosedWithoutAnotherRequest() throws InterruptedException {
            assertThat(closed.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(reads).containsExactly(-1);
        }
    }

    private HttpRequest post(URI base, Duration timeout) {
        return HttpRequest.newBuilder(base.resolve("/purge/x")).timeout(timeout)
                .POST(HttpRequest.BodyPublishers.noBody()).build();
    }

    @Test
    void readsChunkedAndSizedBodiesOnOneKeptAliveConnection() throws Exception {
        URI base = serve("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\n"
                        + "7\r\n{\"id\":\"\r\n4;ext=1\r\n1-2\"\r\n1\r\n}\r\n0\r\nX-Trailer: y\r\n\r\n",
                "HTTP/1.1 429 Too Many Requests\r\nContent-Length: 2\r\nFastly-RateLimit-Remaining: 0\r\n\r\n{}");
        HttpResponse<String> first = client.send(post(base, Duration.ofSeconds(5)), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> second = client.sendAsync(post(base, Duration.ofSeconds(5)),
                HttpResponse.BodyHandlers.ofString()).get(10, TimeUnit.SECONDS);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).isEqualTo("{\"id\":\"1-2\"}");
        assertThat(second.statusCode()).isEqualTo(429);
        assertThat(second.headers().firstValue("fastly-ratelimit-remaining")).contains("0");
        assertThat(second.body()).isEqualTo("{}");
        assertThat(connections).hasValue(1);
        // Both were the lean client's, not the JDK client's it falls back on.
        assertThat(first.getClass()).isEqualTo(LeanResponse.class);
        assertThat(client.leanRequests()).isEqualTo(2);
    }

    @Test
    void aConnectionTheServerClosedWhileIdleIsReplacedWithoutAFailure() throws Exception {
        // Each connection answers once and is then closed by the server, as a server's idle timeout does.
        URI base = serve("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
        for (int i = 0; i < 3; i++) {
            assertThat(client.send(post(base, Duration.ofSeconds(5)), HttpResponse.BodyHandlers.ofString()).body())
                    .isEqualTo("ok");
        }
        assertThat(connections).hasValue(3);
        assertThat(client.leanRequests()).isEqualTo(3);
    }

    @Test
    void aSilentServerEndsInATimeout() throws Exception {
        URI base = serve((String) null);
        assertThatThrownBy(() -> client.send(post(base, Duration.ofMillis(300)), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);
    }

    @Test
    void cancellingClosesTheConnectionAtOnce() throws Exception {
        SilentServer server = silentServer();
        CompletableFuture<HttpResponse<String>> f = client.sendAsync(post(server.base, Duration.ofMinutes(5)),
                HttpResponse.BodyHandlers.ofString());
        server.awaitRequest();
        f.cancel(true);
        server.assertClosedWithoutAnotherRequest();
        assertThat(connections).hasValue(1);
    }

    @Test
    void anInterruptEndsAWaitingSendAndClosesItsConnection() throws Exception {
        SilentServer server = silentServer();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                client.send(post(server.base, Duration.ofMinutes(5)), HttpResponse.BodyHandlers.ofString());
            } catch (Exception e) {
                thrown.set(e);
            }
        }, "lean-test-caller");
        caller.start();
        server.awaitRequest();
        caller.interrupt();
        caller.join(TimeUnit.SECONDS.toMillis(10));
        assertThat(caller.isAlive()).as("send still waits for an answer that never comes").isFalse();
        assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
        server.assertClosedWithoutAnotherRequest();
    }

    @Test
    void idleConnectionsAreClosedWhenAsked() throws Exception {
        CountDownLatch ended = new CountDownLatch(1);
        URI base = serve((s, in) -> ended.countDown(), "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", null);
        assertThat(client.send(post(base, Duration.ofSeconds(5)), HttpResponse.BodyHandlers.ofString()).body())
                .isEqualTo("ok");
        client.closeIdleConnections();
        // The server, waiting for a next request on the kept-alive connection, sees it end instead.
        assertThat(ended.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aClosedPortIsAConnectFailureAndAnUnknownHostToo() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        assertThatThrownBy(() -> client.send(post(URI.create("http://127.0.0.1:" + port), Duration.ofSeconds(5)),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(java.net.ConnectException.class);
        assertThatThrownBy(() -> client.send(post(URI.create("http://purgedeck.invalid"), Duration.ofSeconds(5)),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(java.net.ConnectException.class);
    }

    @Test
    void requestsForAProxyAreLeftToTheJdkClient() throws Exception {
        // The "proxy" is a plain server: only the JDK client sends it the absolute URL a proxy is asked for.
        Queue<String> lines = new ConcurrentLinkedQueue<>();
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(() -> {
            try (Socket s = server.accept()) {
                BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
                lines.add(in.readLine());
                s.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                lines.add("failed: " + e);
            }
        });
        LeanHttpClient proxied = new LeanHttpClient(HttpClient.newBuilder().proxy(java.net.ProxySelector.of(
                new InetSocketAddress("127.0.0.1", server.getLocalPort()))).build(), threads);
        HttpResponse<String> r = proxied.send(HttpRequest.newBuilder(URI.create("http://site.invalid/a"))
                .method("PURGE", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(lines).containsExactly("PURGE http://site.invalid/a HTTP/1.1");
        assertThat(proxied.leanRequests()).isZero();
    }
}
