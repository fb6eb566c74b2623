package dev.purgedeck.ui.history;

import dev.purgedeck.team.TeamException;
import dev.purgedeck.team.TeamHistory;
import dev.purgedeck.team.TeamQuery;
import dev.purgedeck.team.TeamRow;
import dev.purgedeck.team.TeamSort;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The History screen's Team scope: filters and paging sent to the team database (never the whole table loaded),
 * one page of rows with who purged them. Queries run on the background executor; results cross to the UI thread in
 * {@link #show}.
 */
public final class TeamHistoryViewModel {
    public static final int PAGE = 100;

    // Properties
    private final StringProperty text = new SimpleStringProperty("");
    private final StringProperty user = new SimpleStringProperty("");
    private final StringProperty outcome = new SimpleStringProperty("");
    private final IntegerProperty page = new SimpleIntegerProperty(0);
    private final ObjectProperty<TeamSort> sort = new SimpleObjectProperty<>(TeamSort.TIME);
    private final BooleanProperty ascending = new SimpleBooleanProperty(false);
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty hasNext = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ObservableList<TeamRow> rows = FXCollections.observableArrayList();

    private final TeamHistory history;
    private final Executor background;
    private final Executor fx;
    private final AtomicLong generation = new AtomicLong();

    public TeamHistoryViewModel(TeamHistory history, Executor background, Executor fx) {
        this.history = history;
        this.background = background;
        this.fx = fx;
    }

    public StringProperty textProperty() {
        return text;
    }

    public StringProperty userProperty() {
        return user;
    }

    /** ok, failed, cancelled or empty for all. */
    public StringProperty outcomeProperty() {
        return outcome;
    }

    public IntegerProperty pageProperty() {
        return page;
    }

    /** The column the database sorts by (newest first by default). */
    public ObjectProperty<TeamSort> sortProperty() {
        return sort;
    }

    public BooleanProperty ascendingProperty() {
        return ascending;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public BooleanProperty hasNextProperty() {
        return hasNext;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ObservableList<TeamRow> rows() {
        return rows;
    }

    // Commands

    /** Runs the filters from the first page. */
    public CompletableFuture<Void> search() {
        page.set(0);
        return load();
    }

    /** Sorts by {@code by} in the database, from the first page; null is the default, newest first. */
    public CompletableFuture<Void> sortBy(TeamSort by, boolean smallestFirst) {
        sort.set(by == null ? TeamSort.TIME : by);
        ascending.set(by != null && smallestFirst);
        return search();
    }

    public CompletableFuture<Void> next() {
        if (!hasNext.get()) {
            return CompletableFuture.completedFuture(null);
        }
        page.set(page.get() + 1);
        return load();
    }

    public CompletableFuture<Void> previous() {
        page.set(Math.max(0, page.get() - 1));
        return load();
    }

    private CompletableFuture<Void> load() {
        long mine = generation.incrementAndGet();
        // One row more than a page tells whether there is a next page without counting the table.
        TeamQuery q = new TeamQuery(text.get(), user.get(), null, outcome.get(), null, null, page.get() * PAGE,
                PAGE + 1, sort.get(), ascending.get());
        busy.set(true);
        return CompletableFuture.supplyAsync(() -> {
            try {
                return new Result(history.page(q), null);
            } catch (TeamException e) {
                return new Result(List.of(), e.getMessage());
            }
        }, background).thenAcceptAsync(r -> show(mine, r), fx);
    }

    /** The one place results reach the UI thread; a late answer to an older query is dropped. */
    private void show(long mine, Result r) {
        if (mine != generation.get()) {
            return;
        }
        busy.set(false);
        hasNext.set(r.rows().size() > PAGE);
        rows.setAll(r.rows().subList(0, Math.min(PAGE, r.rows().size())));
        message.set(r.problem() != null ? r.problem() : rows.isEmpty() ? "No team purges match."
                : "Team history: rows " + (page.get() * PAGE + 1) + "–" + (page.get() * PAGE + rows.size()));
    }

    private record Result(List<TeamRow> rows, String problem) {
    }
}
