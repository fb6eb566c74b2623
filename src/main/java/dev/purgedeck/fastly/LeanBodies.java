package dev.purgedeck.fastly;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;

/** Reads the body of an answer on a {@link LeanConnection}: by Content-Length, chunked, or up to the connection's end. */
final class LeanBodies {
    private LeanBodies() {
    }

    static byte[] fixed(LeanConnection c, long length, long deadlineNanos) throws IOException {
        byte[] body = new byte[(int) length];
        int off = 0;
        while (off < body.length) {
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
}
