package dev.purgedeck.fastly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.EOFException;
import java.io.IOException;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The request's deadline bounds the whole exchange, and what a server announces is not trusted before it comes. */
class LeanLimitsTest extends LeanWireFixture {

    /** A port where a connect hangs: nothing accepts, and once its queue is full the kernel drops further SYNs. */
    private static URI hangingPort(ServerSocket full, List<Socket> queued) throws IOException {
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), full.getLocalPort());
        for (int i = 0; i < 16; i++) {
            Socket s = new Socket();
            queued.add(s);
            try {
                s.connect(address, 200);
            } catch (SocketTimeoutException e) {
                return URI.create("http://127.0.0.1:" + full.getLocalPort() + "/a");
            }
        }
        throw new AssertionError("no connect hangs");
    }

    /** A lean client with no connect timeout of its own: only the request's deadline may end a connect. */
    private LeanHttpClient noConnectTimeout(Executor executor) {
        return new LeanHttpClient(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build(), executor);
    }

    @Test
    void theRequestTimeoutBoundsAConnectTheServerNeverAnswers() throws Exception {
        List<Socket> queued = new ArrayList<>();
        try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            HttpRequest purge = HttpRequest.newBuilder(hangingPort(full, queued)).timeout(Duration.ofMillis(300))
                    .POST(HttpRequest.BodyPublishers.noBody()).build();
            LeanHttpClient lean = noConnectTimeout(threads);
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
    void cancellingWhileConnectingFreesTheThreadAtOnce() throws Exception {
        List<Socket> queued = new ArrayList<>();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch ended = new CountDownLatch(1);
        Executor watched = task -> threads.execute(() -> {
            started.countDown();
            try {
                task.run();
            } finally {
                ended.countDown();
            }
        });
        try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            HttpRequest purge = HttpRequest.newBuilder(hangingPort(full, queued)).timeout(Duration.ofMinutes(5))
                    .POST(HttpRequest.BodyPublishers.noBody()).build();
            CompletableFuture<HttpResponse<String>> f = noConnectTimeout(watched)
                    .sendAsync(purge, HttpResponse.BodyHandlers.ofString());
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            // Cancel once the connect has begun (or just before: then it must not begin at all).
            f.cancel(true);
            assertThat(ended.await(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            for (Socket s : queued) {
                s.close();
            }
        }
    }

    @Test
    void theRequestTimeoutBoundsAWriteTheServerNeverReads() throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        try (ServerSocket deaf = new ServerSocket()) {
            deaf.setReceiveBufferSize(4096);
            deaf.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            threads.execute(() -> {
                try (Socket s = deaf.accept()) {
                    done.await(); // holds the connection open and reads nothing: the client's write fills the window
                } catch (IOException | InterruptedException e) {
                    // The test ended.
                }
            });
            HttpRequest batch = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + deaf.getLocalPort() + "/a"))
                    .timeout(Duration.ofMillis(500)).POST(HttpRequest.BodyPublishers.ofByteArray(new byte[1 << 20]))
                    .build();
            // Loopback would take the whole body into its buffers (they grow to 4 MB); a remote path would not.
            client.beforeConnect = s -> s.setSendBufferSize(4096);
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThatThrownBy(
                    () -> client.send(batch, HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(HttpTimeoutException.class));
            assertThat(client.leanRequests()).isEqualTo(1);
        } finally {
            done.countDown();
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
