package dev.purgedeck.fastly;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.Flow;

/**
 * Reads the body of an answer on a {@link LeanConnection} (by Content-Length, chunked, or up to the connection's end),
 * and takes the bytes of a request's body.
 */
final class LeanBodies {
    private static final int FIRST_BUFFER = 16 * 1024;
    /** The class of the JDK's {@code BodyPublishers.noBody()}: a purge's body, which holds nothing to take. */
    private static final Class<?> NO_BODY = HttpRequest.BodyPublishers.noBody().getClass();

    private LeanBodies() {
    }

    static byte[] fixed(LeanConnection c, long length, long deadlineNanos) throws IOException {
        // Grown as bytes come, not sized by the header: a server that promises 64 MB and stalls gets a few KB.
        byte[] body = new byte[(int) Math.min(length, FIRST_BUFFER)];
        int off = 0;
        while (off < length) {
            if (off == body.length) {
                body = Arrays.copyOf(body, (int) Math.min(length, 2L * body.length));
            }
            int n = c.read(body, off, body.length - off, deadlineNanos);
            if (n < 0) {
                throw new EOFException("The answer ended after " + off + " of " + length + " bytes");
            }
            off += n;
        }
        return body;
    }

    static byte[] chunked(LeanConnection c, LeanExchange.Lines lines, long deadlineNanos) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream(256);
        byte[] chunk = new byte[8192];
        while (true) {
            lines.reset(-1);
            String size = lines.next(deadlineNanos);
            int semicolon = size.indexOf(';');
            long left;
            try {
                left = Long.parseLong((semicolon >= 0 ? size.substring(0, semicolon) : size).trim(), 16);
            } catch (NumberFormatException e) {
                throw new IOException("Bad chunk size in the answer");
            }
            if (left < 0 || body.size() + left > LeanExchange.MAX_BODY_BYTES) {
                throw new IOException("The answer's body is larger than " + LeanExchange.MAX_BODY_BYTES + " bytes");
            }
            if (left == 0) {
                lines.reset(-1);
                // Trailers, if any, up to the empty line that ends the answer.
                while (!lines.next(deadlineNanos).isEmpty()) {
                    continue;
                }
                return body.toByteArray();
            }
            while (left > 0) {
                int n = c.read(chunk, 0, (int) Math.min(chunk.length, left), deadlineNanos);
                if (n < 0) {
                    throw new EOFException("The answer ended inside a chunk");
                }
                body.write(chunk, 0, n);
                left -= n;
            }
            if (!lines.next(deadlineNanos).isEmpty()) {
                throw new IOException("A chunk of the answer did not end where its size said");
            }
        }
    }

    static byte[] toEnd(LeanConnection c, long deadlineNanos) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream(256);
        byte[] chunk = new byte[8192];
        for (int n = c.read(chunk, 0, chunk.length, deadlineNanos); n >= 0;
             n = c.read(chunk, 0, chunk.length, deadlineNanos)) {
            if (body.size() + n > LeanExchange.MAX_BODY_BYTES) {
                throw new IOException("The answer's body is larger than " + LeanExchange.MAX_BODY_BYTES + " bytes");
            }
            body.write(chunk, 0, n);
        }
        return body.toByteArray();
    }

    /** The bytes of a publisher of known length (the JDK's byte-array and empty publishers give them at once). */
    static byte[] published(HttpRequest.BodyPublisher publisher, int length) {
        if (publisher.getClass() == NO_BODY) {
            // Subscribing to it runs the JDK's publisher machinery for every purge of a job (docs/performance.md §13).
            return new byte[0];
        }
        byte[] bytes = new byte[length];
        int[] at = {0};
        boolean[] complete = {false};
        publisher.subscribe(new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription s) {
                s.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer b) {
                int n = Math.min(b.remaining(), length - at[0]);
                b.get(bytes, at[0], n);
                at[0] += n;
            }

            @Override
            public void onError(Throwable e) {
                at[0] = -1;
            }

            @Override
            public void onComplete() {
                complete[0] = true;
            }
        });
        // A publisher that delivers later, or other than promised, is left to the JDK client.
        return complete[0] && at[0] == length ? bytes : null;
    }
}
