package dev.purgedeck.ui.settings;

import dev.purgedeck.files.StoreWriter;
import dev.purgedeck.settings.PurgeTwiceSetting;
import dev.purgedeck.settings.PurgeTwiceStore;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.UnaryOperator;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Settings' Purge twice section: the services of this profile with a setting (on or off), their two delays, and
 * removal. Changes made elsewhere (the console's offer) show here at once; the store hops onto the UI thread here.
 */
public final class PurgeTwiceViewModel {
    private final PurgeTwiceStore store;
    private final String profile;
    private final Executor fx;
    private final ObservableList<PurgeTwiceSetting> services = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final Runnable follow;

    /** @param fx runs on the UI thread ({@code Runnable::run} in tests) */
    public PurgeTwiceViewModel(PurgeTwiceStore store, String profile, Executor fx) {
        this.store = store;
        this.profile = profile;
        this.fx = fx;
        this.follow = () -> fx.execute(this::reload);
        store.addListener(follow);
        reload();
        store.problem().ifPresent(message::set);
    }

    /** Stops following the store, which outlives the Settings screen. */
    public void dispose() {
        store.removeListener(follow);
    }

    /** The services with a setting, in the order they were set. */
    public ObservableList<PurgeTwiceSetting> services() {
        return services;
    }

    /** A failed save, in plain words; empty otherwise. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public void setOn(String serviceId, boolean on) {
        change(serviceId, s -> s.withOn(on));
    }

    /** Sets the pause for URLs and keys from what was typed; answers the problem to show at the field, if any. */
    public Optional<String> setUrlDelay(String serviceId, String typed) {
        return delay(serviceId, typed, false);
    }

    /** Sets the pause for purge-all from what was typed; answers the problem to show at the field, if any. */
    public Optional<String> setAllDelay(String serviceId, String typed) {
        return delay(serviceId, typed, true);
    }

    /** Forgets the service: purged once, and offered again when a shield is seen. */
    public void remove(String serviceId) {
        saved(store.remove(profile, serviceId));
    }

    private Optional<String> delay(String serviceId, String typed, boolean all) {
        try {
            int seconds = PurgeTwiceSetting.parseDelay(typed, all);
            change(serviceId, s -> all ? s.withAllDelay(seconds) : s.withUrlDelay(seconds));
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    private void change(String serviceId, UnaryOperator<PurgeTwiceSetting> how) {
        store.get(profile, serviceId).ifPresent(s -> saved(store.put(profile, how.apply(s))));
    }

    private void saved(CompletableFuture<Void> write) {
        message.set("");
        write.whenComplete((v, e) -> {
            if (e != null) {
                fx.execute(() -> message.set("Could not save Purge twice: " + StoreWriter.reason(e)));
            }
        });
    }

    private void reload() {
        services.setAll(store.all(profile));
    }
}
