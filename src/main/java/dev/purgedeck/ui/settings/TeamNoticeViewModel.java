package dev.purgedeck.ui.settings;

import dev.purgedeck.history.TeamNotices;
import dev.purgedeck.history.Webhook;
import dev.purgedeck.settings.WebhookStore;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Settings' Team notices section for the profile in use: its incoming-webhook address, checked as it is typed,
 * Save, and "Send test notice" with the answer in plain words. The address is a secret: it is never put in a
 * message. Reading, saving and sending run off the UI thread; answers cross to it in {@link #say}.
 */
public final class TeamNoticeViewModel {
    // Properties
    private final StringProperty url = new SimpleStringProperty("");
    private final StringBinding problem = Bindings.createStringBinding(
            () -> url.get().isBlank() ? "" : Webhook.problem(url.get()).orElse(""), url);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final BooleanProperty busy = new SimpleBooleanProperty();

    private final WebhookStore store;
    private final TeamNotices notices;
    private final String profile;
    private final Executor background;
    private final Executor fx;

    public TeamNoticeViewModel(WebhookStore store, TeamNotices notices, String profile, Executor background,
                               Executor fx) {
        this.store = store;
        this.notices = notices;
        this.profile = profile;
        this.background = background;
        this.fx = fx;
    }

    /** The webhook address as typed; blank means no notices. */
    public StringProperty urlProperty() {
        return url;
    }

    /** Why the typed address cannot be used, empty when it can (or is blank). */
    public StringBinding problemProperty() {
        return problem;
    }

    /** The answer to the last Save or test, in plain words. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public String profile() {
        return profile;
    }

    // Commands

    /** Fills the field with the saved address. */
    public CompletableFuture<Void> load() {
        return CompletableFuture.supplyAsync(() -> store.get(profile), background)
                .thenAcceptAsync(u -> u.ifPresent(url::set), fx);
    }

    /** Saves the typed address for this profile, or removes it when blank. */
    public CompletableFuture<Void> save() {
        if (!problem.get().isEmpty()) {
            message.set(problem.get());
            return CompletableFuture.completedFuture(null);
        }
        String typed = url.get();
        busy.set(true);
        return CompletableFuture.supplyAsync(() -> {
            try {
                store.set(profile, typed);
                return typed.isBlank() ? "Saved: profile " + profile + " sends no team notices."
                        : "Saved: after each purge with profile " + profile + ", the webhook gets a notice.";
            } catch (IOException | RuntimeException e) {
                return "The webhook address could not be saved (" + e.getClass().getSimpleName() + "); the old one "
                        + "stays.";
            }
        }, background).thenAcceptAsync(this::say, fx);
    }

    /** Sends a test notice to the typed address (saved or not). */
    public CompletableFuture<Void> test() {
        if (url.get().isBlank() || !problem.get().isEmpty()) {
            message.set(url.get().isBlank() ? "Type the webhook address first." : problem.get());
            return CompletableFuture.completedFuture(null);
        }
        busy.set(true);
        message.set("Sending a test notice…");
        return notices.test(url.get(), profile).thenAcceptAsync(this::say, fx);
    }

    /** The one place answers reach the UI thread. */
    private void say(String text) {
        busy.set(false);
        message.set(text);
    }
}
