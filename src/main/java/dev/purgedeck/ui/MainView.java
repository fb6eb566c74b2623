package dev.purgedeck.ui;

import dev.purgedeck.context.AppContext;
import dev.purgedeck.edge.PurgeVerifier;
import dev.purgedeck.edge.VerifySettings;
import dev.purgedeck.fastly.ServiceInfo;
import dev.purgedeck.fastly.TokenInfo;
import dev.purgedeck.files.StoreWriter;
import dev.purgedeck.history.JobContext;
import dev.purgedeck.history.JobNote;
import dev.purgedeck.history.JobRecording;
import dev.purgedeck.history.TeamNotices;
import dev.purgedeck.history.Webhook;
import dev.purgedeck.settings.ColumnWidths;
import dev.purgedeck.settings.Connection;
import dev.purgedeck.settings.EnvironmentConnection;
import dev.purgedeck.settings.HostMapStore;
import dev.purgedeck.settings.Profile;
import dev.purgedeck.settings.RememberedState;
import dev.purgedeck.settings.ThemeMode;
import dev.purgedeck.settings.TokenOwners;
import dev.purgedeck.settings.WebhookStore;
import dev.purgedeck.team.TeamSettingsStore;
import dev.purgedeck.ui.common.Dialogs;
import dev.purgedeck.ui.common.FxDialogs;
import dev.purgedeck.ui.common.Icons;
import dev.purgedeck.ui.common.Theme;
import dev.purgedeck.ui.history.EventLogViewModel;
import dev.purgedeck.ui.history.HistoryScopes;
import dev.purgedeck.ui.history.HistoryView;
import dev.purgedeck.ui.history.HistoryViewModel;
import dev.purgedeck.ui.history.TeamHistoryPane;
import dev.purgedeck.ui.history.TeamHistoryViewModel;
import dev.purgedeck.ui.impact.ImpactViewModel;
import dev.purgedeck.ui.inspect.InspectorViewModel;
import dev.purgedeck.ui.keysets.KeySetPicker;
import dev.purgedeck.ui.keysets.KeySetsView;
import dev.purgedeck.ui.keysets.KeySetsViewModel;
import dev.purgedeck.ui.purge.PurgeMode;
import dev.purgedeck.ui.purge.PurgeView;
import dev.purgedeck.ui.purge.PurgeViewModel;
import dev.purgedeck.ui.purge.SandboxCacheViewModel;
import dev.purgedeck.ui.purge.ServiceSelectorViewModel;
import dev.purgedeck.ui.settings.PurgeTwiceSection;
import dev.purgedeck.ui.settings.PurgeTwiceViewModel;
import dev.purgedeck.ui.settings.SettingsView;
import dev.purgedeck.ui.settings.SettingsViewModel;
import dev.purgedeck.ui.settings.TeamNoticeSection;
import dev.purgedeck.ui.settings.TeamNoticeViewModel;
import dev.purgedeck.ui.settings.TeamSettingsSection;
import dev.purgedeck.ui.settings.TeamSettingsViewModel;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.feather.Feather;

/** The main window's content: a header saying where PurgeDeck is connected, and the Purge, History, Key sets and Settings screens. */
public final class MainView {
    private final BorderPane root = new BorderPane();
    private final TabPane tabs = new TabPane();
    private final Tab purgeTab = tab("Purge", "tabPurge", Feather.ZAP);
    private final Tab historyTab = tab("History", "tabHistory", Feather.CLOCK);
    private final Tab keySetsTab = tab("Key sets", "tabKeySets", Feather.LAYERS);
    private final Tab settingsTab = tab("Settings", "tabSettings", Feather.SETTINGS);
    private final AppContext context;
    private final Runnable unsubscribe;
    /** The window's shortcuts, kept to take them off the scene again when the window is replaced. */
    private final java.util.Map<javafx.scene.input.KeyCombination, Runnable> shortcuts = new java.util.HashMap<>();
    private Lazy<HistoryView> historyView;
    private final Executor uiThread;
    private Lazy<KeySetsView> keySetsView;
    private Lazy<SettingsView> settingsView;
    /** Follows the purge-twice store once Settings is opened; let go with the window. */
    private PurgeTwiceViewModel purgeTwiceSettings;

    /** Made once, on first use. */
    private static final class Lazy<T> {
        private final java.util.function.Supplier<T> make;
        private T value;

        Lazy(java.util.function.Supplier<T> make) {
            this.make = make;
        }

        T get() {
            if (value == null) {
                value = make.get();
            }
            return value;
        }
    }
    private final KeySetsViewModel keySets;
    private final PurgeViewModel purge;
    private final HistoryViewModel history;
    private final java.util.concurrent.atomic.AtomicBoolean historyLoading =
            new java.util.concurrent.atomic.AtomicBoolean();
    private final ConnectionViewModel connection;
    private final Inspection inspection;
    private final ImpactViewModel impact;

    /**
     * @param dialogs  the questions screens ask; null for real JavaFX dialogs owned by this window
     * @param switcher switches the app to another profile (the shell rebuilds the window)
     */
    public MainView(AppContext context, Executor fx, Dialogs dialogs, java.util.function.Consumer<Profile> switcher) {
        this.context = context;
        RememberedState prefs = context.preferences();
        this.uiThread = fx;
        Dialogs ask = dialogs != null ? dialogs : new FxDialogs(() -> root.getScene() == null ? null : root.getScene().getWindow());
        connection = new ConnectionViewModel(context.connection(), context.client(), fx);
        ServiceSelectorViewModel services = new ServiceSelectorViewModel(context.client(), fx, prefs,
                EnvironmentConnection.serviceId(context.env()), context.onSandbox(), ask);
        purge = new PurgeViewModel(services, context.runner(), fx, context.background(), prefs, context.settings(), ask);
        // Said where it is seen: a folder others may change (they could swap PurgeDeck's files for links), and
        // settings files that were damaged and set aside.
        String notice = java.util.stream.Stream.of(context.folderWarning(), prefs.problem(),
                context.settings().problem()).flatMap(Optional::stream).collect(Collectors.joining(" "));
        if (!notice.isEmpty()) {
            purge.reportProblem(notice);
        }
        JobRecording recording = context.recording();
        java.util.function.Consumer<Exception> unrecorded = e -> fx.execute(() -> purge.reportProblem(
                "The purge goes on, but the history could not be written (" + e.getMessage() + "). The outcomes are"
                + " kept in this window and written with the next purge; free some disk space and do not close"
                + " PurgeDeck before then."));
        purge.results().setRecorder((jobId, request, retryOf) -> {
            JobContext job = recording.context(jobId, request, context.session().origin(),
                    serviceName(services, request.serviceId()), purge.hosts().routes(request.targets()));
            return recording.begin(retryOf == null ? job : job.retrying(retryOf), unrecorded);
        });
        purge.results().setVerifier(PurgeVerifier.of(context.pageFetcher(), VerifySettings.DEFAULT));
        purge.twice().attach(context.purgeTwice(), context.session().profileName());
        TeamNotices teamNotices = teamNotices(context);
        purge.results().onFinished(result -> teamNotices.send(recording.context(result.jobId(), result.request(),
                context.session().origin(), serviceName(services, result.request().serviceId())), result)
                .thenAccept(p -> p.ifPresent(problem -> fx.execute(() -> purge.results()
                        .showNotice(result.jobId(), problem)))));
        purge.hosts().startFrom(context.client(), new HostMapStore(context.dataDir()), context.session().origin(),
                context.background());
        history = new HistoryViewModel(context.history(), recording.notes(), fx, context.background(),
                (request, name) -> {
            tabs.getSelectionModel().select(purgeTab);
            return purge.run(request);
        }, ask, () -> context.session().origin(), ZoneId.systemDefault());
        // Changes are signed user@computer (profile), as the team history names who purged.
        dev.purgedeck.team.SharedKeySets sharedSets = context.team().map(t -> new dev.purgedeck.team.SharedKeySets(
                t.connection(), context.dataDir(), dev.purgedeck.team.SharedKeySets.who(JobContext.currentUser(),
                TeamSettingsStore.computerName(context.env()), context.session().profileName()), Clock.systemUTC()))
                .orElse(null);
        keySets = new KeySetsViewModel(context.keySets(), sharedSets, ask, (request, set) -> {
            tabs.getSelectionModel().select(purgeTab);
            purge.checkPages().useSampleUrls(set.sampleUrls());
            return purge.run(request);
        }, context.background(), fx);
        Supplier<Optional<ServiceInfo>> currentService = () -> Optional.ofNullable(services.serviceIdProperty().get())
                .filter(id -> !id.isBlank()).map(id -> ServiceInfo.named(id, services.serviceName()));
        KeySetPicker picker = new KeySetPicker(keySets, ask, purge.keys(), currentService, () -> purge.softProperty().get());
        picker.onChosen(set -> purge.checkPages().useSampleUrls(set.sampleUrls()));
        PurgeView purgeView = new PurgeView(purge, context.sandboxAdmin().map(a -> new SandboxCacheViewModel(a, fx)), picker);
        dev.purgedeck.stats.RealtimeStats stats = context.realtimeStats();
        // Written on the history's writer thread, never the UI thread; shown in History's details of that job.
        impact = new ImpactViewModel(stats::follow, fx, (jobId, text) -> recording.note(
                JobNote.ofJob(jobId, JobNote.IMPACT, text, Instant.now())));
        purgeView.enableImpact(impact);
        inspection = new Inspection(context, fx, ask, purge, keySets, currentService,
                () -> tabs.getSelectionModel().select(purgeTab), () -> root.getScene() == null ? null : root.getScene().getWindow());
        // The other screens are built when first opened: a window that only purges starts faster.
        historyView = new Lazy<>(() -> {
            HistoryView v = new HistoryView(history(), ZoneId.systemDefault(), new ColumnWidths(prefs, "history"));
            v.setCommands(purge.results()::commands);
            Supplier<java.util.Map<String, String>> names = () -> services.services().stream()
                    .filter(s -> s.name() != null).collect(Collectors.toMap(ServiceInfo::id, ServiceInfo::name,
                            (a, b) -> a));
            v.setEventLog(new EventLogViewModel(context::client, history::allEntries, names, context.background(),
                    fx, Clock.systemUTC()), ZoneId.systemDefault());
            return inspection.onHistory(v);
        });
        keySetsView = new Lazy<>(() -> new KeySetsView(keySets, ask, currentService));
        settingsView = new Lazy<>(() -> {
            SettingsView view = new SettingsView(new SettingsViewModel(context.settings(), context.profiles(), switcher,
                    context.dataDir(), context.background(), fx, this::testConnection), connection.detailsProperty(),
                    () -> historyView.get().openDataFolder());
            purgeTwiceSettings = new PurgeTwiceViewModel(context.purgeTwice(), context.session().profileName(), fx);
            view.addSectionBeforePurging(new PurgeTwiceSection(purgeTwiceSettings).root());
            TeamNoticeViewModel noticeVm = new TeamNoticeViewModel(new WebhookStore(context.dataDir()), teamNotices,
                    context.session().origin().profile(), context.background(), fx);
            noticeVm.load();
            view.addSection(new TeamNoticeSection(noticeVm).root());
            TeamSettingsStore teamStore = new TeamSettingsStore(context.dataDir());
            Parent team = new TeamSettingsSection(new TeamSettingsViewModel(teamStore, teamStore.passwords(
                    context.env(), Path.of(context.env().getOrDefault("HOME", System.getProperty("user.home")))),
                    context.background(), fx)).root();
            // Optional and rarely changed: folded away until someone opens it, unless a team is set up.
            javafx.scene.control.TitledPane fold = new javafx.scene.control.TitledPane("Team database (optional)", team);
            fold.setId("teamFold");
            fold.setExpanded(context.team().isPresent());
            view.addSection(fold);
            return view;
        });
        connection.tokenInfoProperty().addListener((o, a, info) -> adaptTo(info, services));
        TokenOwners owners = new TokenOwners(context.dataDir()); // team rows name the token's owner (docs/team.md §6)
        connection.tokenInfoProperty().addListener((o, a, info) -> {
            if (info != null && TokenOwners.isEmail(info.owner())) {
                context.background().execute(() -> owners.remember(context.session().origin().profile(),
                        info.owner()));
            }
        });
        purgeView.setBringForward(() -> tabs.getSelectionModel().select(purgeTab));
        purgeTab.setContent(inspection.around(purgeView.root()));
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, t) -> fill(t));
        // Others change shared sets: each visit to Key sets reads them again (in the background).
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, t) -> {
            if (t == keySetsTab) {
                keySets.shared().refresh();
            }
        });
        tabs.getTabs().setAll(purgeTab, historyTab, keySetsTab, settingsTab);
        tabs.setId("mainTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        root.setTop(header(switcher, fx));
        java.util.function.Consumer<dev.purgedeck.settings.Settings> themeFollows =
                s -> fx.execute(() -> Theme.of(s.theme(), context.env()).apply());
        context.settings().addListener(themeFollows);
        javafx.beans.value.ChangeListener<Scene> sceneFollower = (o, a, scene) -> {
            if (a != null) {
                shortcuts.forEach((key, action) -> a.getAccelerators().remove(key, action));
            }
            if (scene != null) {
                installShortcuts(scene, picker, purgeView);
            }
        };
        // Everything this window registered on objects that outlive it (stores, scene), so a switch leaks nothing.
        unsubscribe = () -> {
            context.settings().removeListener(themeFollows);
            history.dispose();
            keySets.dispose();
            purge.dispose();
            purgeView.dispose();
            impact.stop();
            inspection.close();
            if (purgeTwiceSettings != null) {
                purgeTwiceSettings.dispose();
            }
            root.sceneProperty().removeListener(sceneFollower);
            if (root.getScene() != null) {
                shortcuts.forEach((key, action) -> root.getScene().getAccelerators().remove(key, action));
            }
        };
        root.setCenter(tabs);
        root.getStyleClass().add("main-window");
        root.sceneProperty().addListener(sceneFollower);
        connection.check();
        services.load();
        // The history is read when first needed (its screen, or a caller of history()): a window that only purges
        // never holds it, which for a million entries is 400 MB.
    }

    public Parent root() {
        return root;
    }

    /** Lets go of the shared stores, when the window is replaced (profile switch) or closed. */
    public void dispose() {
        unsubscribe.run();
    }

    /**
     * Reads a token at an endpoint before its profile is added, once and without retries, so a typo is reported at
     * once; the address was checked as for any profile (no redirects followed).
     */
    private java.util.concurrent.CompletableFuture<TokenInfo> testConnection(java.net.URI endpoint,
                                                                              dev.purgedeck.fastly.ApiToken token) {
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder().connectTimeout(java.time.Duration.ofSeconds(10))
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();
        dev.purgedeck.fastly.ClientConfig config = new dev.purgedeck.fastly.ClientConfig(endpoint, token,
                dev.purgedeck.context.Version.userAgent(),
                java.time.Duration.ofSeconds(context.settings().get().requestTimeoutSeconds()),
                dev.purgedeck.fastly.RetryPolicy.NONE);
        return new dev.purgedeck.fastly.FastlyClient(http, config).readToken();
    }

    /** Makes the screens follow what the token may do. */
    private void adaptTo(TokenInfo info, ServiceSelectorViewModel services) {
        if (info == null) {
            return;
        }
        if (!info.canPurgeAll()) {
            purge.refuseEverything("This token may not purge everything: that needs the purge_all or global scope.");
        }
        if (!info.canListServices()) {
            services.refuseListing("This token cannot list services (that needs the global or global:read scope).");
        }
    }

    public PurgeViewModel purge() {
        return purge;
    }

    /** The Impact panel's state (whether it still polls, among others). */
    public ImpactViewModel impact() {
        return impact;
    }

    /** The History screen's model, which starts reading the history on this first call. */
    public HistoryViewModel history() {
        if (historyLoading.compareAndSet(false, true)) {
            uiThread.execute(history::load); // callers off the UI thread too (tests waiting for rows)
        }
        return history;
    }

    public KeySetsViewModel keySets() {
        return keySets;
    }

    /** The page inspector of this window. */
    public InspectorViewModel inspector() {
        return inspection.viewModel();
    }


    /** Sends each job's team notice and notes how that went, in the notes the window's History follows. */
    private static TeamNotices teamNotices(AppContext context) {
        return new TeamNotices(new WebhookStore(context.dataDir())::get, Webhook.withOwnClient(),
                context.recording().notes(), context.background(), Clock.systemUTC()); // an open History shows it
    }

    /** The service's name as the service list shows it, for the history; empty when it is not listed. */
    private static String serviceName(ServiceSelectorViewModel services, String serviceId) {
        return services.services().stream().filter(s -> s.id().equals(serviceId)).map(ServiceInfo::name)
                .findFirst().orElse("");
    }

    private void fill(Tab t) {
        if (t == null || t.getContent() != null) {
            return;
        }
        if (t == historyTab) {
            t.setContent(context.team().map(team -> new HistoryScopes(historyView.get().root(), () -> {
                TeamHistoryViewModel vm = new TeamHistoryViewModel(team.history(sql -> { }), context.background(),
                        uiThread);
                vm.search();
                return new TeamHistoryPane(vm, ZoneId.systemDefault());
            }).root()).orElseGet(() -> historyView.get().root()));
        } else if (t == keySetsTab) {
            t.setContent(keySetsView.get().root());
        } else if (t == settingsTab) {
            t.setContent(settingsView.get().root());
        }
    }

    private void installShortcuts(Scene scene, KeySetPicker picker, PurgeView purgeView) {
        var acc = shortcuts;
        acc.put(new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), () -> {
            tabs.getSelectionModel().select(purgeTab);
            javafx.application.Platform.runLater(purgeView::focusInput);
        });
        acc.put(new KeyCodeCombination(KeyCode.H, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), () -> {
            tabs.getSelectionModel().select(historyTab);
            historyView.get().focusSearch();
        });
        acc.put(new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), () -> {
            tabs.getSelectionModel().select(keySetsTab);
            keySetsView.get().focusSearch();
        });
        acc.put(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), () -> {
            if (tabs.getSelectionModel().getSelectedItem() == purgeTab && purge.modeProperty().get() == PurgeMode.KEYS) {
                picker.saveAsSet();
            }
        });
        scene.getAccelerators().putAll(shortcuts);
    }

    private static Tab tab(String title, String id, Feather icon) {
        Tab t = new Tab(title);
        t.setId(id);
        t.setGraphic(Icons.icon(icon));
        return t;
    }

    private HBox header(java.util.function.Consumer<Profile> switcher, Executor fx) {
        Label title = new Label("PurgeDeck");
        title.getStyleClass().add("app-title");
        Label badge = new Label(connection.badge());
        badge.setId("endpointBadge");
        badge.getStyleClass().addAll("badge", connection.kind() == Connection.Kind.SANDBOX ? "badge-sandbox"
                : connection.kind() == Connection.Kind.FASTLY ? "badge-fastly" : "badge-custom");
        Label endpoint = new Label(connection.endpoint());
        endpoint.setId("endpointUrl");
        endpoint.getStyleClass().add("muted");
        Label token = new Label();
        token.setId("tokenOwner");
        token.textProperty().bind(connection.tokenTextProperty());
        connection.tokenProblemProperty().addListener((o, a, bad) -> {
            token.getStyleClass().remove("error-text");
            if (bad) {
                token.getStyleClass().add("error-text");
            }
        });
        Button themeToggle = Icons.iconButton(Feather.MOON, "Switch between light and dark theme");
        themeToggle.setId("themeToggle");
        themeToggle.setOnAction(e -> {
            Theme next = Theme.of(context.settings().get().theme(), context.env()) == Theme.DARK ? Theme.LIGHT : Theme.DARK;
            // The theme follows through the settings listener at once; only a failed save is reported later.
            context.settings().update(st -> st.withTheme(next == Theme.DARK ? ThemeMode.DARK : ThemeMode.LIGHT))
                    .whenComplete((v, ex) -> {
                        if (ex != null) {
                            String why = StoreWriter.reason(ex);
                            fx.execute(() -> purge.reportProblem("Could not remember the theme: " + why));
                        }
                    });
            themeToggle.setGraphic(Icons.icon(next == Theme.DARK ? Feather.SUN : Feather.MOON));
        });
        themeToggle.setGraphic(Icons.icon(Theme.of(context.settings().get().theme(), context.env()) == Theme.DARK
                ? Feather.SUN : Feather.MOON));
        javafx.scene.control.ComboBox<Profile> profileBox = new javafx.scene.control.ComboBox<>();
        profileBox.setId("profileSwitcher");
        profileBox.getItems().setAll(context.profiles().profiles());
        Profile active = context.session().profile();
        profileBox.setValue(active == null ? null : profileBox.getItems().stream()
                .filter(p -> p.name().equals(active.name())).findFirst().orElse(null));
        profileBox.setPromptText("Profile");
        profileBox.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Profile p) {
                return p == null ? "" : p.name();
            }

            @Override
            public Profile fromString(String s) {
                return null;
            }
        });
        profileBox.setTooltip(new javafx.scene.control.Tooltip("Switch profile: where purges go and with which token"));
        profileBox.valueProperty().addListener((o, a, p) -> {
            if (p != null && a != null && !p.name().equals(a.name())) {
                switcher.accept(p);
            }
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label team = TeamStatusLabel.create(context.team(), fx);
        // Seen at 1024 px: the team status made the title and the badge give way; the URL and token text give way.
        for (Label whole : List.of(title, badge, team)) {
            whole.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox header = new HBox(10, title, badge, endpoint, spacer, team, token, profileBox, themeToggle);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(8, 12, 8, 12));
        header.getStyleClass().add("app-header");
        return header;
    }
}
