package dev.purgedeck.fastly;

import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;

/** A lean client and, once a test sets it, a {@link ScriptedServer} for it; both gone after each test. */
abstract class LeanWireFixture {
    final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "lean-wire-test");
        t.setDaemon(true);
        return t;
    });
    final LeanHttpClient client = new LeanHttpClient(HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build(), threads);
    ScriptedServer server;

    @AfterEach
    void stopServer() throws IOException {
        if (server != null) {
            server.close();
        }
        threads.shutdownNow();
    }
}
