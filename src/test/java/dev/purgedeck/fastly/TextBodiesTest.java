package dev.purgedeck.fastly;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The charset an answer is decoded in, as {@code BodyHandlers.ofString()} picks it. */
class TextBodiesTest {
    private static HttpHeaders type(String... values) {
        return HttpHeaders.of(values.length == 0 ? Map.of() : Map.of("Content-Type", List.of(values)), (a, b) -> true);
    }

    @Test
    void utf8UnlessTheContentTypeNamesAnother() {
        assertThat(TextBodies.charset(type())).isEqualTo(StandardCharsets.UTF_8);
        assertThat(TextBodies.charset(type("application/json"))).isEqualTo(StandardCharsets.UTF_8);
        assertThat(TextBodies.charset(type("application/json; charset=utf-8"))).isEqualTo(StandardCharsets.UTF_8);
        assertThat(TextBodies.charset(type("text/plain;charset=ISO-8859-1"))).isEqualTo(StandardCharsets.ISO_8859_1);
        assertThat(TextBodies.charset(type("text/plain; format=flowed; CHARSET=\"utf-16\"")))
                .isEqualTo(StandardCharsets.UTF_16);
    }

    @Test
    void anUnknownOrBrokenCharsetFallsBackToUtf8() {
        assertThat(TextBodies.charset(type("text/plain; charset=no-such-set"))).isEqualTo(StandardCharsets.UTF_8);
        assertThat(TextBodies.charset(type("text/plain; charset="))).isEqualTo(StandardCharsets.UTF_8);
        assertThat(TextBodies.charset(type("text/plain; charset=\"\""))).isEqualTo(StandardCharsets.UTF_8);
        assertThat(TextBodies.charset(type("text/plain; =utf-16"))).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void aBodyInManyBuffersIsDecodedWholeEvenWhereACharacterIsSplit() {
        TextBodies.Text text = new TextBodies.Text(StandardCharsets.UTF_8);
        long[] requested = {0};
        text.onSubscribe(new java.util.concurrent.Flow.Subscription() {
            @Override
            public void request(long n) {
                requested[0] += n;
            }

            @Override
            public void cancel() {
                throw new AssertionError("nothing cancels");
            }
        });
        byte[] cafe = "café crème".getBytes(StandardCharsets.UTF_8);
        text.onNext(List.of(java.nio.ByteBuffer.wrap(cafe, 0, 4), java.nio.ByteBuffer.wrap(cafe, 4, 3)));
        text.onNext(List.of(java.nio.ByteBuffer.wrap(cafe, 7, cafe.length - 7)));
        text.onComplete();
        assertThat(requested[0]).isPositive();
        assertThat(text.getBody().toCompletableFuture().join()).isEqualTo("café crème");
    }

    @Test
    void aFailedBodyFailsItsText() {
        TextBodies.Text text = new TextBodies.Text(StandardCharsets.UTF_8);
        text.onNext(List.of(java.nio.ByteBuffer.wrap(new byte[] {'x'})));
        text.onError(new java.io.IOException("connection reset"));
        assertThat(text.getBody().toCompletableFuture()).isCompletedExceptionally();
    }

    /** The JDK client (which sends what the lean client leaves to it) drives the same subscriber. */
    @Test
    void theJdkClientReadsAnAnswerInTheCharsetItNames() throws Exception {
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        byte[] body = "{\"status\": \"ok\", \"note\": \"déjà vu\"}".getBytes(StandardCharsets.ISO_8859_1);
        server.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json; charset=ISO-8859-1");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:"
                            + server.getAddress().getPort() + "/")).build(), TextBodies.TEXT);
            assertThat(r.body()).isEqualTo("{\"status\": \"ok\", \"note\": \"déjà vu\"}");
        } finally {
            server.stop(0);
        }
    }
}
