package dev.purgedeck.testsupport;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on 127.0.0.1 that answers every request with one fixed response. Used for the answers the
 * sandbox never gives (every error body shape Fastly has used), so the client is still tested over real HTTP.
 */
public final class CannedServer implements AutoCloseable {
    private final HttpServer server;

    private CannedServer(HttpServer server) {
        this.server = server;
    }

    /** Answers {@code status} with the given content type, body and extra headers. */
    public static CannedServer answering(int status, String contentType, String body, Map<String, String> headers) {
        return handling(ex -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            if (contentType != null) {
                ex.getResponseHeaders().set("Content-Type", contentType);
            }
            headers.forEach((k, v) -> ex.getResponseHeaders().set(k, v));
            ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                ex.getResponseBody().write(bytes);
            }
            ex.close();
        });
    }

    /** Answers every request with {@code handler}: a server that hangs, trickles or sends a huge header. */
    public static CannedServer handling(HttpHandler handler) {
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            s.createContext("/", handler);
            s.setExecutor(Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "canned-server");
                t.setDaemon(true);
                return t;
            }));
            s.start();
            return new CannedServer(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
