package dev.purgedeck.ui.purge;

import dev.purgedeck.fastly.FastlyApiException;
import dev.purgedeck.fastly.FastlyClient;
import dev.purgedeck.fastly.ServiceInfo;
import dev.purgedeck.fastly.Validation;
import dev.purgedeck.settings.Pref;
import dev.purgedeck.settings.RememberedState;
import dev.purgedeck.ui.common.Dialogs;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The services the token can see, filtered by name or ID, and the one to purge on. When listing is not allowed or
 * fails, a service ID typed into the filter is used instead and the reason is shown.
 */
public final class ServiceSelectorViewModel {
    private final FastlyClient client;
    private final Executor fx;
    private final RememberedState prefs;
    private final Dialogs dialogs;
    private final ObservableList<ServiceInfo> services = FXCollections.observableArrayList();
    private final FilteredList<ServiceInfo> filtered = new FilteredList<>(services);
    private final StringProperty filterText = new SimpleStringProperty("");
    private final ObjectProperty<ServiceInfo> selected = new SimpleObjectProperty<>();
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper serviceId = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper choice = new ReadOnlyStringWrapper("");
    private final boolean chooseFirst;
    private String wanted;
    private String listingRefused;

    /**
     * @param preferredId the service to choose once listed (FASTLY_SERVICE_ID); else the last one used
     * @param chooseFirst choose the first service when nothing else is wanted (the sandbox's demo account), so a
     *                    first launch shows a purge at work; never for a real account, where a wrong guess matters
     * @param dialogs     asks for a name for a typed service ID
     */
    public ServiceSelectorViewModel(FastlyClient client, Executor fx, RememberedState prefs, Optional<String> preferredId,
                                boolean chooseFirst, Dialogs dialogs) {
        this.client = client;
        this.dialogs = dialogs;
        this.chooseFirst = chooseFirst;
        this.fx = fx;
        this.prefs = prefs;
        this.wanted = preferredId.orElse(prefs.get(Pref.LAST_SERVICE_ID));
        filtered.predicateProperty().bind(Bindings.createObjectBinding(() -> {
            String f = filterText.get().strip().toLowerCase(Locale.ROOT);
            return s -> f.isEmpty() || s.name().toLowerCase(Locale.ROOT).contains(f) || s.id().toLowerCase(Locale.ROOT).contains(f);
        }, filterText));
        serviceId.bind(Bindings.createStringBinding(this::effectiveId, selected, filterText));
        choice.bind(Bindings.createStringBinding(this::describeChoice, selected, filterText));
        selected.addListener((o, a, s) -> {
            if (s != null) {
                prefs.set(Pref.LAST_SERVICE_ID, s.id());
            }
        });
    }

    // ---- Properties

    public ObservableList<ServiceInfo> filteredServices() {
        return filtered;
    }

    public ObservableList<ServiceInfo> services() {
        return services;
    }

    public StringProperty filterTextProperty() {
        return filterText;
    }

    public ObjectProperty<ServiceInfo> selectedProperty() {
        return selected;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading;
    }

    /** "5 services", "Loading services…", or why the list is unavailable. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The service ID purges go to, or null when none is chosen. */
    public ReadOnlyStringProperty serviceIdProperty() {
        return serviceId.getReadOnlyProperty();
    }

    /** A line saying which service is chosen, for the purge form. */
    public ReadOnlyStringProperty choiceProperty() {
        return choice.getReadOnlyProperty();
    }

    /** What a user types to confirm a purge-all: the service's name, or its ID when it has no name. */
    public String confirmationWord() {
        ServiceInfo s = selected.get();
        return s != null && !s.name().isBlank() ? s.name() : serviceId.get();
    }

    /** The chosen service's name, or "" when only an ID is known. */
    public String serviceName() {
        ServiceInfo s = selected.get();
        return s == null ? "" : s.name();
    }

    // ---- Commands

    /**
     * For a token that may not list services: shows the services the user named before instead, with the reason,
     * and never asks Fastly for the list.
     */
    public void refuseListing(String why) {
        listingRefused = why;
        loading.set(false);
        services.setAll(remembered());
        status.set(why + " Type a service ID above; name it to find it here next time.");
        services.stream().filter(s -> s.id().equals(wanted)).findFirst().ifPresent(selected::set);
    }

    /** Asks for a name for the typed service ID and, when given, remembers it under that name. */
    public void nameTypedService() {
        String id = serviceId.get();
        if (!isTypedId()) {
            return;
        }
        dialogs.askText("Name this service", "A name for service " + id + ":", "",
                n -> n == null || n.isBlank() ? Optional.of("Enter a name.") : Optional.empty())
                .ifPresent(name -> remember(id, name));
    }

    /** Remembers a typed service ID under a name, lists it and chooses it. */
    public void remember(String id, String name) {
        List<ServiceInfo> all = new java.util.ArrayList<>(remembered());
        all.removeIf(s -> s.id().equals(id));
        ServiceInfo named = new ServiceInfo(id, name.strip(), "vcl", 0);
        all.add(named);
        prefs.set(Pref.REMEMBERED_SERVICES, all.stream().map(s -> s.id() + "\t" + s.name())
                .collect(java.util.stream.Collectors.joining("\n")));
        if (!services.contains(named)) {
            services.removeIf(s -> s.id().equals(id));
            services.add(named);
        }
        filterText.set("");
        selected.set(named);
    }

    /** Whether the chosen ID was typed rather than picked from the list (so it can be named). */
    public boolean isTypedId() {
        return selected.get() == null && serviceId.get() != null;
    }

    private List<ServiceInfo> remembered() {
        return prefs.get(Pref.REMEMBERED_SERVICES).lines().map(l -> l.split("\t", 2)).filter(p -> p.length == 2)
                .map(p -> new ServiceInfo(p[0], p[1], "vcl", 0)).toList();
    }

    /** Loads the list in the background; the chosen service is kept or restored when it is in the new list. */
    public void load() {
        if (listingRefused != null) {
            refuseListing(listingRefused);
            return;
        }
        if (selected.get() != null) {
            wanted = selected.get().id();
        }
        loading.set(true);
        status.set("Loading services…");
        client.listServices().whenComplete((list, error) -> fx.execute(() -> loaded(list, error)));
    }

    public void select(ServiceInfo s) {
        selected.set(s);
    }

    private void loaded(List<ServiceInfo> list, Throwable error) {
        try {
            show(list, error);
        } finally {
            // Last, so whoever waits for the load to end sees the list and the choice in place.
            loading.set(false);
        }
    }

    private void show(List<ServiceInfo> list, Throwable error) {
        if (listingRefused != null) {
            // The token's scopes came first and say listing is not allowed; a late answer (its 403) must not win.
            refuseListing(listingRefused);
            return;
        }
        if (error != null) {
            String why = FastlyApiException.plainMessage(error, "The service list could not be loaded.");
            status.set(why + " You can still type a service ID above.");
            if (wanted != null && !wanted.isBlank() && filterText.get().isBlank()) {
                filterText.set(wanted);
            }
            return;
        }
        services.setAll(list);
        status.set(list.size() == 1 ? "1 service" : String.format("%,d services", list.size()));
        Optional<ServiceInfo> match = list.stream().filter(s -> s.id().equals(wanted)).findFirst();
        if (match.isPresent()) {
            selected.set(match.get());
        } else if (selected.get() == null && (list.size() == 1 || chooseFirst) && !list.isEmpty()) {
            selected.set(list.get(0));
        }
    }

    private String effectiveId() {
        if (selected.get() != null) {
            return selected.get().id();
        }
        String typed = filterText.get().strip();
        return Validation.serviceIdProblem(typed).isEmpty() ? typed : null;
    }

    private String describeChoice() {
        ServiceInfo s = selected.get();
        if (s != null) {
            return s.label();
        }
        String id = effectiveId();
        return id == null ? "No service chosen" : "Service ID " + id;
    }
}
