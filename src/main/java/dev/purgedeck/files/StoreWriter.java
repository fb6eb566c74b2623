package dev.purgedeck.files;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Writes the app's small rewritten files (settings, preferences) on one background thread, so that the caller (the
 * UI thread) only changes memory and schedules. Changes to one file that arrive while its write waits are folded into
 * that write, which takes the latest content: a burst of clicks costs one fsync, not one each.
 */
public final class StoreWriter implements AutoCloseable {
    /** What puts the bytes on disk: {@link AtomicFiles#write(Path, byte[])}, or a stand-in that counts (tests). */
    @FunctionalInterface
    public interface FileWrite {
        void write(Path target, byte[] content) throws IOException;
    }

    private static final System.Logger LOG = Logs.of(StoreWriter.class);

    private final ExecutorService thread;
    private final FileWrite io;
    private final AtomicLong writes = new AtomicLong();
    /** The write waiting for each file; guarded by {@code this}. A write already running is no longer here. */
    private final Map<Path, Pending> pending = new HashMap<>();
    private boolean closed;

    /** A whole write done on the writer's thread: e.g. read the file afresh under a lock, change it, write it. */
    @FunctionalInterface
    public interface Update {
        void run() throws IOException;
    }

    private static final class Pending {
        final CompletableFuture<Void> done = new CompletableFuture<>();
        Update work;
    }

    private StoreWriter(ExecutorService thread, FileWrite io) {
        this.thread = thread;
        this.io = io;
    }

    /** A writer with its own daemon thread named {@code threadName}, writing with {@link AtomicFiles}. */
    public static StoreWriter start(String threadName) {
        return start(threadName, AtomicFiles::write);
    }

    /** As {@link #start(String)}, writing through {@code io}. */
    public static StoreWriter start(String threadName, FileWrite io) {
        return new StoreWriter(Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true); // close() flushes; a daemon never holds the exit up if close is forgotten
            return t;
        }), io);
    }

    /**
     * Writes on the caller's thread at once: for the command line (short-lived, no UI thread) and for tests that
     * read the file right after a change.
     */
    public static StoreWriter direct() {
        return new StoreWriter(null, AtomicFiles::write);
    }

    /**
     * Schedules writing {@code content} to {@code target}. The supplier is called on the writer's thread, when the
     * write starts, so it should give the then-current state; a write already waiting for {@code target} takes this
     * supplier instead of its own and both callers get the same future.
     *
     * @return completes when the bytes are on disk, or exceptionally with the reason they are not
     */
    public CompletableFuture<Void> schedule(Path target, Supplier<byte[]> content) {
        return scheduleUpdate(target, () -> io.write(target, content.get()));
    }

    /**
     * Schedules {@code work}, which writes {@code target} itself (a read-modify-write under a cross-process lock), on
     * the writer's thread; as with {@link #schedule}, work already waiting for {@code target} is replaced by this one,
     * so it must bring the whole latest state.
     */
    public CompletableFuture<Void> scheduleUpdate(Path target, Update work) {
        Pending p;
        synchronized (this) {
            if (thread == null || closed) {
                // After close (a change during exit) the write still happens, rather than being lost. Only an I/O
                // failure goes into the future: anything else (the UI-thread guard in tests) is the caller's bug.
                try {
                    writeNow(work);
                    return CompletableFuture.completedFuture(null);
                } catch (IOException | java.io.UncheckedIOException e) {
                    return CompletableFuture.failedFuture(e);
                }
            }
            p = pending.get(target);
            if (p != null) {
                p.work = work;
                return p.done;
            }
            p = new Pending();
            p.work = work;
            pending.put(target, p);
        }
        thread.execute(() -> drain(target));
        return p.done;
    }

    /** Why a scheduled write failed, in words for the user: the cause's message, never a future's wrapper. */
    public static String reason(Throwable failure) {
        Throwable t = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /** How many files this writer has written (a coalesced burst counts once). */
    public long writes() {
        return writes.get();
    }

    /** Waits until everything scheduled before this call is on disk (or has failed). */
    public void flush() {
        if (thread == null) {
            return;
        }
        try {
            thread.submit(() -> { }).get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            return; // closed: close() already waited
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            LOG.log(System.Logger.Level.WARNING, "Pending settings writes did not finish in time", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes what is pending, then stops the thread; later changes are written on the caller's thread. */
    @Override
    public void close() {
        synchronized (this) {
            if (thread == null || closed) {
                return;
            }
            closed = true;
        }
        thread.shutdown(); // the queued writes still run
        try {
            if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.log(System.Logger.Level.WARNING, "Pending settings writes did not finish in time");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void drain(Path target) {
        Pending p;
        synchronized (this) {
            p = pending.remove(target);
        }
        if (p == null) {
            return;
        }
        try {
            writeNow(p.work);
            p.done.complete(null);
        } catch (IOException | RuntimeException e) {
            p.done.completeExceptionally(e); // on this thread nobody else would hear of it
        }
    }

    private void writeNow(Update work) throws IOException {
        work.run();
        writes.incrementAndGet();
    }
}
