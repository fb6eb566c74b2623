package dev.purgedeck.fastly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.EOFException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The request's deadline bounds the whole exchange, and what a server announces is not trusted before it comes. */
class LeanLimitsTest extends LeanWireFixture {

    @Test
    void theRequestTimeoutBoundsAConnectTheServerNeverAnswers() throws Exception {
        List<Socket> queued = new ArrayList<>();
        try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            // Nothing accepts: once the accept queue is full, the kernel drops further SYNs, as a firewall does.
            InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), full.getLocalPort());
            boolean hangs = false;
            for (int i = 0; i < 16 && !hangs; i++) {
                Socket s = new Socket();
                queued.add(s);
                try {
                    s.connect(address, 200);
                } catch (SocketTimeoutException e) {
                    hangs = true;
                }
            }
            assertThat(hangs).as("a connect that hangs").isTrue();
            // No connect timeout of its own: only the request's 300 ms may end the wait (else the system's minutes).
            LeanHttpClient lean = new LeanHttpClient(HttpClient.newBuilder()
                    .followRedirects(HttpClient.Redirect.NEVER).build(), threads);
            HttpRequest purge = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + full.getLocalPort() + "/a"))
                    .timeout(Duration.ofMillis(300)).POST(HttpRequest.BodyPublishers.noBody()).build();
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThatThrownBy(
                    () -> lean.send(purge, HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(HttpTimeoutException.class));
        } finally {
            for (Socket s : queued) {
                s.close();
            }
        }
    }

    @Test
    void aPromisedBodyIsNotAllocatedBeforeItArrives() throws Exception {
        server = new ScriptedServer(threads, c -> {
            c.request();
            c.send("HTTP/1.1 200 OK\r\nContent-Length: 67108864\r\n\r\n0123456789");
        });
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long before = mx.getThreadAllocatedBytes(id);
        // send() reads on this thread: what it allocates is counted here.
        assertThatThrownBy(() -> client.send(HttpRequest.newBuilder(server.uri("/a")).timeout(Duration.ofSeconds(5))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(EOFException.class);
        assertThat(mx.getThreadAllocatedBytes(id) - before).isLessThan(8L * 1024 * 1024);
    }
}
