package dev.purgedeck.history;

import dev.purgedeck.files.Logs;
import dev.purgedeck.files.UiThreadGuard;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The durable purge history: an append-only JSON Lines file that every item is written to the moment its outcome
 * is known, safe against crashes (no buffering in the process; forced to disk in the background about 20 ms after
 * each write, well inside the promised 200 ms, and by {@link #flush}) and against other PurgeDeck processes
 * appending to the same file (an exclusive file lock per append).
 *
 * <p>Listeners run on the appending thread or the watch thread while the store holds its monitor, so that a
 * {@link #load()} sees every entry a listener heard before it and none it hears after; keep them quick (hand the
 * entries to your own thread).
 */
public final class HistoryStore implements AutoCloseable {
    /** The history's file name inside the data directory, shared by the window and the command line. */
    public static final String FILE_NAME = "history.jsonl";
    private static final System.Logger LOG = Logs.of(HistoryStore.class);
    /**
     * How soon after a write it is forced to disk. The promise is at most 200 ms; forcing sooner, in the background,
     * leaves little for the flush at the end of a job, which the user waits for.
     */
    private static final long SYNC_DELAY_MILLIS = 20;

    private final HistoryFile file;
    private final List<Consumer<List<HistoryEntry>>> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer;
    /** Job notes read with each poll of {@link #watch} (the window's), see {@link #followNotes}. */
    private final List<JobNotes> followedNotes = new CopyOnWriteArrayList<>();
    private final AtomicBoolean dirty = new AtomicBoolean();
    private final AtomicBoolean syncPending = new AtomicBoolean();
    private final ReentrantLock forcing = new ReentrantLock();
    /**
     * Reads what other processes appended; made when first needed (under this store's monitor, like its uses): setting
     * up its tables was a good part of opening the history for a purge from the command line, which rarely needs it.
     */
    private LineParser parser;
    /** Everything before this offset has been loaded, appended or delivered by this process. */
    private long consumed;
    /** The file size right after our last append (it ends in '\n' there), or -1. */
    private long cleanEnd = -1;
    /** The {@link HistoryFile#generation} those offsets belong to. */
    private int generation;
    private ScheduledFuture<?> watching;
    private boolean closed;

    private HistoryStore(HistoryFile file) throws IOException {
        this.file = file;
        this.consumed = file.reader().size();
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "purgedeck-history-sync");
            t.setDaemon(true);
            return t;
        });
    }

    /** Opens (creating it and its folders, owner-only, if missing) the history at {@code file}. */
    public static HistoryStore open(Path file) throws IOException {
        return new HistoryStore(new HistoryFile(file));
    }

    /** Where the history lives in {@code dataDir}. */
    public static Path fileIn(Path dataDir) {
        return dataDir.resolve(FILE_NAME);
    }

    public Path file() {
        return file.path();
    }

    /** Writes the entries as one locked write of one line each, then tells the listeners. */
    public void append(List<HistoryEntry> entries) throws IOException {
        UiThreadGuard.checkNotUiThread("Appending to the purge history");
        List<HistoryEntry> own = List.copyOf(entries);
        if (own.isEmpty()) {
            return;
        }
        byte[] bytes = LineWriter.lines(own); // encoded before locking: the lock is held for the write only
        // An interrupt during channel I/O would close the channel for the whole store: hold it off, then restore it.
        boolean interrupted = Thread.interrupted();
        try {
            appendLocked(own, bytes);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void appendLocked(List<HistoryEntry> own, byte[] bytes) throws IOException {
        synchronized (this) {
            ensureOpen();
            List<HistoryEntry> foreign = file.locked((writer, reader) -> {
                followReplacedFile();
                long size = writer.size();
                List<HistoryEntry> others = List.of();
                if (size > consumed) { // another process appended since we last looked: pass it on, don't skip it
                    others = HistoryReader.read(reader, consumed, size, parser()).entries();
                }
                // A torn last line must not swallow ours: start on a fresh line.
                boolean newline = size != cleanEnd && file.lastByte(size) != '\n';
                ByteBuffer buf = newline ? ByteBuffer.allocate(bytes.length + 1).put((byte) '\n').put(bytes).flip()
                        : ByteBuffer.wrap(bytes);
                cleanEnd = -1;
                try {
                    while (buf.hasRemaining()) {
                        writer.write(buf);
                    }
                } catch (IOException e) {
                    // A full disk stops a write part-way: cut back to where we began, so no torn line remains.
                    truncateTo(writer, size);
                    throw e;
                }
                consumed = cleanEnd = size + buf.limit();
                dirty.set(true);
                return others;
            });
            scheduleSync();
            deliver(foreign);
            deliver(own);
        }
    }

    private static void truncateTo(FileChannel writer, long size) {
        try {
            if (writer.size() > size) {
                writer.truncate(size);
            }
        } catch (IOException e) {
            // The reader skips a torn last line and the next append starts on a fresh line: nothing is misread.
        }
    }

    /** Forces everything written so far to disk now (e.g. at the end of a job). */
    public void flush() throws IOException {
        forcing.lock(); // waits for a sync in progress, so nothing written before this call is left unforced
        try {
            if (dirty.getAndSet(false)) {
                HistoryFile.force(file.writer());
            }
        } finally {
            forcing.unlock();
        }
    }

    /** Every readable entry, oldest first, with the number of lines skipped; listeners hear only later entries. */
    public LoadResult load() throws IOException {
        return load(null);
    }

    /**
     * Loads, and adds {@code listener} at the very moment the file is measured: it hears exactly the entries the
     * result lacks, none twice and none missed. A view that keeps what it hears while loading and puts it after the
     * result is then exact (a listener added before {@link #load()} may also hear entries the result has).
     */
    public LoadResult load(Consumer<List<HistoryEntry>> listener) throws IOException {
        return measured(listener, () -> false, HistoryLoader::load);
    }

    /**
     * As {@link #load(Consumer)}, but hands the entries over newest first, in {@link LoadPart}s, for a window that
     * shows the newest at once and the rest as it arrives: the first part (the last megabyte or so) comes at once,
     * the others on the loading threads, one call at a time, each ending where the one before began. Returns the
     * number of lines skipped. The listener hears what was appended after the file was measured, i.e. entries newer
     * than every part.
     */
    public int loadNewestFirst(Consumer<List<HistoryEntry>> listener, Consumer<LoadPart> parts) throws IOException {
        boolean[] handed = {false};
        return measured(listener, () -> handed[0], (reader, size) -> HistoryLoader.loadNewestFirst(reader, size,
                part -> {
                    handed[0] = true;
                    parts.accept(part);
                }));
    }

    /** What reads a measured file. */
    @FunctionalInterface
    private interface Read<T> {
        T read(FileChannel reader, long size) throws IOException;
    }

    /**
     * Measures the file, adds the listener at that moment, and reads it; reads the new file if it was cleared
     * meanwhile, unless {@code started} says the reader already handed something over.
     */
    private <T> T measured(Consumer<List<HistoryEntry>> listener, java.util.function.BooleanSupplier started,
                           Read<T> read) throws IOException {
        boolean interrupted = Thread.interrupted(); // as in append: an interrupt would close the shared channel
        try {
            for (int attempt = 0; ; attempt++) {
                FileChannel reader;
                long size;
                synchronized (this) {
                    ensureOpen();
                    // Taking the lock for a moment means no other process is half-way through a write at this size.
                    size = file.locked((w, r) -> w.size());
                    reader = file.reader();
                    generation = file.generation();
                    consumed = size;
                    if (listener != null && !listeners.contains(listener)) {
                        listeners.add(listener); // deliveries happen under this monitor: all of them come later
                    }
                }
                try {
                    return read.read(reader, size);
                } catch (ClosedChannelException e) {
                    if (attempt == 2 || started.getAsBoolean()) { // the file was cleared while we read
                        throw e;
                    }
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Hears every entry appended in this process and, once {@link #watch} runs, those other processes append. */
    public void addListener(Consumer<List<HistoryEntry>> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<List<HistoryEntry>> listener) {
        listeners.remove(listener);
    }

    /** Checks the file every {@code period} for lines other processes appended, and hands them to the listeners. */
    public synchronized void watch(Duration period) {
        if (watching != null) {
            watching.cancel(false);
        }
        long ms = Math.max(10, period.toMillis());
        watching = timer.scheduleWithFixedDelay(this::pollQuietly, ms, ms, TimeUnit.MILLISECONDS);
    }

    private LineParser parser() {
        assert Thread.holdsLock(this);
        if (parser == null) {
            parser = new LineParser();
        }
        return parser;
    }

    /** Reads what other processes appended since we last looked; visible for tests, normally run by {@link #watch}. */
    synchronized void poll() throws IOException {
        if (closed) {
            return;
        }
        file.heal();
        if (file.replaced()) { // cleared by another process: follow the fresh file from its start
            file.reopen();
        }
        followReplacedFile();
        long size = file.reader().size();
        if (size > consumed) {
            // No lock: read only whole lines; a line still being written by another process waits for the next poll.
            HistoryReader.Chunk chunk = HistoryReader.read(file.reader(), consumed, size, parser());
            consumed = chunk.end();
            deliver(chunk.entries());
        }
    }

    /** Moves the file aside as a dated backup beside it and starts an empty one; returns the backup's path. */
    public synchronized Path clear() throws IOException {
        UiThreadGuard.checkNotUiThread("Clearing the purge history");
        ensureOpen();
        Path backup = file.locked((writer, reader) -> {
            HistoryFile.force(writer);
            Path aside = HistoryBackups.next(file.path());
            Files.move(file.path(), aside, StandardCopyOption.ATOMIC_MOVE);
            file.reopen();
            return aside;
        });
        followReplacedFile();
        dirty.set(false);
        return backup;
    }

    /** Forces the file to disk and stops the background threads. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        timer.shutdown(); // no interrupt: it would close the channel under a sync in progress
        boolean interrupted = Thread.interrupted();
        try {
            timer.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            interrupted = true;
        }
        try {
            synchronized (this) {
                flush();
                file.close();
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Closing the history failed", e);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Offsets into a file that has since been replaced (cleared) mean nothing: start the new one from its beginning. */
    private void followReplacedFile() {
        if (generation != file.generation()) {
            generation = file.generation();
            consumed = 0;
            cleanEnd = -1;
        }
    }

    private void deliver(List<HistoryEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        List<HistoryEntry> view = List.copyOf(entries);
        for (Consumer<List<HistoryEntry>> l : listeners) {
            try {
                l.accept(view);
            } catch (RuntimeException e) {
                // One faulty listener must not stop the recording, nor the other listeners.
                LOG.log(System.Logger.Level.WARNING, "History listener failed", e);
            }
        }
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("The history store is closed.");
        }
        file.heal();
    }

    /** Has the file forced soon on the timer thread; nothing runs while nothing is written. */
    private void scheduleSync() {
        if (syncPending.compareAndSet(false, true)) {
            timer.schedule(this::syncQuietly, SYNC_DELAY_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private void syncQuietly() {
        syncPending.set(false); // writes from now on schedule the next sync
        try {
            flush();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Forcing the history to disk failed", e);
        }
    }

    private void pollQuietly() {
        try {
            poll();
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Reading the history other processes wrote failed", e);
        }
        for (JobNotes notes : followedNotes) {
            try {
                notes.poll();
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "Reading the job notes other processes wrote failed", e);
            }
        }
    }

    /**
     * Has {@link #watch} also read the job notes beside the history that other processes append (their verdicts and
     * impact summaries), at the same pace, and hand them to {@code notes}' listeners.
     */
    void followNotes(JobNotes notes) throws IOException {
        notes.follow();
        followedNotes.add(notes);
    }
}
