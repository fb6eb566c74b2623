package dev.purgedeck.ui.purge;

import dev.purgedeck.fastly.BulkPurgeRunner;
import dev.purgedeck.fastly.InvalidInputException;
import dev.purgedeck.fastly.JobRequest;
import dev.purgedeck.fastly.PurgeOptions;
import dev.purgedeck.settings.Pref;
import dev.purgedeck.settings.Preferences;
import dev.purgedeck.ui.controls.KeyTagModel;
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
    private final ServiceSelectorModel services;
    private final UrlInputModel urls = new UrlInputModel();
    private final KeyTagModel keys = new KeyTagModel();
    private final ResultsModel results;
    private final ObjectProperty<PurgeMode> mode = new SimpleObjectProperty<>(PurgeMode.URLS);
    private final BooleanProperty soft = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final BooleanBinding canPurge;
    private final StringBinding purgeHint;
    private final int concurrency;

    public PurgeViewModel(ServiceSelectorModel services, BulkPurgeRunner runner, Executor fx, Preferences prefs,
                          int concurrency) {
        this.services = services;
        this.results = new ResultsModel(runner, fx);
        this.concurrency = concurrency;
        soft.set(prefs.get(Pref.SOFT_PURGE));
        soft.addListener((o, a, b) -> prefs.set(Pref.SOFT_PURGE, b));
        mode.set(parseMode(prefs.get(Pref.LAST_MODE)));
        mode.addListener((o, a, m) -> {
            prefs.set(Pref.LAST_MODE, m.name());
            error.set("");
        });
        purgeHint = Bindings.createStringBinding(this::computeHint, mode, urls.parsedProperty(),
                keys.validCountProperty(), services.serviceIdProperty(), results.runningProperty());
        canPurge = Bindings.createBooleanBinding(() -> purgeHint.get().isEmpty(), purgeHint);
    }

    // ---- Properties

    public ServiceSelectorModel services() {
        return services;
    }

    public UrlInputModel urls() {
        return urls;
    }

    public KeyTagModel keys() {
        return keys;
    }

    public ResultsModel results() {
        return results;
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

    /** A message about the last purge attempt that could not start, e.g. invalid input. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    // ---- Commands

    /** Starts purging URLs or keys. Everything needs {@link #purgeEverything(String)} with the typed confirmation. */
    public void purge() {
        if (mode.get() == PurgeMode.ALL) {
            throw new IllegalStateException("Purging everything needs a typed confirmation.");
        }
        request().ifPresent(results::start);
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
        String given = loosely(typed);
        return given.equals(loosely(word)) || given.equals(services.serviceIdProperty().get());
    }

    private static String loosely(String s) {
        return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFKC)
                .replaceAll("\\p{Pd}", "-").replaceAll("\\s+", " ").strip();
    }

    /** Purges everything on the chosen service when {@code typed} matches its name (or ID). */
    public boolean purgeEverything(String typed) {
        if (mode.get() != PurgeMode.ALL || !confirmsEverything(typed) || results.runningProperty().get()) {
            return false;
        }
        request().ifPresent(results::start);
        return true;
    }

    /** Shows a problem with what the user gave (e.g. an unreadable dropped file) where they gave it. */
    public void reportProblem(String message) {
        error.set(message);
    }

    public void cancel() {
        results.cancel();
    }

    /** Purges the failed items of the last job again. */
    public void retryFailed() {
        if (!results.runningProperty().get()) {
            results.failedRequest().ifPresent(results::start);
        }
    }

    private Optional<JobRequest> request() {
        try {
            String service = services.serviceIdProperty().get();
            PurgeOptions options = new PurgeOptions(soft.get() && mode.get() != PurgeMode.ALL, PurgeOptions.Environment.PRODUCTION);
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
        return switch (mode.get()) {
            case URLS -> urls.validUrls().isEmpty() ? "Add at least one valid URL." : "";
            case KEYS -> !hasService ? "Choose a service first." : keys.validCountProperty().get() == 0 ? "Add at least one valid key." : "";
            case ALL -> !hasService ? "Choose a service first." : "";
        };
    }

    private static PurgeMode parseMode(String name) {
        try {
            return PurgeMode.valueOf(name);
        } catch (IllegalArgumentException e) {
            return PurgeMode.URLS;
        }
    }
}
