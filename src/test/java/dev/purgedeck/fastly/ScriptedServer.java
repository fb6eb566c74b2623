package dev.purgedeck.fastly;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/** A server on 127.0.0.1 whose n-th connection follows the n-th script (the last one for any later connection). */
final class ScriptedServer implements AutoCloseable {
    /** What one connection does; it is closed when the script returns. */
    interface Script {
        void run(Conn c) throws Exception;
    }

    /** One accepted connection, read request by request. */
    final class Conn {
        final Socket socket;
        private final InputStream in;
        private final OutputStream out;

        Conn(Socket socket) throws IOException {
            this.socket = socket;
            // What a test sends goes out at once: Nagle would hold a late answer until the client acknowledged.
            socket.setTcpNoDelay(true);
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
        }

        /** The next request's line (its headers and Content-Length body read too), or null when the client closed. */
        String request() throws IOException {
            String first = null;
            long length = 0;
            for (String line = line(); ; line = line()) {
                if (line == null) {
                    return null;
                }
                if (line.isEmpty()) {
                    break;
                }
                if (first == null) {
                    first = line;
                } else if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                    length = Long.parseLong(line.substring(15).trim());
                }
            }
            in.readNBytes((int) length);
            requests.incrementAndGet();
            return first;
        }

        void send(String raw) throws IOException {
            out.write(raw.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }

        /** Waits for the client to close the connection; true if it did (rather than send more). */
        boolean closedByClient() throws IOException {
            return in.read() < 0;
        }

        private String line() throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            for (int ch = in.read(); ch != '\n'; ch = in.read()) {
                if (ch < 0) {
                    return null;
                }
                b.write(ch);
            }
            String s = b.toString(StandardCharsets.ISO_8859_1);
            return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
        }
    }

    final AtomicInteger connections = new AtomicInteger();
    final AtomicInteger requests = new AtomicInteger();
    private final ServerSocket server;

    ScriptedServer(ExecutorService threads, Script... scripts) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        List<Script> list = List.of(scripts);
        threads.execute(() -> {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    Script script = list.get(Math.min(connections.getAndIncrement(), list.size() - 1));
                    threads.execute(() -> {
                        try (s) {
                            script.run(new Conn(s));
                        } catch (Exception e) {
                            // The client went away, or the test ended: either way this connection is done.
                        }
                    });
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getLocalPort() + path);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
