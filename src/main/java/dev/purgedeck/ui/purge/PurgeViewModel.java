package dev.purgedeck.ui.purge;

import dev.purgedeck.fastly.BulkPurgeRunner;
import dev.purgedeck.fastly.InvalidInputException;
import dev.purgedeck.fastly.JobRequest;
import dev.purgedeck.fastly.PurgeOptions;
import dev.purgedeck.fastly.ServiceNameMatch;
import dev.purgedeck.settings.ColumnWidths;
import dev.purgedeck.settings.Pref;
import dev.purgedeck.settings.RememberedState;
import dev.purgedeck.settings.SettingsStore;
import dev.purgedeck.ui.common.Dialogs;
import dev.purgedeck.ui.controls.KeyTagViewModel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The purge console: which service, what to purge (URLs, keys or everything), soft or hard, and the job with its
 * results. Holds no nodes; the view binds to it and calls its commands.
 */
public final class PurgeViewModel {
    private final ServiceSelectorViewModel services;
    private final UrlInputViewModel urls = new UrlInputViewModel();
    private final HostRouting hosts;
    private final PurgeTwiceChoice twice;
    private final KeyTagViewModel keys = new KeyTagViewModel();
    private final ResultsViewModel results;
    private final CheckPages checkPages;
    private final ColumnWidths resultColumns;
    private final javafx.beans.property.DoubleProperty resultsSplit = new javafx.beans.property.SimpleDoubleProperty();
    private final ObjectProperty<PurgeMode> mode = new SimpleObjectProperty<>(PurgeMode.URLS);
    private final BooleanProperty soft = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ObjectProperty<PurgeOptions.Environment> environment = new SimpleObjectProperty<>(PurgeOptions.Environment.PRODUCTION);
    private final BooleanProperty everythingAllowed = new SimpleBooleanProperty(true);
    private final ReadOnlyStringWrapper everythingRefusal = new ReadOnlyStringWrapper("");
    private final BooleanBinding canPurge;
    private final StringBinding purgeHint;
    private final SettingsStore settings;
    private final Dialogs dialogs;
    private final Executor fx;
    private final Executor background;
    /** Kept so {@link #dispose} can remove it: the store outlives this console (profile switches). */
    private final java.util.function.Consumer<dev.purgedeck.settings.Settings> followSettings;

    /**
     * As {@link #PurgeViewModel(ServiceSelectorViewModel, BulkPurgeRunner, Executor, Executor, RememberedState,
     * SettingsStore, Dialogs)}, reading dropped files on the caller's thread: for tests without a toolkit.
     */
    public PurgeViewModel(ServiceSelectorViewModel services, BulkPurgeRunner runner, Executor fx, RememberedState prefs,
                          SettingsStore settings, Dialogs dialogs) {
        this(services, runner, fx, Runnable::run, prefs, settings, dialogs);
    }

    /**
     * @param background reads dropped files (never the UI thread in the app)
     * @param settings   default soft/hard (the switch starts from it), concurrency and the confirmation threshold
     * @param dialogs    asks before a large purge and for the typed name before purging everything
     */
    public PurgeViewModel(ServiceSelectorViewModel services, BulkPurgeRunner runner, Executor fx, Executor background,
                          RememberedState prefs, SettingsStore settings, Dialogs dialogs) {
        this.services = services;
        this.dialogs = dialogs;
        this.background = background;
        this.results = new ResultsViewModel(runner, fx);
        this.resultColumns = new ColumnWidths(prefs, "results");
        double split = prefs.get(Pref.RESULTS_SPLIT);
        resultsSplit.set(split > 0.1 && split < 0.9 ? split : Pref.RESULTS_SPLIT.defaultValue());
        resultsSplit.addListener((o, a, b) -> prefs.set(Pref.RESULTS_SPLIT, b.doubleValue()));
        this.settings = settings;
        this.fx = fx;
        this.hosts = new HostRouting(urls, services, mode, fx);
        this.twice = new PurgeTwiceChoice(services, urls, hosts, mode, fx);
        results.setPurgeTwice(twice::delayFor);
        results.onVerdict(twice::verdictSeen);
        this.checkPages = new CheckPages(prefs, services.serviceIdProperty());
        results.setPlanner(checkPages::plan);
        // The switch starts from the default in Settings and lasts until the app closes; it never writes the
        // default back (one soft purge must not make the next day's purges soft). A new default set in Settings
        // applies at once; other settings changes leave the switch alone.
        boolean[] lastDefault = {settings.get().defaultSoft()};
        this.followSettings = s -> fx.execute(() -> {
            if (s.defaultSoft() != lastDefault[0]) {
                lastDefault[0] = s.defaultSoft();
                soft.set(s.defaultSoft());
            }
        });
        soft.set(lastDefault[0]);
        settings.addListener(followSettings);
        results.verifyProperty().set(prefs.get(Pref.VERIFY));
        results.verifyProperty().addListener((o, was, on) -> prefs.set(Pref.VERIFY, on));
        mode.set(startMode(prefs.get(Pref.LAST_MODE)));
        mode.addListener((o, a, m) -> {
            prefs.set(Pref.LAST_MODE, m.name());
            error.set("");
        });
        purgeHint = Bindings.createStringBinding(this::computeHint, mode, urls.parsedProperty(),
                keys.validCountProperty(), services.serviceIdProperty(), results.runningProperty(), environment,
                everythingAllowed);
        canPurge = Bindings.createBooleanBinding(() -> purgeHint.get().isEmpty(), purgeHint);
    }

    /** Stops following the settings store, which outlives this console; called when the window is replaced. */
    public void dispose() {
        settings.removeListener(followSettings);
        twice.dispose();
    }

    /** What the user typed in the console, carried across a profile switch so that nothing typed is lost. */
    public record Input(PurgeMode mode, String urls, List<String> keys, boolean soft) {
    }

    /** The console's input now. */
    public Input input() {
        return new Input(mode.get(), urls.textProperty().get(),
                keys.entries().stream().map(dev.purgedeck.ui.controls.KeyEntry::key).toList(), soft.get());
    }

    /** Puts back what was typed in the console of the previous profile; Everything comes back as URLs, as at start. */
    public void restore(Input input) {
        urls.textProperty().set(input.urls());
        keys.setAll(input.keys());
        soft.set(input.soft());
        mode.set(input.mode() == PurgeMode.ALL ? PurgeMode.URLS : input.mode());
    }

    // ---- Properties

    public ServiceSelectorViewModel services() {
        return services;
    }

    /** Where the URLs go: the host → service map and its line under the URL box. */
    public HostRouting hosts() {
        return hosts;
    }

    /** Purge twice for the services that have it: the hint, the offer, and the delay of each job. */
    public PurgeTwiceChoice twice() {
        return twice;
    }

    public UrlInputViewModel urls() {
        return urls;
    }

    public KeyTagViewModel keys() {
        return keys;
    }

    /** Where the user put the splitter between input and results (a fraction of the height), kept across restarts. */
    public javafx.beans.property.DoubleProperty resultsSplitProperty() {
        return resultsSplit;
    }

    /** The widths the user gave the results' columns, kept across jobs and restarts. */
    public ColumnWidths resultColumns() {
        return resultColumns;
    }

    public ResultsViewModel results() {
        return results;
    }

    /** The pages key purges and purge-all are verified on: "Check these pages" and the keys' inspector pages. */
    public CheckPages checkPages() {
        return checkPages;
    }

    public ObjectProperty<PurgeMode> modeProperty() {
        return mode;
    }

    /** The user's soft-purge choice; it does not apply to everything, which is always hard. */
    public BooleanProperty softProperty() {
        return soft;
    }

    /** Whether there is something valid to purge and no job is running. */
    public BooleanBinding canPurgeProperty() {
        return canPurge;
    }

    /** Why Purge is disabled, or "" when it is enabled. */
    public StringBinding purgeHintProperty() {
        return purgeHint;
    }

    /** Production, or staging ({@code Fastly-Purge-Environment: staging}; keys and everything only). */
    public ObjectProperty<PurgeOptions.Environment> environmentProperty() {
        return environment;
    }

    /** Whether the token may purge everything (purge_all or global); set from the token's scopes. */
    public BooleanProperty everythingAllowedProperty() {
        return everythingAllowed;
    }

    /** Why Everything is not offered, when it is not. */
    public ReadOnlyStringProperty everythingRefusalProperty() {
        return everythingRefusal.getReadOnlyProperty();
    }

    /** Disables Everything for a token without purge_all, saying why. */
    public void refuseEverything(String why) {
        everythingAllowed.set(false);
        everythingRefusal.set(why);
        if (mode.get() == PurgeMode.ALL) {
            mode.set(PurgeMode.URLS);
        }
    }

    /** How many items the current input would purge. */
    public int itemCount() {
        return switch (mode.get()) {
            case URLS -> urls.validUrls().size();
            case KEYS -> keys.validCountProperty().get();
            case ALL -> 1;
        };
    }

    /** Whether the settings ask for a confirmation before purging this many items. */
    public boolean needsConfirmation() {
        return mode.get() != PurgeMode.ALL && settings.get().needsConfirmation(itemCount());
    }

    /** A message about the last purge attempt that could not start, e.g. invalid input. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    // ---- Commands

    /**
     * What the Purge button and Ctrl+Enter do: cancel the running job; else purge, after asking when the purge is
     * larger than the limit in Settings, or after the service's name was typed when it purges everything.
     */
    public void purgeOrCancel() {
        if (results.runningProperty().get()) {
            cancel();
        } else if (canPurge.get() && mode.get() == PurgeMode.ALL) {
            String word = services.confirmationWord();
            dialogs.askToType("Purge everything?", "Purge everything on " + services.choiceProperty().get() + "?",
                    "Every cached object of this service is removed from Fastly at once. This cannot be a soft purge "
                    + "and cannot be undone: requests go to your origin until the cache fills again, which can mean a "
                    + "burst of origin load. It takes about 10–20 seconds to reach every edge.",
                    "Type \u201c" + word + "\u201d to confirm (or the service ID):", word, this::confirmsEverything,
                    "Purge everything").ifPresent(this::purgeEverything);
        } else if (canPurge.get() && (!needsConfirmation() || confirmLargePurge()) && hostsServedOrSendAnyway()) {
            purge();
        }
    }

    /** URLs whose host no visible service serves would purge nothing: asked before anything is sent. */
    private boolean hostsServedOrSendAnyway() {
        return mode.get() != PurgeMode.URLS || hosts.warning(urls.validUrls())
                .map(why -> dialogs.confirm("Purge URLs no service serves?", why, "Send anyway")).orElse(true);
    }

    private boolean confirmLargePurge() {
        String count = String.format("%,d", itemCount());
        return dialogs.confirm("Purge " + count + (mode.get() == PurgeMode.URLS ? " URLs?" : " keys?"),
                "This purge is larger than the limit set in Settings. Every item is purged on Fastly"
                + (soft.get() ? " (soft)." : " (hard): expect more requests to your origin."), "Purge " + count);
    }

    /** The purge the console would send now, to copy as commands; empty (and the error said) when input is bad. */
    public List<JobRequest> pendingRequests() {
        return request().map(List::of).orElse(List.of());
    }

    /** Starts purging URLs or keys. Everything needs {@link #purgeEverything(String)} with the typed confirmation. */
    public void purge() {
        if (mode.get() == PurgeMode.ALL) {
            throw new IllegalStateException("Purging everything needs a typed confirmation.");
        }
        request().ifPresent(this::start);
    }

    /**
     * Whether {@code typed} confirms a purge of everything on the chosen service: its name (or its ID). Any dash
     * stands for any dash and runs of spaces count as one, since names often hold characters like "—" that few
     * keyboards have; letters must match exactly, so the confirmation stays deliberate.
     */
    public boolean confirmsEverything(String typed) {
        String word = services.confirmationWord();
        if (word == null || word.isBlank() || typed == null || typed.isBlank()) {
            return false;
        }
        return ServiceNameMatch.exactly(typed, word)
                || ServiceNameMatch.loosely(typed).equals(services.serviceIdProperty().get());
    }

    /** Purges everything on the chosen service when {@code typed} matches its name (or ID). */
    public boolean purgeEverything(String typed) {
        if (mode.get() != PurgeMode.ALL || !confirmsEverything(typed) || results.runningProperty().get()) {
            return false;
        }
        request().ifPresent(this::start);
        return true;
    }

    /**
     * Adds what was dropped on the URL list: the text of the dropped files (read in the background, see
     * {@link #dropFiles}), else the dropped text.
     *
     * @return whether anything is being added
     */
    public boolean drop(List<Path> files, String text) {
        if (!files.isEmpty()) {
            dropFiles(files);
            return true;
        }
        if (text == null || text.isBlank()) {
            return false;
        }
        urls.append(text.strip());
        return true;
    }

    /**
     * Reads dropped files in the background, each up to {@link DroppedFiles#MAX_BYTES}, and appends their text to
     * the URLs; a file that cannot be read, or is too big, is reported where it was dropped.
     *
     * @return completes on the UI thread once the text is in (tests wait on it)
     */
    public java.util.concurrent.CompletableFuture<Void> dropFiles(List<Path> files) {
        return dropFiles(files, DroppedFiles.MAX_BYTES);
    }

    java.util.concurrent.CompletableFuture<Void> dropFiles(List<Path> files, long maxBytes) {
        java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();
        background.execute(() -> {
            DroppedFiles read = DroppedFiles.read(files, maxBytes);
            fx.execute(() -> {
                if (!read.text().isEmpty()) {
                    urls.append(read.text());
                }
                if (!read.problems().isEmpty()) {
                    error.set(String.join(" ", read.problems()));
                }
                done.complete(null);
            });
        });
        return done;
    }

    /** Shows a problem with what the user gave (e.g. an unreadable dropped file) where they gave it. */
    public void reportProblem(String message) {
        error.set(message);
    }

    /**
     * Runs a prepared request (a re-run from the history) in the console, so its progress and results show here.
     * Answers why not when a purge is already running.
     */
    public Optional<String> run(JobRequest request) {
        if (results.runningProperty().get()) {
            return Optional.of("A purge is running. Wait for it to finish or cancel it, then re-run.");
        }
        error.set("");
        // Re-runs from the history and key sets go at the pace set in Settings, like a purge started here.
        start(request.withConcurrency(settings.get().concurrency()));
        return Optional.empty();
    }

    public void cancel() {
        results.cancel();
    }

    /** Purges the failed items of the last job again. */
    public void retryFailed() {
        results.retryFailed(deadline());
    }

    /** Purges again the items whose page still served the old copy, into their own rows. */
    public void purgeAgain() {
        results.purgeAgain(deadline());
    }

    /** Purges the items a cancel kept from being sent, into their own rows. */
    public void sendUnsent() {
        results.sendUnsent(deadline());
    }

    /** Every job started here stops at the deadline set in Settings, if any. */
    private void start(JobRequest request) {
        results.start(request, deadline());
    }

    private Duration deadline() {
        int minutes = settings.get().deadlineMinutes();
        return minutes > 0 ? Duration.ofMinutes(minutes) : null;
    }

    private Optional<JobRequest> request() {
        try {
            String service = services.serviceIdProperty().get();
            PurgeOptions options = new PurgeOptions(soft.get() && mode.get() != PurgeMode.ALL, environment.get());
            int concurrency = settings.get().concurrency();
            JobRequest r = switch (mode.get()) {
                case URLS -> JobRequest.urls(service, urls.validUrls(), options, concurrency);
                case KEYS -> JobRequest.keys(service, keys.validKeys(), options, concurrency);
                case ALL -> JobRequest.all(service, options);
            };
            error.set("");
            return Optional.of(r);
        } catch (InvalidInputException e) {
            error.set(e.getMessage());
            return Optional.empty();
        }
    }

    private String computeHint() {
        if (results.runningProperty().get()) {
            return "A purge is running.";
        }
        boolean hasService = services.serviceIdProperty().get() != null;
        if (mode.get() == PurgeMode.URLS && environment.get() == PurgeOptions.Environment.STAGING) {
            return "Staging is not available for URL purges: use a surrogate key, or Production.";
        }
        if (mode.get() == PurgeMode.ALL && !everythingAllowed.get()) {
            return everythingRefusal.get();
        }
        return switch (mode.get()) {
            case URLS -> urls.validUrls().isEmpty() ? "Add at least one valid URL." : "";
            case KEYS -> !hasService ? "Choose a service first."
                    : keys.validCountProperty().get() == 0 ? "Add at least one valid key." : "";
            case ALL -> !hasService ? "Choose a service first." : "";
        };
    }

    /** The remembered mode, except that the app never opens in the red Everything mode. */
    static PurgeMode startMode(String name) {
        try {
            PurgeMode m = PurgeMode.valueOf(name);
            return m == PurgeMode.ALL ? PurgeMode.URLS : m;
        } catch (IllegalArgumentException | NullPointerException e) {
            return PurgeMode.URLS;
        }
    }
}
