package dev.purgedeck.ui.settings;

import dev.purgedeck.fastly.ApiToken;
import dev.purgedeck.files.StoreWriter;
import dev.purgedeck.settings.EndpointKind;
import dev.purgedeck.settings.Profile;
import dev.purgedeck.settings.ProfileStore;
import dev.purgedeck.settings.Settings;
import dev.purgedeck.settings.SettingsStore;
import dev.purgedeck.settings.ThemeMode;
import dev.purgedeck.ui.controls.UiTasks;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
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

    /**
     * @param background writes profiles and tokens (never the UI thread)
     * @param fx         runs the outcome of a background save on the UI thread
     */
    public SettingsViewModel(SettingsStore settings, ProfileStore profiles, Consumer<Profile> switcher, Path dataDir,
                             Executor background, Executor fx) {
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

    /** Adds a profile with a typed token (stored owner-only, in the background) and switches to it. */
    public CompletableFuture<Optional<Profile>> add(String name, boolean custom, String endpoint, String token) {
        if (token == null || token.isBlank()) {
            profileError.set("Paste the API token for this profile.");
            return CompletableFuture.completedFuture(Optional.empty());
        }
        ApiToken typed = ApiToken.of(token);
        return tasks.run(() -> profiles.add(name, custom ? EndpointKind.CUSTOM : EndpointKind.FASTLY,
                custom ? endpoint : null, typed), p -> {
                    profileList.setAll(profiles.profiles());
                    profileError.set("");
                    message.set("Added the profile \u201c" + p.name() + "\u201d.");
                    use(p);
                }, e -> profileError.set(e.getMessage()));
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
