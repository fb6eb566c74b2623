package dev.purgedeck.ui.controls;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Runs a blocking call (a store write, a file read) on a background executor and hands its outcome to the UI
 * thread, so a view model built on it crosses back to the UI in one place. In tests both executors may run inline.
 */
public final class UiTasks {
    /** Blocking work that may fail with a message for the user. */
    @FunctionalInterface
    public interface Call<T> {
        T run() throws Exception;
    }

    private final Executor background;
    private final Executor fx;

    /**
     * @param background runs the calls (never the UI thread in the app)
     * @param fx         runs their outcomes on the UI thread
     */
    public UiTasks(Executor background, Executor fx) {
        this.background = background;
        this.fx = fx;
    }

    /** The executor that runs outcomes on the UI thread. */
    public Executor fx() {
        return fx;
    }

    /**
     * Runs {@code call} in the background, then {@code done} with its result, or {@code failed} with its exception,
     * on the UI thread.
     *
     * @return completes on the UI thread, after {@code done} or {@code failed}, with the result (empty on failure)
     */
    public <T> CompletableFuture<Optional<T>> run(Call<T> call, Consumer<T> done, Consumer<Exception> failed) {
        CompletableFuture<Optional<T>> outcome = new CompletableFuture<>();
        background.execute(() -> {
            try {
                T value = call.run();
                fx.execute(() -> {
                    done.accept(value);
                    outcome.complete(Optional.ofNullable(value));
                });
            } catch (Exception e) {
                fx.execute(() -> {
                    failed.accept(e);
                    outcome.complete(Optional.empty());
                });
            }
        });
        return outcome;
    }
}
