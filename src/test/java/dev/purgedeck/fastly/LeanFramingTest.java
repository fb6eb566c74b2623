package dev.purgedeck.fastly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ProtocolException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A kept-alive connection never hands one purge the bytes of another's answer: framing the lean client could read
 * otherwise than the server meant is refused, and a connection with anything waiting on it is not used again.
 */
class LeanFramingTest extends LeanWireFixture {
    private static final String OK_2 = "HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nok-2";

    private HttpResponse<String> purge(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(server.uri(path)).timeout(Duration.ofSeconds(3))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nok-1", "HTTP/1.1 204 No Content\r\n\r\n",
        "HTTP/1.1 304 Not Modified\r\n\r\n"})
    void bytesThatArriveOnAnIdleConnectionAreNotTheNextPurgesAnswer(String first) throws Exception {
        CountDownLatch answered = new CountDownLatch(1);
        CountDownLatch late = new CountDownLatch(1);
        server = new ScriptedServer(threads, c -> {
            c.request();
            c.send(first);
            answered.await(10, TimeUnit.SECONDS);
            // A second answer nobody asked for (or a body on a 204/304), sent once the first was read.
            c.send("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nSTALE");
            late.countDown();
            if (c.request() != null) {
                c.send(OK_2);
            }
        }, c -> {
            c.request();
            c.send(OK_2);
        });
        purge("/purge/a");
        answered.countDown();
        assertThat(late.await(10, TimeUnit.SECONDS)).isTrue();
        HttpResponse<String> second = purge("/purge/b");
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body()).isEqualTo("ok-2");
        assertThat(server.connections).hasValue(2);
        assertThat(client.leanRequests()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "HTTP/1.1 200 OK\r\nContent-Length: 4\r\nContent-Length: 45\r\n\r\nok-1",
        "HTTP/1.1 200 OK\r\nContent-Length: 4\r\nContent-Length: 4\r\n\r\nok-1",
        "HTTP/1.1 200 OK\r\nContent-Length: 4, 4\r\n\r\nok-1",
        "HTTP/1.1 200 OK\r\nContent-Length: +4\r\n\r\nok-1",
        "HTTP/1.1 200 OK\r\nX-A: a\r\n Content-Length: 2\r\nContent-Length: 4\r\n\r\nok-1",
        "HTTP/1.1 200 OK\r\nContent-Length : 4\r\n\r\nok-1",
        "HTTP/1.1 200 OK\r\n : x\r\nContent-Length: 4\r\n\r\nok-1",
        "HTTP/1.1 2000 OK\r\nContent-Length: 4\r\n\r\nok-1",
        "HTTP/1.1 -99 X\r\nContent-Length: 4\r\n\r\nok-1",
        "HTTP/1.1 099 X\r\nContent-Length: 4\r\n\r\nok-1",
        "HTTP/1.1 600 X\r\nContent-Length: 4\r\n\r\nok-1",
        "HTTP/1.1 101 Switching Protocols\r\nUpgrade: x\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nok-1"})
    void framingTheServerCouldMeanOtherwiseIsRefusedAndTheConnectionClosed(String answer) throws Exception {
        CompletableFuture<Boolean> closed = new CompletableFuture<>();
        server = new ScriptedServer(threads, c -> {
            c.request();
            c.send(answer);
            closed.complete(c.closedByClient());
        });
        assertThatThrownBy(() -> purge("/purge/a")).isInstanceOf(ProtocolException.class);
        assertThat(closed.get(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void anAnswerWithTransferEncodingAndContentLengthEndsItsConnection() throws Exception {
        String answer = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Length: 2\r\n\r\n"
                + "2\r\nok\r\n0\r\n\r\n";
        server = new ScriptedServer(threads, c -> {
            while (c.request() != null) {
                c.send(answer);
            }
        });
        assertThat(purge("/purge/a").body()).isEqualTo("ok");
        assertThat(purge("/purge/b").body()).isEqualTo("ok");
        assertThat(server.connections).hasValue(2);
    }

    @Test
    void aChunkedBodyOfManySmallChunksIsNotMistakenForOversizedHeaders() throws Exception {
        server = new ScriptedServer(threads, c -> {
            c.request();
            // 5 bytes of framing per chunk: 300,000 in all, more than the bound on an answer's headers.
            c.send("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + "1\r\nx\r\n".repeat(60_000)
                    + "0\r\n\r\n");
        });
        assertThat(purge("/purge/a").body()).hasSize(60_000);
    }

    @Test
    void aCodingOtherThanChunkedIsReadToTheEndOfTheConnection() throws Exception {
        server = new ScriptedServer(threads, c -> {
            c.request();
            c.send("HTTP/1.1 200 OK\r\nTransfer-Encoding: xchunked\r\n\r\nnot chunked");
        });
        assertThat(purge("/purge/a").body()).isEqualTo("not chunked");
    }

    /** The JDK client's own rule for a status line, as a regular expression: the hand-written check agrees with it. */
    @ParameterizedTest
    @ValueSource(strings = {"HTTP/1.1 200 OK", "HTTP/1.0 404", "HTTP/1.1 599 x", "HTTP/1.1 100 ", "HTTP/1.1 200",
        "HTTP/1.2 200 OK", "HTTP/2 200", "HTTP/1.1 099 OK", "HTTP/1.1 20 OK", "HTTP/1.1 2000 OK", "HTTP/1.1  200 OK",
        "http/1.1 200 OK", "HTTP/1.1 200OK", "HTTP/1.1 2x0 OK", "HTTP/1.1 200 OK\r", "HTTP/1.1 200 O\rK",
        "HTTP/1.1 200 \u0085", "HTTP/1.1 200 caf\u00e9", "HTTP/1.1 200\t", "", "HTTP/1.1", "XHTTP/1.1 200 OK",
        "HTTP/1.1 200 OK\n", "HTTP/1.1 999 OK", "HTTP/1.1 200 \u0000"})
    void aStatusLineIsReadAsStrictlyAsByTheJdkClientsRule(String line) {
        boolean jdkRule = java.util.regex.Pattern.matches("HTTP/1\\.[01] [1-9][0-9][0-9]( .*)?", line);
        assertThat(LeanExchange.isStatusLine(line)).as(line).isEqualTo(jdkRule);
    }
}
