package dev.purgedeck.ui.history;

import dev.purgedeck.edge.Freshness;
import dev.purgedeck.fastly.PurgeKind;
import dev.purgedeck.history.HistoryEntry;
import dev.purgedeck.history.HistoryQuery;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The History screen's filter inputs, turned into a core {@link HistoryQuery}. */
public final class HistoryFilter {
    private final StringProperty text = new SimpleStringProperty("");
    private final ObjectProperty<ServiceChoice> service = new SimpleObjectProperty<>(ServiceChoice.ANY);
    private final ObjectProperty<ProfileChoice> profile = new SimpleObjectProperty<>(ProfileChoice.ANY);
    private final ObjectProperty<HistoryEntry.Outcome> outcome = new SimpleObjectProperty<>();
    private final ObjectProperty<PurgeKind> kind = new SimpleObjectProperty<>();
    private final ObjectProperty<Freshness> verdict = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();

    public StringProperty textProperty() {
        return text;
    }

    public ObjectProperty<ServiceChoice> serviceProperty() {
        return service;
    }

    /** The profile (and so the endpoint) the purges were made on; {@link ProfileChoice#ANY} for all. */
    public ObjectProperty<ProfileChoice> profileProperty() {
        return profile;
    }

    /** Null means any outcome. */
    public ObjectProperty<HistoryEntry.Outcome> outcomeProperty() {
        return outcome;
    }

    /** Null means any kind. */
    public ObjectProperty<PurgeKind> kindProperty() {
        return kind;
    }

    /** What the look at the page after the purge said; null means any entry, verified or not. */
    public ObjectProperty<Freshness> verdictProperty() {
        return verdict;
    }

    /** First day shown, inclusive, in the local time zone; null means no limit. */
    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    /** Last day shown, inclusive, in the local time zone; null means no limit. */
    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    /** Everything that changes the query, for listeners. */
    public Observable[] dependencies() {
        return new Observable[] {text, service, profile, outcome, kind, verdict, from, to};
    }

    public void reset() {
        text.set("");
        service.set(ServiceChoice.ANY);
        profile.set(ProfileChoice.ANY);
        outcome.set(null);
        kind.set(null);
        verdict.set(null);
        from.set(null);
        to.set(null);
    }

    /** The query for the current inputs; dates are read in {@code zone}. */
    public HistoryQuery query(ZoneId zone) {
        ServiceChoice s = service.get();
        return new HistoryQuery(text.get() == null ? "" : text.get().strip(),
                s == null || s == ServiceChoice.ANY ? null : s.id(),
                outcome.get() == null ? Set.of() : Set.of(outcome.get()),
                kind.get() == null ? Set.of() : Set.of(kind.get()),
                from.get() == null ? null : from.get().atStartOfDay(zone).toInstant(),
                to.get() == null ? null : to.get().plusDays(1).atStartOfDay(zone).toInstant().minusNanos(1),
                profile.get() == null ? null : profile.get().name())
                .withVerdicts(verdict.get() == null ? Set.of() : Set.of(verdict.get().id()));
    }

    /** A profile to filter by, with the endpoint it purged through; or any. */
    public record ProfileChoice(String name, String where) {
        public static final ProfileChoice ANY = new ProfileChoice(null, "All profiles");

        @Override
        public String toString() {
            return name == null ? where : where == null || where.isBlank() ? name : name + " (" + where + ")";
        }
    }

    /** A service to filter by, or any. */
    public record ServiceChoice(String id, String name) {
        public static final ServiceChoice ANY = new ServiceChoice(null, "All services");

        @Override
        public String toString() {
            return id == null ? name : name == null || name.isBlank() ? id : name + " (" + id + ")";
        }
    }
}
