package dev.purgedeck.fastly;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.ProtocolException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ScheduledFuture;
import java.util.function.BiPredicate;
import java.util.function.Function;

/** Writes one HTTP/1.1 request on a {@link LeanConnection} and reads its answer: fixed-length, chunked or to the end. */
final class LeanExchange {
    /** The JDK client has no bound of its own in Java 17; this one keeps a hostile server from filling the heap. */
    static final int MAX_HEADER_BYTES = 256 * 1024;
    static final int MAX_BODY_BYTES = 64 * 1024 * 1024;
    /**
     * Bytes a socket's send buffer surely takes at once: Linux's smallest (SO_SNDBUF is at least 4,608 bytes), and far
     * less than any system's default.
     */
    static final int SURELY_BUFFERED = 2048;
    /**
     * Every answer's headers are kept. Constants, not lambdas at their call sites: the request threads reach those
     * sites together, and each would make its own lambda class (docs/performance.md §13).
     */
    private static final BiPredicate<String, String> ALL_HEADERS = (name, value) -> true;
    private static final Function<String, List<String>> NEW_VALUES = name -> new ArrayList<>(1);

    /** What came back, and whether the connection may carry another request. */
    record Answer(int status, HttpHeaders headers, byte[] body, boolean reusable) {
    }

    /** Thrown when a kept-alive connection turned out closed before any byte of the answer came back. */
    static final class StaleConnection extends IOException {
        StaleConnection(Throwable cause) {
            super("The kept-alive connection was closed", cause);
        }
    }

    private LeanExchange() {
    }

    static int remainingMillis(long deadlineNanos) throws HttpTimeoutException {
        long left = (deadlineNanos - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
            throw new HttpTimeoutException("request timed out");
        }
        return (int) Math.min(Integer.MAX_VALUE, left);
    }

    static Answer exchange(LeanConnection c, HttpRequest request, byte[] body, boolean reused, long deadlineNanos)
            throws IOException {
        boolean answered = false;
        byte[] head = requestHead(request, body);
        // Reads wait no longer than the deadline (SO_TIMEOUT); a write waits only when the socket's send buffer and
        // the server's receive buffer are full. On a connection that never carried a large request, what the server
        // left unread is less than this, and no system's buffers hold less than twice it: a small request cannot
        // block and needs no timer. A purge's is ~300 bytes, and a timer per request was a good part of its
        // bookkeeping (docs/performance.md §13).
        boolean small = head.length + body.length <= SURELY_BUFFERED;
        ScheduledFuture<?> deadline = small && !c.carriedLarge ? null : c.closeAt(deadlineNanos);
        c.carriedLarge |= !small;
        try {
            c.out.write(head);
            c.out.write(body);
            c.out.flush();
            int first = c.read(deadlineNanos);
            if (first < 0) {
                throw new EOFException("The server closed the connection without an answer");
            }
            answered = true;
            return readAnswer(c, first, request.method().equals("HEAD"), deadlineNanos);
        } catch (IOException e) {
            if (e instanceof SocketTimeoutException || c.expired()) {
                throw (HttpTimeoutException) new HttpTimeoutException("request timed out").initCause(e);
            }
            if (reused && !answered && !(e instanceof HttpTimeoutException)) {
                throw new StaleConnection(e);
            }
            throw e;
        } finally {
            if (deadline != null) {
                deadline.cancel(false);
            }
        }
    }

    /** The request line and headers, ending with the empty line. */
    private static byte[] requestHead(HttpRequest request, byte[] body) {
        URI uri = request.uri();
        StringBuilder b = new StringBuilder(256);
        String path = uri.getRawPath();
        b.append(request.method()).append(' ').append(path == null || path.isEmpty() ? "/" : path);
        if (uri.getRawQuery() != null) {
            b.append('?').append(uri.getRawQuery());
        }
        b.append(" HTTP/1.1\r\nHost: ").append(uri.getHost());
        if (uri.getPort() != -1 && uri.getPort() != ("https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80)) {
            b.append(':').append(uri.getPort());
        }
        b.append("\r\n");
        boolean agent = false;
        for (Map.Entry<String, List<String>> h : request.headers().map().entrySet()) {
            agent |= h.getKey().equalsIgnoreCase("User-Agent");
            for (String v : h.getValue()) {
                b.append(h.getKey()).append(": ").append(v).append("\r\n");
            }
        }
        if (!agent) {
            b.append("User-Agent: Java-http-client/").append(Runtime.version().feature()).append("\r\n");
        }
        String method = request.method();
        if (body.length > 0 || !(method.equals("GET") || method.equals("HEAD"))) {
            b.append("Content-Length: ").append(body.length).append("\r\n");
        }
        b.append("\r\n");
        // Header values are ASCII: HttpRequest.Builder refuses anything else.
        return b.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static Answer readAnswer(LeanConnection c, int first, boolean head, long deadlineNanos) throws IOException {
        Lines lines = new Lines(c, first);
        while (true) {
            String statusLine = lines.next(deadlineNanos);
            int status = parseStatus(statusLine);
            Map<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (String line = lines.next(deadlineNanos); !line.isEmpty(); line = lines.next(deadlineNanos)) {
                int colon = line.indexOf(':');
                if (colon <= 0 || !isToken(line, colon)) {
                    // Also a folded line (it starts with SP or HT) and "Name :": read otherwise than the server meant,
                    // they could frame the body differently from it (docs/performance.md §7).
                    throw new ProtocolException("Bad header line in the answer");
                }
                map.computeIfAbsent(line.substring(0, colon), NEW_VALUES)
                        .add(line.substring(colon + 1).trim());
            }
            if (status < 200) {
                lines.reset(c.read(deadlineNanos));
                continue; // an interim answer (100 Continue, 103 Early Hints): the real one follows
            }
            HttpHeaders headers = HttpHeaders.of(map, ALL_HEADERS);
            List<String> connection = tokens(headers.allValues("Connection"));
            boolean keepAlive = statusLine.startsWith("HTTP/1.1")
                    ? !connection.contains("close") : connection.contains("keep-alive");
            List<String> lengths = headers.allValues("Content-Length");
            long length = lengths.isEmpty() ? -1 : parseLength(lengths);
            if (head || status == 204 || status == 304) {
                // No body; bytes that follow anyway keep the connection from the pool (LeanConnection.isQuiet).
                return new Answer(status, headers, new byte[0], keepAlive);
            }
            List<String> codings = tokens(headers.allValues("Transfer-Encoding"));
            if (!codings.isEmpty()) {
                // With Content-Length too, or any coding but "chunked" (RFC 9112, docs/performance.md §7), the
                // framing is not one both sides surely agree on: the connection is not used again.
                boolean chunked = codings.get(codings.size() - 1).equals("chunked");
                boolean plain = chunked && codings.size() == 1 && length < 0;
                return new Answer(status, headers, chunked ? LeanBodies.chunked(c, lines, deadlineNanos)
                        : LeanBodies.toEnd(c, deadlineNanos), keepAlive && plain);
            }
            if (length >= 0) {
                return new Answer(status, headers, LeanBodies.fixed(c, length, deadlineNanos), keepAlive);
            }
            return new Answer(status, headers, LeanBodies.toEnd(c, deadlineNanos), false);
        }
    }

    /** The status of a status line as strict as the JDK client's: HTTP/1.0 or 1.1, SP, three digits, 100 to 599. */
    private static int parseStatus(String line) throws IOException {
        if (!isStatusLine(line)) {
            throw new ProtocolException("Invalid status line in the answer");
        }
        int status = Integer.parseInt(line.substring(9, 12));
        if (status > 599 || status == 101) {
            // 101 switches protocols, which no request of this client asks for.
            throw new ProtocolException("Unexpected status " + status + " in the answer");
        }
        return status;
    }

    /** The one Content-Length: digits only; two (equal or not, or a list) are refused, as the JDK client does. */
    private static long parseLength(List<String> values) throws IOException {
        String value = values.get(0);
        if (values.size() > 1 || value.isEmpty() || value.length() > 18) {
            throw new ProtocolException("Bad Content-Length in the answer");
        }
        for (int i = 0; i < value.length(); i++) {
            if (!isDigit(value.charAt(i))) {
                throw new ProtocolException("Bad Content-Length in the answer");
            }
        }
        long n = Long.parseLong(value);
        if (n > MAX_BODY_BYTES) {
            throw new IOException("Content-Length out of bounds: " + n);
        }
        return n;
    }

    /**
     * Whether the line matches {@code HTTP/1\.[01] [1-9][0-9][0-9]( .*)?} (no line terminator in the reason), checked
     * by hand: a regular expression here was compiled by C1 again in every short run.
     */
    static boolean isStatusLine(String line) {
        if (!(line.startsWith("HTTP/1.") && line.length() >= 12 && (line.charAt(7) == '0' || line.charAt(7) == '1')
                && line.charAt(8) == ' ' && line.charAt(9) >= '1' && isDigit(line.charAt(9))
                && isDigit(line.charAt(10)) && isDigit(line.charAt(11)))) {
            return false;
        }
        if (line.length() == 12) {
            return true;
        }
        if (line.charAt(12) != ' ') {
            return false;
        }
        for (int i = 13; i < line.length(); i++) {
            char ch = line.charAt(i);
            // What '.' does not match: the line terminators a line read as ISO-8859-1 can hold.
            if (ch == '\n' || ch == '\r' || ch == '\u0085') {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char ch) {
        return ch >= '0' && ch <= '9';
    }

    /** Whether the header name before {@code end} is an RFC 9110 token (no space, no control, no separator). */
    private static boolean isToken(String line, int end) {
        for (int i = 0; i < end; i++) {
            char ch = line.charAt(i);
            if (ch <= ' ' || ch >= 127 || "\"(),/:;<=>?@[\\]{}".indexOf(ch) >= 0) {
                return false;
            }
        }
        return true;
    }

    /** The comma-separated tokens of a header's values, lower case. */
    private static List<String> tokens(List<String> values) {
        List<String> tokens = new ArrayList<>(2);
        for (String v : values) {
            for (String t : v.split(",")) {
                if (!t.isBlank()) {
                    tokens.add(t.trim().toLowerCase(Locale.ROOT));
                }
            }
        }
        return tokens;
    }

    /** Reads CRLF- (or LF-) ended header lines, bounded in total size. */
    static final class Lines {
        private final LeanConnection in;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        private int pending;
        private int total;

        Lines(LeanConnection in, int first) {
            this.in = in;
            this.pending = first;
        }

        /**
         * Starts a new bounded run of lines: an interim answer's headers, one chunk-size line, or the trailers. A
         * chunked body of many small chunks is not headers, and would otherwise add up past the bound.
         */
        void reset(int first) {
            pending = first;
            total = 0;
        }

        String next(long deadlineNanos) throws IOException {
            line.reset();
            while (true) {
                int b;
                if (pending >= 0) {
                    b = pending;
                    pending = -1;
                } else {
                    b = in.read(deadlineNanos);
                }
                if (b < 0) {
                    throw new EOFException("The answer ended in its headers");
                }
                if (++total > MAX_HEADER_BYTES) {
                    throw new IOException("A header or chunk line of the answer is larger than " + MAX_HEADER_BYTES
                            + " bytes");
                }
                if (b == '\n') {
                    String s = line.toString(StandardCharsets.ISO_8859_1);
                    return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
                }
                line.write(b);
            }
        }
    }
}
