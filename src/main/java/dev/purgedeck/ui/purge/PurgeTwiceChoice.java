package dev.purgedeck.ui.purge;

import dev.purgedeck.edge.PageReport;
import dev.purgedeck.edge.PageVerdict;
import dev.purgedeck.fastly.JobRequest;
import dev.purgedeck.fastly.PurgeKind;
import dev.purgedeck.fastly.ServiceInfo;
import dev.purgedeck.settings.PurgeTwiceSetting;
import dev.purgedeck.settings.PurgeTwiceStore;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The console's side of Purge twice (docs/fastly-edge.md §2): which jobs are sent twice and how far apart, the hint
 * beside Soft purge while the service in view has it on, and the offer when a shielded service is seen. A URL purge
 * belongs to the services its hosts route to (the host map); when the map does not know them, to the selected
 * service, as a key purge does.
 */
public final class PurgeTwiceChoice {
    private final ServiceSelectorViewModel services;
    private final UrlInputViewModel urls;
    private final HostRouting hosts;
    private final ObjectProperty<PurgeMode> mode;
    private final Executor fx;
    private final ReadOnlyStringWrapper hint = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper hintDetail = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper offer = new ReadOnlyStringWrapper("");
    private final Runnable follow;
    private PurgeTwiceStore store;
    private String profile;
    private ServiceInfo offered;

    PurgeTwiceChoice(ServiceSelectorViewModel services, UrlInputViewModel urls, HostRouting hosts,
                     ObjectProperty<PurgeMode> mode, Executor fx) {
        this.services = services;
        this.urls = urls;
        this.hosts = hosts;
        this.mode = mode;
        this.fx = fx;
        this.follow = () -> fx.execute(this::update);
        mode.addListener((o, a, b) -> update());
        services.serviceIdProperty().addListener((o, a, b) -> update());
        urls.parsedProperty().addListener((o, a, b) -> update());
        hosts.mapProperty().addListener((o, a, b) -> update());
    }

    /** Reads and keeps the settings of {@code profile} in {@code store}; until then every job is purged once. */
    public void attach(PurgeTwiceStore store, String profile) {
        this.store = store;
        this.profile = profile;
        store.addListener(follow);
        update();
    }

    /** Stops following the store, which outlives this console. */
    void dispose() {
        if (store != null) {
            store.removeListener(follow);
        }
    }

    // ---- Properties

    /** "Purge twice (2 s)" while the service in view is purged twice; empty otherwise. */
    public ReadOnlyStringProperty hintProperty() {
        return hint.getReadOnlyProperty();
    }

    /** The hint's tooltip: which service, and why. */
    public ReadOnlyStringProperty hintDetailProperty() {
        return hintDetail.getReadOnlyProperty();
    }

    /** "Daily Courier — www is shielded: Fastly advises purging twice." while offered; empty otherwise. */
    public ReadOnlyStringProperty offerProperty() {
        return offer.getReadOnlyProperty();
    }

    // ---- Commands

    /** The pause before the second purge of {@code r}: the longest of its services that have Purge twice on. */
    Optional<Duration> delayFor(JobRequest r) {
        Collection<ServiceInfo> of = r.kind() == PurgeKind.URL ? routed(r.targets()) : List.of();
        List<String> ids = of.isEmpty() ? Optional.ofNullable(r.serviceId()).stream().toList()
                : of.stream().map(ServiceInfo::id).toList();
        return ids.stream().flatMap(id -> setting(id).stream()).filter(PurgeTwiceSetting::on)
                .map(s -> s.delayFor(r.kind())).max(Duration::compareTo);
    }

    /** Turns Purge twice off for the services in view (they stay listed in Settings, off). */
    public void turnOff() {
        if (store != null) {
            inView().forEach(s -> setting(s.id()).filter(PurgeTwiceSetting::on)
                    .ifPresent(t -> store.put(profile, t.withOn(false))));
        }
    }

    /**
     * A page was seen served through a shield (the inspector, or a verification): its service is offered Purge
     * twice, unless the user already decided for it. A page of no known service offers nothing.
     */
    public void shieldSeen(PageReport page) {
        if (store == null || page.shieldPop().isEmpty() || offered != null) {
            return;
        }
        hosts.mapProperty().get().route(List.of(page.url().toString())).single()
                .filter(s -> setting(s.id()).isEmpty()).ifPresent(s -> {
                    offered = s;
                    offer.set(name(s) + " is shielded: Fastly advises purging twice.");
                });
    }

    /** Stores Purge twice, with Fastly's delays, for the service offered. */
    public void acceptOffer() {
        decide(PurgeTwiceSetting::advised);
    }

    /** Remembers that the service offered is purged once; it is not offered again (Settings can still turn it on). */
    public void declineOffer() {
        decide(PurgeTwiceSetting::declined);
    }

    void verdictSeen(PageVerdict v) {
        v.report().ifPresent(this::shieldSeen);
    }

    private void decide(java.util.function.BiFunction<String, String, PurgeTwiceSetting> how) {
        if (offered != null && store != null) {
            ServiceInfo s = offered;
            offered = null;
            offer.set("");
            store.put(profile, how.apply(s.id(), name(s)));
        }
    }

    private Optional<PurgeTwiceSetting> setting(String serviceId) {
        return store == null || serviceId == null ? Optional.empty() : store.get(profile, serviceId);
    }

    /** The services the console would purge now: the URLs' services, else the selected one; none without URLs. */
    private Collection<ServiceInfo> inView() {
        if (mode.get() == PurgeMode.URLS && urls.validUrls().isEmpty()) {
            return List.of();
        }
        Collection<ServiceInfo> of = mode.get() == PurgeMode.URLS ? routed(urls.validUrls()) : List.of();
        String id = services.serviceIdProperty().get();
        return !of.isEmpty() ? of : id == null ? List.of() : List.of(ServiceInfo.named(id, services.serviceName()));
    }

    private Collection<ServiceInfo> routed(List<String> targets) {
        Map<String, ServiceInfo> byId = new LinkedHashMap<>();
        hosts.routes(targets).values().forEach(s -> byId.putIfAbsent(s.id(), s));
        return byId.values();
    }

    private String name(ServiceInfo s) {
        String listed = services.services().stream().filter(x -> x.id().equals(s.id())).map(ServiceInfo::name)
                .findFirst().orElse(s.name());
        return listed == null || listed.isBlank() ? s.id() : listed;
    }

    private void update() {
        if (offered != null && setting(offered.id()).isPresent()) {
            offered = null; // decided elsewhere (Settings, another window)
            offer.set("");
        }
        PurgeKind kind = mode.get() == PurgeMode.ALL ? PurgeKind.ALL : PurgeKind.URL;
        List<PurgeTwiceSetting> on = inView().stream().flatMap(s -> setting(s.id()).stream())
                .filter(PurgeTwiceSetting::on).toList();
        Optional<Duration> delay = on.stream().map(s -> s.delayFor(kind)).max(Duration::compareTo);
        hint.set(delay.map(d -> "Purge twice (" + d.toSeconds() + " s)").orElse(""));
        hintDetail.set(on.isEmpty() ? "" : String.join(", ", on.stream().map(PurgeTwiceSetting::label).toList())
                + " is shielded: each purge is sent again " + delay.get().toSeconds() + " s after the first, as "
                + "Fastly advises, so an edge that fetched the old copy from its shield loses it too.");
    }
}
