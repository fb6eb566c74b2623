package dev.purgedeck.ui.purge;

import dev.purgedeck.sandbox.CachedObject;
import dev.purgedeck.sandbox.ObjectState;
import dev.purgedeck.sandbox.SandboxServer;
import java.util.Locale;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The demo objects the sandbox caches for the chosen service, so a new user sees what a purge does. */
public final class SandboxCacheModel {
    private final SandboxServer sandbox;
    private final ObservableList<CachedObject> objects = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private String serviceId;

    public SandboxCacheModel(SandboxServer sandbox) {
        this.sandbox = sandbox;
    }

    public ObservableList<CachedObject> objects() {
        return objects;
    }

    /** "12 objects: 9 fresh, 2 stale, 1 gone". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Shows the objects of {@code id} (or nothing when it is not a demo service). */
    public void show(String id) {
        serviceId = id;
        refresh();
    }

    public void refresh() {
        if (serviceId == null || sandbox.account().service(serviceId).isEmpty()) {
            objects.clear();
            summary.set("Choose a demo service to see its cached objects.");
            return;
        }
        objects.setAll(sandbox.cache().objects(serviceId));
        long fresh = count(ObjectState.FRESH);
        long stale = count(ObjectState.STALE);
        long gone = count(ObjectState.GONE);
        summary.set(String.format(Locale.ROOT, "%d objects: %d fresh, %d stale, %d gone", objects.size(), fresh, stale, gone));
    }

    /** Puts every demo object back in the cache, fresh. */
    public void reseed() {
        sandbox.cache().reseed();
        refresh();
    }

    private long count(ObjectState s) {
        return objects.stream().filter(o -> o.state() == s).count();
    }
}
