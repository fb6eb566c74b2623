package dev.purgedeck.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.purgedeck.fastly.ApiToken;
import dev.purgedeck.fastly.BulkPurgeRunner;
import dev.purgedeck.fastly.ClientConfig;
import dev.purgedeck.fastly.FastlyClient;
import dev.purgedeck.sandbox.DemoAccount;
import dev.purgedeck.sandbox.SandboxConfig;
import dev.purgedeck.sandbox.SandboxServer;
import dev.purgedeck.settings.Connection;
import dev.purgedeck.settings.EnvironmentConnection;
import dev.purgedeck.settings.Preferences;
import dev.purgedeck.fastly.JobRequest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The composition root: builds the one ObjectMapper, the HTTP clients and their executor, the Fastly client and the
 * bulk runner, and (when no token is configured) the embedded sandbox; closes them all on exit.
 */
public final class AppContext implements AutoCloseable {
    private final ObjectMapper mapper;
    private final ExecutorService httpExecutor;
    private final Connection connection;
    private final SandboxServer sandbox;
    private final boolean ownsSandbox;
    private final FastlyClient client;
    private final BulkPurgeRunner runner;
    private final Path dataDir;
    private final Map<String, String> env;
    private final Preferences preferences;

    private AppContext(Connection connection, SandboxServer sandbox, boolean ownsSandbox, Path dataDir,
                       Map<String, String> env) {
        this.mapper = newMapper();
        this.httpExecutor = Executors.newCachedThreadPool(new NamedThreads("purgedeck-http"));
        this.connection = connection;
        this.sandbox = sandbox;
        this.ownsSandbox = ownsSandbox;
        this.dataDir = dataDir;
        this.env = Map.copyOf(env);
        this.preferences = Preferences.load(dataDir, mapper);
        HttpClient api = HttpClient.newBuilder().executor(httpExecutor).connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        // In sandbox mode PURGE-method requests to the demo sites go through the sandbox, acting as their edge.
        HttpClient edge = sandbox == null ? api : HttpClient.newBuilder().executor(httpExecutor)
                .connectTimeout(Duration.ofSeconds(10))
                .proxy(ProxySelector.of(new InetSocketAddress("127.0.0.1", sandbox.port()))).build();
        ClientConfig config = ClientConfig.of(connection.endpoint(), connection.token(), userAgent());
        this.client = new FastlyClient(api, edge, mapper, config, Clock.systemUTC());
        this.runner = new BulkPurgeRunner(client);
    }

    /** Uses FASTLY_API_TOKEN (and FASTLY_API_ENDPOINT) when set, else starts the embedded sandbox on a free port. */
    public static AppContext start(Map<String, String> env, Path dataDir) throws IOException {
        Optional<Connection> configured = EnvironmentConnection.resolve(env);
        if (configured.isPresent()) {
            return new AppContext(configured.get(), null, false, dataDir, env);
        }
        SandboxServer sandbox = SandboxServer.start(SandboxConfig.defaults());
        return new AppContext(sandboxConnection(sandbox), sandbox, true, dataDir, env);
    }

    /** A context on a sandbox the caller started and will stop (tests). */
    public static AppContext onSandbox(SandboxServer sandbox, String token, Path dataDir, Map<String, String> env) {
        Connection c = new Connection(Connection.Kind.SANDBOX, sandbox.baseUri(), ApiToken.of(token));
        return new AppContext(c, sandbox, false, dataDir, env);
    }

    private static Connection sandboxConnection(SandboxServer sandbox) {
        return new Connection(Connection.Kind.SANDBOX, sandbox.baseUri(), ApiToken.of(DemoAccount.GLOBAL_TOKEN));
    }

    /** The shared JSON mapper: ISO-8601 times, no failure on unknown fields added by newer versions. */
    public static ObjectMapper newMapper() {
        return new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public static String userAgent() {
        return "PurgeDeck/" + Version.get() + " (Java " + Runtime.version().feature() + ")";
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    public Connection connection() {
        return connection;
    }

    public Optional<SandboxServer> sandbox() {
        return Optional.ofNullable(sandbox);
    }

    public FastlyClient client() {
        return client;
    }

    public BulkPurgeRunner runner() {
        return runner;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Map<String, String> env() {
        return env;
    }

    /** Remembered choices, stored in the data directory. */
    public Preferences preferences() {
        return preferences;
    }

    /** How many purge requests a job keeps in flight. */
    public int concurrency() {
        return JobRequest.DEFAULT_CONCURRENCY;
    }

    @Override
    public void close() {
        httpExecutor.shutdownNow();
        if (ownsSandbox) {
            sandbox.close();
        }
        try {
            httpExecutor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
