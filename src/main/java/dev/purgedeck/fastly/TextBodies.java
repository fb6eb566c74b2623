package dev.purgedeck.fastly;

import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Answers as text, decoded as {@code HttpResponse.BodyHandlers.ofString()} decodes them: in the charset the
 * {@code Content-Type} names, UTF-8 when it names none or one Java does not know. The JDK's handler finds the charset
 * with its general header parser, which cost each purge of a job more CPU than reading Fastly's answer
 * (docs/performance.md §11); the parameter is found here with plain string search.
 */
final class TextBodies {
    /**
     * The handler every API request uses. Its subscriber is a class of ours, not the JDK's {@code ofString}, which
     * makes a lambda at one place for every answer: the first answers of a job arrive on several threads at once, and
     * each made its own lambda class there (docs/performance.md §13).
     */
    static final HttpResponse.BodyHandler<String> TEXT = info -> new Text(charset(info.headers()));

    private TextBodies() {
    }

    /** The {@code charset} parameter of the {@code Content-Type} (case aside, quotes removed), else UTF-8. */
    static Charset charset(HttpHeaders headers) {
        // allValues, not firstValue, which makes a stream for every answer.
        List<String> types = headers.allValues("Content-Type");
        String type = types.isEmpty() ? "" : types.get(0);
        for (int semi = type.indexOf(';'); semi >= 0; ) {
            int next = type.indexOf(';', semi + 1);
            String param = type.substring(semi + 1, next < 0 ? type.length() : next);
            int eq = param.indexOf('=');
            if (eq > 0 && param.substring(0, eq).strip().equalsIgnoreCase("charset")) {
                String name = param.substring(eq + 1).strip();
                if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
                    name = name.substring(1, name.length() - 1);
                }
                try {
                    return Charset.forName(name);
                } catch (IllegalArgumentException e) {
                    return StandardCharsets.UTF_8; // unknown or malformed, as the JDK's handler falls back
                }
            }
            semi = next;
        }
        return StandardCharsets.UTF_8;
    }

    /** Gathers the body's bytes and decodes them once they are all there, as the JDK's {@code ofString} does. */
    static final class Text implements HttpResponse.BodySubscriber<String> {
        private final Charset charset;
        private final CompletableFuture<String> body = new CompletableFuture<>();
        private final List<ByteBuffer> received = new ArrayList<>();

        Text(Charset charset) {
            this.charset = charset;
        }

        @Override
        public CompletionStage<String> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            received.addAll(items);
        }

        @Override
        public void onError(Throwable error) {
            received.clear();
            body.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            int size = 0;
            for (ByteBuffer b : received) {
                size += b.remaining();
            }
            byte[] bytes = new byte[size];
            int at = 0;
            for (ByteBuffer b : received) {
                int n = b.remaining();
                b.get(bytes, at, n);
                at += n;
            }
            received.clear();
            body.complete(new String(bytes, charset));
        }
    }
}
