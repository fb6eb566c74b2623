package dev.purgedeck.ui.keysets;

import dev.purgedeck.keysets.KeySet;
import dev.purgedeck.keysets.KeySetStore;
import dev.purgedeck.team.SharedKeySet;
import dev.purgedeck.team.SharedKeySetConflict;
import dev.purgedeck.team.SharedKeySets;
import dev.purgedeck.team.SharedListing;
import dev.purgedeck.ui.controls.UiTasks;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The team's shared key sets on the Key sets screen and in the console's picker: the list (from the offline copy while
 * the team database is away), and sharing, saving and deleting with the version check. A conflict is put to the user
 * with both versions ({@link ConflictQuestion}); their answer decides what is written. Database calls run on the
 * background executor; everything here is called, and answers, on the UI thread.
 */
public final class SharedSetsViewModel {
    private final SharedKeySets shared;
    private final UiTasks tasks;
    private final ZoneId zone;
    private final Consumer<String> message;
    private final ObservableList<SharedKeySet> all = FXCollections.observableArrayList();
    private final ObservableList<SharedKeySet> sets = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper offline = new ReadOnlyBooleanWrapper();
    private Function<ConflictQuestion, ConflictQuestion.Answer> resolver;
    private String filter = "";

    /**
     * @param shared   the team's shared sets; null when no team database is set up (everything here is then empty)
     * @param resolver asks the user what to do about a conflict (the dialog), on the UI thread
     * @param message  where outcomes are said (the screen's message line)
     */
    SharedSetsViewModel(SharedKeySets shared, UiTasks tasks, ZoneId zone, Consumer<String> message,
                        Function<ConflictQuestion, ConflictQuestion.Answer> resolver) {
        this.shared = shared;
        this.tasks = tasks;
        this.zone = zone;
        this.message = message;
        this.resolver = resolver;
    }

    /** True when a team database is set up, so the Team group shows. */
    public boolean available() {
        return shared != null;
    }

    /** The shared sets matching the search, by name. */
    public ObservableList<SharedKeySet> sets() {
        return sets;
    }

    /** Every shared set as last read (the console's picker). */
    public List<SharedKeySet> all() {
        return List.copyOf(all);
    }

    /** "3 shared sets" or "Offline since 10:02: the team's sets as last seen, read only". */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty offlineProperty() {
        return offline.getReadOnlyProperty();
    }

    /** Replaces how a conflict is asked (the view sets the real dialog). */
    public void setResolver(Function<ConflictQuestion, ConflictQuestion.Answer> resolver) {
        this.resolver = resolver;
    }

    void filter(String text) {
        filter = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        sets.setAll(all.stream().filter(this::matches).toList());
    }

    private boolean matches(SharedKeySet s) {
        return filter.isEmpty() || s.name().toLowerCase(Locale.ROOT).contains(filter)
                || s.set().description().toLowerCase(Locale.ROOT).contains(filter)
                || s.set().serviceName().toLowerCase(Locale.ROOT).contains(filter)
                || s.keys().stream().anyMatch(k -> k.toLowerCase(Locale.ROOT).contains(filter));
    }

    /** Reads the list again (the database, or the offline copy). */
    public CompletableFuture<Optional<SharedListing>> refresh() {
        if (shared == null) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return tasks.run(shared::list, this::show, e -> message.accept(e.getMessage()));
    }

    private void show(SharedListing listing) {
        all.setAll(listing.sets());
        filter(filter);
        offline.set(listing.offline());
        int n = listing.sets().size();
        String count = n == 1 ? "1 shared set" : n + " shared sets";
        status.set(listing.offline() ? "Team " + listing.offlineText(zone) + ": " + count
                + " as last seen, read only." : count + ".");
    }

    /** Shares {@code draft} with the team; {@code moved} (the personal set it came from) is then removed from here. */
    CompletableFuture<Optional<SharedKeySet>> share(KeySet draft, KeySet moved, KeySetStore store,
                                                    Consumer<SharedKeySet> show) {
        return tasks.run(() -> {
            SharedKeySet created = shared.create(draft, draft.sampleUrls());
            if (moved != null) {
                store.delete(moved.name()); // only once the team has it: a refusal keeps the personal set
            }
            return created;
        }, created -> {
            show.accept(created);
            message.accept("\u201c" + created.name() + "\u201d is now shared with the team.");
            refresh();
        }, e -> message.accept(e.getMessage()));
    }

    /** Saves {@code mine} over the version {@code was} was read at; a conflict asks the user. */
    CompletableFuture<Optional<SharedKeySet>> save(SharedKeySet was, KeySet mine, Consumer<SharedKeySet> show) {
        return write(() -> shared.update(was.name(), was.version(), mine, mine.sampleUrls()), mine, show);
    }

    private CompletableFuture<Optional<SharedKeySet>> write(UiTasks.Call<SharedKeySet> call, KeySet mine,
                                                            Consumer<SharedKeySet> show) {
        CompletableFuture<Optional<SharedKeySet>> outcome = new CompletableFuture<>();
        tasks.run(call, saved -> {
            show.accept(saved);
            message.accept("Saved \u201c" + saved.name() + "\u201d for the team (version " + saved.version() + ").");
            refresh();
            outcome.complete(Optional.of(saved));
        }, e -> {
            if (e instanceof SharedKeySetConflict conflict) {
                resolve(new ConflictQuestion(mine, conflict), show).thenAccept(outcome::complete);
            } else {
                message.accept(e.getMessage());
                outcome.complete(Optional.empty());
            }
        });
        return outcome;
    }

    /** Puts the conflict to the user and does what they chose; another conflict meanwhile asks again. */
    private CompletableFuture<Optional<SharedKeySet>> resolve(ConflictQuestion q, Consumer<SharedKeySet> show) {
        ConflictQuestion.Answer answer = resolver.apply(q);
        Optional<SharedKeySet> theirs = q.theirs();
        switch (answer) {
            case KEEP_THEIRS -> {
                theirs.ifPresent(show);
                message.accept(theirs.isPresent() ? "Kept the team's version of \u201c" + theirs.get().name()
                        + "\u201d (" + q.theirsLine(zone) + ")." : q.conflict().getMessage());
                refresh();
                return CompletableFuture.completedFuture(theirs);
            }
            case OVERWRITE -> {
                UiTasks.Call<SharedKeySet> again = theirs.isPresent()
                        ? () -> shared.update(theirs.get().name(), theirs.get().version(), q.mine(),
                                q.mine().sampleUrls())
                        : () -> shared.create(q.mine(), q.mine().sampleUrls());
                return write(again, q.mine(), show);
            }
            default -> {
                message.accept("Nothing was saved; your edits are still here. " + q.conflict().getMessage());
                return CompletableFuture.completedFuture(Optional.empty());
            }
        }
    }

    /**
     * Deletes {@code was} from the team (version-checked); a conflict asks the user. Completes with the version
     * deleted, which {@link #restore} can share again, or empty when nothing was deleted.
     */
    CompletableFuture<Optional<SharedKeySet>> delete(SharedKeySet was, Consumer<SharedKeySet> show) {
        CompletableFuture<Optional<SharedKeySet>> outcome = new CompletableFuture<>();
        tasks.run(() -> {
            shared.delete(was.name(), was.version());
            return was;
        }, deleted -> {
            message.accept("Deleted \u201c" + deleted.name() + "\u201d from the team.");
            refresh();
            outcome.complete(Optional.of(deleted));
        }, e -> {
            if (!(e instanceof SharedKeySetConflict conflict)) {
                message.accept(e.getMessage());
                outcome.complete(Optional.empty());
                return;
            }
            ConflictQuestion q = new ConflictQuestion(null, conflict);
            if (q.theirs().isEmpty()) { // deleted on both sides: what the user wanted, and theirs to bring back
                message.accept(conflict.getMessage().replace(" while you edited it", ""));
                refresh();
                outcome.complete(Optional.of(was));
            } else if (resolver.apply(q) == ConflictQuestion.Answer.OVERWRITE) {
                delete(q.theirs().get(), show).thenAccept(outcome::complete);
            } else {
                show.accept(q.theirs().get());
                message.accept("Not deleted: " + conflict.getMessage() + " Their version is shown.");
                refresh();
                outcome.complete(Optional.empty());
            }
        });
        return outcome;
    }

    /**
     * Shares a deleted set again (the Undo of {@link #delete}): its keys, options and sample pages as they were, as
     * the next version. Refused with the reason when a set of that name was shared meanwhile, or the team is offline.
     */
    CompletableFuture<Optional<SharedKeySet>> restore(SharedKeySet deleted, Consumer<SharedKeySet> show) {
        return tasks.run(() -> shared.create(deleted.set(), deleted.sampleUrls()), restored -> {
            show.accept(restored);
            message.accept("Restored \u201c" + restored.name() + "\u201d for the team (version " + restored.version()
                    + ").");
            refresh();
        }, e -> message.accept("Not restored: " + e.getMessage()));
    }
}
