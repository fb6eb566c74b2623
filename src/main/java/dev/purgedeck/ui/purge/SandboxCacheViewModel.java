package dev.purgedeck.ui.purge;

import dev.purgedeck.fastly.FastlyApiException;
import dev.purgedeck.fastly.SandboxAdmin;
import dev.purgedeck.fastly.SandboxAdmin.CachedItem;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The demo objects the sandbox caches for the chosen service, so a new user sees what a purge does. Read through the
 * sandbox's own HTTP endpoints, so it works for a sandbox in this process or in another one.
 */
public final class SandboxCacheViewModel {
    private final SandboxAdmin admin;
    private final Executor fx;
    private final ObservableList<CachedItem> objects = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private String serviceId;
    private long generation;

    /** @param fx runs a step on the UI thread (every answer crosses to the UI there, and only there) */
    public SandboxCacheViewModel(SandboxAdmin admin, Executor fx) {
        this.admin = admin;
        this.fx = fx;
    }

    public ObservableList<CachedItem> objects() {
        return objects;
    }

    /** "12 objects: 9 fresh, 2 stale, 1 gone", or why nothing is shown. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** False once the endpoint turned out not to be a sandbox: the panel then hides. */
    public ReadOnlyBooleanProperty availableProperty() {
        return available.getReadOnlyProperty();
    }

    /** What the last publish did, in a sentence; empty until something was published. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /**
     * Publishes a new version of the object's page at the sandbox's origin, as an editor's CMS would. The edge keeps
     * the copy it holds until a purge or its expiry, which is the point: the user sees why a purge is needed.
     */
    public void publish(CachedItem item) {
        if (item == null) {
            return;
        }
        notice.set("Publishing " + item.url() + "…");
        admin.publish(item.url()).whenComplete((version, error) -> fx.execute(() -> {
            if (error != null) {
                Throwable cause = error.getCause() != null ? error.getCause() : error;
                notice.set(cause instanceof FastlyApiException e ? e.detail() : "The sandbox did not answer.");
                return;
            }
            notice.set(String.format(Locale.ROOT, "Version %d is published. The edge keeps serving version %d "
                    + "until you purge the page or its copy expires.", version, item.version()));
            refresh();
        }));
    }

    /** Shows the objects of {@code id} (or nothing when it is not a demo service). */
    public void show(String id) {
        serviceId = id;
        refresh();
    }

    /** Reads the cache again; an answer to an older request than the latest is dropped. */
    public void refresh() {
        long asked = ++generation;
        String id = serviceId;
        if (id == null || id.isBlank()) {
            objects.clear();
            summary.set("Choose a demo service to see its cached objects.");
            return;
        }
        CompletableFuture<Optional<List<CachedItem>>> answer = admin.objects(id);
        answer.whenComplete((items, error) -> fx.execute(() -> {
            if (asked == generation && Objects.equals(id, serviceId)) {
                apply(items, error);
            }
        }));
    }

    /** Puts every demo object back in the cache, fresh. */
    public void reseed() {
        admin.reseed().whenComplete((v, error) -> fx.execute(() -> {
            if (error != null) {
                apply(null, error);
            } else {
                refresh();
            }
        }));
    }

    private void apply(Optional<List<CachedItem>> items, Throwable error) {
        if (error != null) {
            Throwable cause = error.getCause() != null ? error.getCause() : error;
            objects.clear();
            if (cause instanceof FastlyApiException e && e.kind() == FastlyApiException.Kind.INVALID_RESPONSE) {
                available.set(false);
            }
            summary.set(cause instanceof FastlyApiException e ? e.detail() : "The sandbox did not answer.");
            return;
        }
        available.set(true);
        if (items.isEmpty()) {
            objects.clear();
            summary.set("Choose a demo service to see its cached objects.");
            return;
        }
        objects.setAll(items.get());
        summary.set(String.format(Locale.ROOT, "%d objects: %d fresh, %d stale, %d gone", objects.size(),
                count("fresh"), count("stale"), count("gone")));
    }

    private long count(String state) {
        return objects.stream().filter(o -> o.state().equals(state)).count();
    }
}
