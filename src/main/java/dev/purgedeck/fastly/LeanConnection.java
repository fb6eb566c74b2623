package dev.purgedeck.fastly;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

/** One kept-alive HTTP/1.1 connection of {@link LeanHttpClient}: a plain socket, or TLS on the JDK's SSLSocket. */
final class LeanConnection implements AutoCloseable {
    final String origin;
    final OutputStream out;
    long idleSince;
    /** Whether a request larger than {@link LeanExchange#SURELY_BUFFERED} went out on it (its writes are timed). */
    boolean carriedLarge;
    private final Socket socket;
    /** The plain socket under TLS (the same as {@code socket} on plain HTTP): where bytes of a late answer wait. */
    private final Socket raw;
    private final SSLSession session;
    private final InputStream in;
    private final byte[] buffer = new byte[16 * 1024];
    private int pos;
    private int limit;
    private volatile boolean expired;

    private LeanConnection(String origin, Socket socket, Socket raw, SSLSession session) throws IOException {
        this.origin = origin;
        this.socket = socket;
        this.raw = raw;
        this.session = session;
        this.in = socket.getInputStream();
        this.out = new BufferedOutputStream(socket.getOutputStream(), 8 * 1024);
    }

    /** The pool's key: scheme, host and port. */
    static String origin(URI uri) {
        return uri.getScheme().toLowerCase(java.util.Locale.ROOT) + "://" + uri.getHost() + ":" + port(uri);
    }

    static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    /**
     * Connects and, for https, shakes hands with the trust and parameters of the JDK client it stands in for, plus
     * host-name verification ("HTTPS" endpoint identification) and SNI, as the JDK client does.
     */
    static LeanConnection open(URI uri, Duration connectTimeout, SSLContext tls, SSLParameters params,
                               long deadlineNanos, Claim claim) throws IOException {
        String host = uri.getHost();
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        int port = port(uri);
        Socket socket = new Socket();
        try {
            claim.claim(socket);
            socket.setTcpNoDelay(true);
            InetSocketAddress address = new InetSocketAddress(bare, port);
            if (address.isUnresolved()) {
                // As the JDK client reports it: the connection could not be made.
                ConnectException e = new ConnectException("Cannot resolve " + bare);
                e.initCause(new UnknownHostException(bare));
                throw e;
            }
            // The request's deadline bounds the connect too: a network that drops SYNs otherwise holds it for the
            // connect timeout, or the system's (minutes) when the client has none.
            int left = LeanExchange.remainingMillis(deadlineNanos);
            int timeout = connectTimeout == null ? left
                    : (int) Math.max(1, Math.min(left, Math.min(Integer.MAX_VALUE, connectTimeout.toMillis())));
            try {
                socket.connect(address, timeout);
            } catch (SocketTimeoutException e) {
                throw (IOException) new HttpConnectTimeoutException("HTTP connect timed out").initCause(e);
            }
            if (!"https".equalsIgnoreCase(uri.getScheme())) {
                return new LeanConnection(origin(uri), socket, socket, null);
            }
            SSLSocket ssl = (SSLSocket) tls.getSocketFactory().createSocket(socket, bare, port, true);
            SSLParameters p = copy(params);
            p.setEndpointIdentificationAlgorithm("HTTPS");
            if (!isIpLiteral(bare)) {
                p.setServerNames(List.of(new SNIHostName(bare)));
            }
            ssl.setSSLParameters(p);
            ssl.setSoTimeout(LeanExchange.remainingMillis(deadlineNanos));
            try {
                ssl.startHandshake();
            } catch (SocketTimeoutException e) {
                throw (IOException) new HttpTimeoutException("request timed out").initCause(e);
            }
            return new LeanConnection(origin(uri), ssl, socket, ssl.getSession());
        } catch (IOException | RuntimeException e) {
            closeQuietly(socket);
            throw e;
        }
    }

    private static SSLParameters copy(SSLParameters from) {
        SSLParameters p = new SSLParameters(from.getCipherSuites(), from.getProtocols());
        p.setAlgorithmConstraints(from.getAlgorithmConstraints());
        p.setUseCipherSuitesOrder(from.getUseCipherSuitesOrder());
        p.setNeedClientAuth(from.getNeedClientAuth());
        p.setWantClientAuth(from.getWantClientAuth());
        return p;
    }

    private static boolean isIpLiteral(String host) {
        if (host.indexOf(':') >= 0) {
            return true;
        }
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c != '.' && (c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }

    /** Takes a socket before it connects, so that a cancel can close it while it connects or shakes hands. */
    interface Claim {
        void claim(Socket socket) throws IOException;
    }

    /** The plain socket under TLS, or the only one: what {@link Claim} was given. */
    Socket raw() {
        return raw;
    }

    /**
     * Closes this connection at the deadline unless the returned task is cancelled first: SO_TIMEOUT bounds reads
     * only, and a server that stops reading (a full window) would hold a write past the deadline for ever.
     */
    ScheduledFuture<?> closeAt(long deadlineNanos) {
        // A class, not a lambda: the first exchanges of a job reach this together (docs/performance.md §13).
        return Deadlines.CLOSER.schedule(new Runnable() {
            @Override
            public void run() {
                expired = true;
                close();
            }
        }, deadlineNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
    }

    /** Whether {@link #closeAt} closed it: what failed then is a timeout. */
    boolean expired() {
        return expired;
    }

    /** One daemon thread for every client's deadlines, started by the first exchange. */
    private static final class Deadlines {
        static final ScheduledThreadPoolExecutor CLOSER = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "lean-http-deadlines");
            t.setDaemon(true);
            return t;
        });

        static {
            CLOSER.setRemoveOnCancelPolicy(true);
        }
    }

    /** The TLS session, or null on plain HTTP. */
    SSLSession session() {
        return session;
    }

    /** The next byte of the answer, or -1 at its end; waits no longer than the request's deadline. */
    int read(long deadlineNanos) throws IOException {
        if (pos == limit && !fill(deadlineNanos)) {
            return -1;
        }
        return buffer[pos++] & 0xff;
    }

    /** Up to {@code len} bytes of the answer, or -1 at its end; waits no longer than the request's deadline. */
    int read(byte[] into, int off, int len, long deadlineNanos) throws IOException {
        if (pos == limit && !fill(deadlineNanos)) {
            return -1;
        }
        int n = Math.min(len, limit - pos);
        System.arraycopy(buffer, pos, into, off, n);
        pos += n;
        return n;
    }

    /**
     * Whether nothing the server sent is waiting, neither in this buffer, nor decrypted in the SSLSocket, nor on the
     * plain socket under it. Bytes that arrive after an answer (a body on a 204, a second answer, a close_notify)
     * belong to no request: a connection with any waiting may not carry another one, or they would be read as its
     * answer. One FIONREAD call on the plain socket, no read.
     */
    boolean isQuiet() {
        try {
            return pos == limit && raw.getInputStream().available() == 0
                    && (raw == socket || in.available() == 0);
        } catch (IOException e) {
            return false;
        }
    }

    private boolean fill(long deadlineNanos) throws IOException {
        // The timeout is set only here, once per socket read, not once per byte.
        socket.setSoTimeout(LeanExchange.remainingMillis(deadlineNanos));
        int n = in.read(buffer, 0, buffer.length);
        if (n <= 0) {
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }

    @Override
    public void close() {
        closeQuietly(socket);
    }

    static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // Nothing is left to tell: the connection is dropped either way.
        }
    }
}
