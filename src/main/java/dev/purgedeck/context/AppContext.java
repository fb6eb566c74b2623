package dev.purgedeck.context;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.purgedeck.edge.FetchLimits;
import dev.purgedeck.edge.PageFetcher;
import dev.purgedeck.fastly.ApiToken;
import dev.purgedeck.fastly.BulkPurgeRunner;
import dev.purgedeck.fastly.ClientConfig;
import dev.purgedeck.fastly.FastlyClient;
import dev.purgedeck.fastly.RetryScheduler;
import dev.purgedeck.fastly.SandboxAdmin;
import dev.purgedeck.files.Json;
import dev.purgedeck.files.SafeFiles;
import dev.purgedeck.files.StoreWriter;
import dev.purgedeck.history.HistoryStore;
import dev.purgedeck.history.JobRecording;
import dev.purgedeck.keysets.KeySetStore;
import dev.purgedeck.sandbox.DemoAccount;
import dev.purgedeck.sandbox.SandboxConfig;
import dev.purgedeck.sandbox.SandboxServer;
import dev.purgedeck.settings.Connection;
import dev.purgedeck.settings.EndpointKind;
import dev.purgedeck.settings.Endpoints;
import dev.purgedeck.settings.FastlyCliConfig;
import dev.purgedeck.settings.Profile;
import dev.purgedeck.settings.ProfileStore;
import dev.purgedeck.settings.PurgeTwiceStore;
import dev.purgedeck.settings.RememberedState;
import dev.purgedeck.settings.Settings;
import dev.purgedeck.settings.SettingsStore;
import dev.purgedeck.stats.RealtimeStats;
import dev.purgedeck.team.TeamSync;
import java.io.IOException;
import java.io.UncheckedIOException;
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
 * The composition root: builds the one ObjectMapper, the executors, the stores (history, key sets, settings,
 * profiles, preferences) and the session of the active profile, starting the embedded sandbox when that profile
 * needs it; closes them all on exit.
 */
public final class AppContext implements AutoCloseable {
    /**
     * What the window needs before anything else (theme, size and place): the settings and the remembered
     * preferences, read first so the window can appear while the rest opens. Both write through {@code writer},
     * which the context closes (flushing) on exit; closing the basics does so when no context opened.
     */
    public record Basics(ObjectMapper mapper, RememberedState preferences, SettingsStore settings, StoreWriter writer)
            implements AutoCloseable {
        public static Basics open(Path dataDir) {
            ObjectMapper mapper = Json.newMapper();
            StoreWriter writer = StoreWriter.start("purgedeck-store");
            return new Basics(mapper, RememberedState.load(dataDir, mapper, writer), SettingsStore.open(dataDir, writer),
                    writer);
        }

        /** Writes what is pending and stops the writer's thread. */
        @Override
        public void close() {
            writer.close();
        }
    }

    private final ObjectMapper mapper;
    private final ExecutorService httpExecutor = Executors.newCachedThreadPool(new NamedThreads("purgedeck-http"));
    private final ExecutorService background = Executors.newFixedThreadPool(2, new NamedThreads("purgedeck-work"));
    private final Path dataDir;
    private final Map<String, String> env;
    private final RememberedState preferences;
    private final SettingsStore settings;
    private final StoreWriter storeWriter;
    private final ProfileStore profiles;
    private final PurgeTwiceStore purgeTwice;
    private final HistoryStore history;
    private final JobRecording recording;
    private final KeySetStore keySets;
    private final Optional<TeamSync> team;
    private final boolean ownsSandbox;
    private final Optional<String> folderWarning;
    private SandboxServer sandbox;
    private volatile Session session;
    private String startupProblem;
    /** When the real-time pollers ask again; a test drives it to show that polling ended. */
    private volatile RetryScheduler realtimeScheduler = RetryScheduler.REAL;

    private AppContext(Basics basics, Path dataDir, Map<String, String> env, ProfileStore profiles, SandboxServer sandbox) {
        this.mapper = basics.mapper();
        this.dataDir = dataDir;
        this.env = Map.copyOf(env);
        this.preferences = basics.preferences();
        this.settings = basics.settings();
        this.storeWriter = basics.writer();
        this.profiles = profiles;
        this.purgeTwice = PurgeTwiceStore.open(dataDir, storeWriter);
        this.history = openHistory(dataDir);
        this.recording = new JobRecording(history, Version.get());
        this.keySets = KeySetStore.open(dataDir, Clock.systemUTC());
        this.team = TeamSync.start(dataDir, this.env, Path.of(env.getOrDefault("HOME", System.getProperty("user.home"))), history);
        this.sandbox = sandbox;
        this.ownsSandbox = sandbox == null;
        this.folderWarning = SafeFiles.folderWarning(dataDir); // a file system call: here, off the UI thread
    }

    /**
     * Opens the active profile: the one used last, else FASTLY_API_TOKEN's, else the embedded sandbox (started on
     * a free port). A profile whose token has gone falls back to the sandbox; {@link #startupProblem} says why.
     */
    public static AppContext start(Map<String, String> env, Path dataDir) {
        return start(Basics.open(dataDir), env, dataDir);
    }

    /** {@link #start(Map, Path)} with the settings and preferences already read. */
    public static AppContext start(Basics basics, Map<String, String> env, Path dataDir) {
        Path cliConfig = FastlyCliConfig.defaultLocation(env, System.getProperty("os.name", ""), System.getProperty("user.home"));
        AppContext ctx = new AppContext(basics, dataDir, env, ProfileStore.open(dataDir, env, cliConfig), null);
        try {
            StartupTrace.mark("stores open");
            ctx.session = ctx.open(ctx.profiles.active());
            StartupTrace.mark("session open");
        } catch (RuntimeException | IOException e) {
            ctx.startupProblem = "Could not use the profile \u201c" + ctx.profiles.active().name() + "\u201d: "
                    + e.getMessage() + " Using the sandbox instead.";
            ctx.session = ctx.openSandboxSession(null);
        }
        return ctx;
    }

    /** A context on a sandbox the caller started and will stop, with {@code token} (tests). */
    public static AppContext onSandbox(SandboxServer sandbox, String token, Path dataDir, Map<String, String> env) {
        // Tests never read the user's real Fastly CLI config: point it at a file that does not exist.
        ProfileStore profiles = ProfileStore.open(dataDir, env, dataDir.resolve("no-fastly-cli-config.toml"));
        AppContext ctx = new AppContext(Basics.open(dataDir), dataDir, env, profiles, sandbox);
        Connection c = new Connection(Connection.Kind.SANDBOX, sandbox.baseUri(), ApiToken.of(token));
        ctx.session = ctx.session(null, c);
        return ctx;
    }

    /** Why the remembered profile could not be used at start, if so. */
    public Optional<String> startupProblem() {
        return Optional.ofNullable(startupProblem);
    }

    /** Switches the whole app to another profile; the previous session stays valid until its jobs end. */
    public synchronized Session switchTo(Profile profile) throws IOException {
        Session next = open(profile);
        profiles.setActive(profile.name());
        session = next;
        return next;
    }

    private Session open(Profile profile) throws IOException {
        if (profile.endpointKind() == EndpointKind.SANDBOX) {
            return openSandboxSession(profile);
        }
        return session(profile, profiles.connectionFor(profile, null, null));
    }

    private synchronized Session openSandboxSession(Profile profile) {
        try {
            if (sandbox == null) {
                sandbox = SandboxServer.start(SandboxConfig.builder().trafficPerSecond(300).build());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The sandbox could not start: " + e.getMessage(), e);
        }
        Profile p = profile != null ? profile : profiles.profiles().stream()
                .filter(x -> x.endpointKind() == EndpointKind.SANDBOX).findFirst().orElse(null);
        return session(p, profiles.connectionFor(p, sandbox.baseUri(), ApiToken.of(DemoAccount.GLOBAL_TOKEN)));
    }

    private Session session(Profile profile, Connection connection) {
        HttpClient api = HttpClient.newBuilder().executor(httpExecutor).connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        // On the sandbox, PURGE-method requests to the demo sites go through it, acting as their edge.
        HttpClient edge = connection.kind() != Connection.Kind.SANDBOX || sandbox == null ? api
                : HttpClient.newBuilder().executor(httpExecutor).connectTimeout(Duration.ofSeconds(10))
                .proxy(ProxySelector.of(new InetSocketAddress("127.0.0.1", sandbox.port()))).build();
        // Timeout and retries as set in Settings when the session opens (switching profile or restarting applies
        // a change); the job deadline is read at each start.
        Settings limits = settings.get();
        ClientConfig config = new ClientConfig(connection.endpoint(), connection.token(), Version.userAgent(),
                Duration.ofSeconds(limits.requestTimeoutSeconds()), limits.retryPolicy());
        FastlyClient client = new FastlyClient(api, edge, config, Clock.systemUTC());
        // Cancel completes requests in flight, whose callbacks record outcomes: on the HTTP threads, not the caller's.
        return new Session(profile, connection, client, new BulkPurgeRunner(client, httpExecutor));
    }

    /** The session of the active profile. */
    public Session session() {
        return session;
    }

    public Connection connection() {
        return session.connection();
    }

    /** The active connection's real-time stats; its pollers run on the HTTP threads, never the caller's. */
    public RealtimeStats realtimeStats() {
        Connection c = session.connection();
        HttpClient http = HttpClient.newBuilder().executor(httpExecutor).connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        return new RealtimeStats(http, mapper, c.realtimeEndpoint(), c.token(), realtimeScheduler);
    }

    /** Makes the pollers of windows built after this call wait on {@code scheduler} (tests drive each poll). */
    public void useRealtimeScheduler(RetryScheduler scheduler) {
        this.realtimeScheduler = scheduler;
    }

    public FastlyClient client() {
        return session.client();
    }

    public BulkPurgeRunner runner() {
        return session.runner();
    }

    /** Whether the active profile is a sandbox (the embedded one, or one on this computer). */
    public boolean onSandbox() {
        return session.connection().kind() == Connection.Kind.SANDBOX;
    }

    /**
     * The active profile's sandbox, read through its own HTTP endpoints: present for a sandbox profile and for any
     * endpoint on this computer (another process's sandbox); such an endpoint that is no sandbox says so when asked.
     */
    public Optional<SandboxAdmin> sandboxAdmin() {
        Connection c = session.connection();
        if (c.kind() != Connection.Kind.SANDBOX && !Endpoints.isLoopback(c.endpoint())) {
            return Optional.empty();
        }
        HttpClient http = HttpClient.newBuilder().executor(httpExecutor).connectTimeout(Duration.ofSeconds(5)).build();
        return Optional.of(new SandboxAdmin(http, mapper, c.endpoint()));
    }

    /** Fetches pages as the active profile sees them (a sandbox profile's demo sites through the sandbox). */
    public PageFetcher pageFetcher() {
        return PageFetcher.forConnection(session.connection(), Version.userAgent(), FetchLimits.DEFAULT, httpExecutor);
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Map<String, String> env() {
        return env;
    }

    /** Remembered choices (window, mode, last service), stored in the data directory. */
    public RememberedState preferences() {
        return preferences;
    }

    /** The user's settings: default soft/hard, concurrency, confirmation threshold, theme. */
    public SettingsStore settings() {
        return settings;
    }

    /** Which services are purged twice, per profile (written by the store writer). */
    public PurgeTwiceStore purgeTwice() {
        return purgeTwice;
    }

    /** The profiles: discovered ones (environment, Fastly CLI, sandbox) and the user's own. */
    public ProfileStore profiles() {
        return profiles;
    }

    /** The named key sets; a damaged file is set aside and reported, never fatal. */
    public KeySetStore keySets() {
        return keySets;
    }

    /** The purge history; another PurgeDeck writing to the same file is noticed within two seconds. */
    public HistoryStore history() {
        return history;
    }

    /** Shipping to the team database, when one is set up (issue 18). */
    public Optional<TeamSync> team() {
        return team;
    }

    /** Records every job the window runs in the history, off the caller's thread. */
    public JobRecording recording() {
        return recording;
    }

    /**
     * The warning when others may change the data folder (they could swap PurgeDeck's files for links), as read
     * when this context was opened; empty when the folder is private.
     */
    public Optional<String> folderWarning() {
        return folderWarning;
    }

    /** For work that must stay off the UI thread: loading, filtering and exporting the history. */
    public ExecutorService background() {
        return background;
    }

    /** How many purge requests a job keeps in flight, from the settings. */
    public int concurrency() {
        return settings.get().concurrency();
    }

    private static HistoryStore openHistory(Path dataDir) {
        try {
            HistoryStore store = HistoryStore.open(HistoryStore.fileIn(dataDir));
            store.watch(Duration.ofSeconds(2));
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException("The purge history in " + dataDir + " cannot be opened: " + e.getMessage(), e);
        }
    }

    /** Writes settings and preferences off the UI thread, coalescing bursts; flushed on close. */
    public StoreWriter storeWriter() {
        return storeWriter;
    }

    @Override
    public void close() {
        recording.close(); // first: what it still has queued goes into the history before that closes
        storeWriter.close();
        team.ifPresent(TeamSync::close);
        history.close();
        background.shutdownNow();
        httpExecutor.shutdownNow();
        if (ownsSandbox && sandbox != null) {
            sandbox.close();
        }
        try {
            httpExecutor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
