package dev.purgedeck.fastly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A request is sent again only for the race of a kept-alive connection the server closed while it was idle: once,
 * on a new connection. Anything else is the caller's to retry (RequestExecutor, by its RetryPolicy).
 */
class LeanResendTest extends LeanWireFixture {
    private static final String OK = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";

    private HttpRequest purge(String path) {
        return HttpRequest.newBuilder(server.uri(path)).timeout(Duration.ofSeconds(5))
                .POST(HttpRequest.BodyPublishers.noBody()).build();
    }

    @Test
    void aRequestLostOnAReusedConnectionIsSentOnceMoreOnANewOneNotOnEveryIdleOne() throws Exception {
        CountDownLatch bothOpen = new CountDownLatch(2);
        AtomicInteger lostOnReuse = new AtomicInteger();
        ScriptedServer.Script readThenDrop = c -> {
            c.request();
            bothOpen.countDown();
            bothOpen.await(10, TimeUnit.SECONDS);
            c.send(OK);
            if (c.request() != null) {
                lostOnReuse.incrementAndGet(); // read in full, then the connection is dropped unanswered
            }
        };
        server = new ScriptedServer(threads, readThenDrop, readThenDrop, c -> {
            c.request();
            c.send("HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nnew");
        });
        // Two purges at once leave two kept-alive connections in the pool.
        CompletableFuture<HttpResponse<String>> a = client.sendAsync(purge("/a"), HttpResponse.BodyHandlers.ofString());
        CompletableFuture<HttpResponse<String>> b = client.sendAsync(purge("/b"), HttpResponse.BodyHandlers.ofString());
        assertThat(a.get(10, TimeUnit.SECONDS).body()).isEqualTo("ok");
        assertThat(b.get(10, TimeUnit.SECONDS).body()).isEqualTo("ok");

        HttpResponse<String> r = client.send(purge("/c"), HttpResponse.BodyHandlers.ofString());
        assertThat(r.body()).isEqualTo("new");
        assertThat(lostOnReuse).hasValue(1);
        assertThat(server.requests).hasValue(4);
        assertThat(server.connections).hasValue(3);
    }

    @Test
    void aNewConnectionThatFailsAfterTheRequestWentOutIsAnErrorNotASecondSend() throws Exception {
        server = new ScriptedServer(threads, c -> c.request());
        assertThatThrownBy(() -> client.send(purge("/a"), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);
        assertThat(server.requests).hasValue(1);
        assertThat(server.connections).hasValue(1);
    }

    @Test
    void aResentRequestThatFailsAgainIsAnError() throws Exception {
        server = new ScriptedServer(threads, c -> {
            c.request();
            c.send(OK);
            c.request();
        }, c -> c.request());
        assertThat(client.send(purge("/a"), HttpResponse.BodyHandlers.ofString()).body()).isEqualTo("ok");
        assertThatThrownBy(() -> client.send(purge("/b"), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);
        assertThat(server.requests).hasValue(3);
        assertThat(server.connections).hasValue(2);
    }
}
