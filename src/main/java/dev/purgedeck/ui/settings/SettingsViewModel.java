package dev.purgedeck.ui.settings;

import dev.purgedeck.fastly.ApiToken;
import dev.purgedeck.fastly.ClientConfig;
import dev.purgedeck.fastly.FastlyApiException;
import dev.purgedeck.files.StoreWriter;
import dev.purgedeck.settings.EndpointKind;
import dev.purgedeck.settings.Endpoints;
import dev.purgedeck.settings.Profile;
import dev.purgedeck.settings.ProfileStore;
import dev.purgedeck.settings.Settings;
import dev.purgedeck.settings.SettingsStore;
import dev.purgedeck.settings.ThemeMode;
import dev.purgedeck.ui.controls.UiTasks;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Settings screen: profiles (use, add, remove), purge defaults, theme and where the data lives. Every change is
 * saved at once; switching profile is handed to the window, which rebuilds itself on the new connection.
 */
public final class SettingsViewModel {
    private final SettingsStore settings;
    private final ProfileStore profiles;
    private final Consumer<Profile> switcher;
    private final Path dataDir;
    private final Executor fx;
    private final UiTasks tasks;
    private final ObservableList<Profile> profileList = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper profileError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final Executor background;
    private final ConnectionTest connectionTest;

    /** Tests a connection before its profile is added: completes when the token was read there, else fails with why. */
    @FunctionalInterface
    public interface ConnectionTest {
        CompletableFuture<?> test(URI endpoint, ApiToken token);
    }

    /**
     * @param background writes profiles and tokens (never the UI thread)
     * @param fx         runs the outcome of a background save on the UI thread
     */
    public SettingsViewModel(SettingsStore settings, ProfileStore profiles, Consumer<Profile> switcher, Path dataDir,
                             Executor background, Executor fx) {
        this(settings, profiles, switcher, dataDir, background, fx, (endpoint, token) -> CompletableFuture.completedFuture(null));
    }

    /** @param connectionTest reads the typed token at the typed endpoint before a profile is added and used */
    public SettingsViewModel(SettingsStore settings, ProfileStore profiles, Consumer<Profile> switcher, Path dataDir,
                             Executor background, Executor fx, ConnectionTest connectionTest) {
        this.background = background;
        this.connectionTest = connectionTest;
        this.settings = settings;
        this.fx = fx;
        this.tasks = new UiTasks(background, fx);
        this.profiles = profiles;
        this.switcher = switcher;
        this.dataDir = dataDir;
        profileList.setAll(profiles.profiles());
        if (!profiles.problems().isEmpty()) {
            message.set(String.join(" ", profiles.problems()));
        }
    }

    public ObservableList<Profile> profiles() {
        return profileList;
    }

    public Profile active() {
        return profiles.active();
    }

    public Settings current() {
        return settings.get();
    }

    /** What went wrong adding a profile, shown beside the form. */
    public ReadOnlyStringProperty profileErrorProperty() {
        return profileError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Where a profile points and with which token, tested before it is saved. */
    private record Target(URI endpoint, ApiToken token) {
    }

    /** Saves a profile once its connection was tested; may throw with a plain message. */
    @FunctionalInterface
    private interface Save {
        Profile save() throws IOException;
    }

    /**
     * Tests the connection with the typed token, then adds the profile (token stored owner-only) and switches to it.
     * When the test fails, the reason is shown beside the form and nothing is saved or switched.
     */
    public CompletableFuture<Optional<Profile>> add(String name, boolean custom, String endpoint, String token) {
        if (token == null || token.isBlank()) {
            profileError.set("Paste the API token for this profile.");
            return CompletableFuture.completedFuture(Optional.empty());
        }
        ApiToken typed = ApiToken.of(token);
        return testThenSave(custom, endpoint, () -> typed,
                () -> profiles.add(name, custom ? EndpointKind.CUSTOM : EndpointKind.FASTLY, custom ? endpoint : null, typed),
                "Added", true);
    }

    /**
     * Changes a profile added here (name, endpoint, and the token when one is typed; else the saved one is kept),
     * after testing the connection as {@link #add} does. A profile in use is switched to again, on its new settings.
     */
    public CompletableFuture<Optional<Profile>> edit(Profile old, String name, boolean custom, String endpoint, String token) {
        ApiToken typed = token == null || token.isBlank() ? null : ApiToken.of(token);
        boolean inUse = old.name().equals(active().name());
        return testThenSave(custom, endpoint, () -> typed != null ? typed : profiles.tokenFor(old).orElseThrow(() ->
                        new IllegalStateException("The saved token could not be read: enter the token again.")),
                () -> profiles.update(old.name(), name, custom ? EndpointKind.CUSTOM : EndpointKind.FASTLY,
                        custom ? endpoint : null, typed), "Saved", inUse);
    }

    private CompletableFuture<Optional<Profile>> testThenSave(boolean custom, String endpoint,
                                                              java.util.function.Supplier<ApiToken> token, Save save,
                                                              String done, boolean thenUse) {
        profileError.set("");
        message.set("Testing the connection\u2026");
        return CompletableFuture.supplyAsync(() -> new Target(custom ? Endpoints.validateCustom(endpoint)
                        : ClientConfig.FASTLY_API, token.get()), background)
                .thenCompose(t -> connectionTest.test(t.endpoint(), t.token()).handle((ok, e) -> {
                    if (e != null) {
                        throw new IllegalStateException("Not saved: the connection test failed. "
                                + FastlyApiException.plainMessage(e, "The token could not be read there."));
                    }
                    return t;
                }))
                .thenApplyAsync(t -> {
                    try {
                        return save.save();
                    } catch (IOException e) {
                        throw new IllegalStateException("The profile could not be saved: " + e.getMessage(), e);
                    }
                }, background)
                .handleAsync((p, e) -> {
                    if (e != null) {
                        Throwable why = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                        profileError.set(why.getMessage());
                        message.set("");
                        return Optional.<Profile>empty();
                    }
                    profileList.setAll(profiles.profiles());
                    message.set(done + " the profile \u201c" + p.name() + "\u201d.");
                    if (thenUse) {
                        use(p);
                    }
                    return Optional.of(p);
                }, fx);
    }

    public void remove(Profile p) {
        tasks.run(() -> {
            profiles.remove(p.name());
            return p;
        }, removed -> {
            profileList.setAll(profiles.profiles());
            message.set("Removed the profile \u201c" + p.name() + "\u201d and its saved token.");
        }, e -> message.set(e.getMessage()));
    }

    /** Makes {@code p} the active profile; the whole window follows. */
    public void use(Profile p) {
        switcher.accept(p);
    }

    public void setDefaultSoft(boolean soft) {
        change(s -> s.withDefaultSoft(soft));
    }

    public void setConcurrency(int n) {
        change(s -> s.withConcurrency(n));
    }

    public void setConfirmAbove(int n) {
        change(s -> s.withConfirmAbove(n));
    }

    public void setRequestTimeoutSeconds(int seconds) {
        change(s -> s.withRequestTimeoutSeconds(seconds));
    }

    public void setRetries(int n) {
        change(s -> s.withRetries(n));
    }

    public void setDeadlineMinutes(int minutes) {
        change(s -> s.withDeadlineMinutes(minutes));
    }

    public void setTheme(ThemeMode theme) {
        change(s -> s.withTheme(theme));
    }

    private void change(UnaryOperator<Settings> how) {
        try {
            // In effect at once; the file is written in the background and only a failure is reported later.
            settings.update(how).whenComplete((v, e) -> {
                if (e != null) {
                    fx.execute(() -> message.set("Could not save the settings: " + StoreWriter.reason(e)));
                }
            });
            message.set("Saved.");
        } catch (IllegalArgumentException e) {
            message.set("Could not save the settings: " + e.getMessage());
        }
    }
}
