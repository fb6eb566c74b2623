package dev.purgedeck.history;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Loads a whole history file on all cores: the file is cut at line starts into pieces of a few megabytes, one thread
 * per core takes pieces until none is left (so a thread slowed by other work does less), each with its own parser,
 * and the pieces are joined in file order; or, for a window that shows the newest first, handed over newest first as
 * they are ready.
 */
final class HistoryLoader {
    /** Below this a piece costs more to coordinate than it saves. */
    private static final long MIN_PIECE = 4 << 20;
    private static final int PIECES_PER_THREAD = 8;
    /** The newest part, read first and alone: about 2,000 entries, a first page at once and something to filter. */
    private static final int FIRST_PART = 1 << 20;

    private HistoryLoader() {
    }

    /** Every readable entry of the first {@code size} bytes, oldest first; an unfinished last line counts as skipped. */
    static LoadResult load(FileChannel ch, long size) throws IOException {
        long end = HistoryReader.lastLineEnd(ch, 0, size);
        int torn = end < size && HistoryReader.hasContent(ch, end, size) ? 1 : 0;
        int threads = Runtime.getRuntime().availableProcessors();
        long[] bounds = bounds(ch, end, threads);
        int pieces = bounds.length - 1;
        HistoryReader.Chunk[] parts = new HistoryReader.Chunk[pieces];
        AtomicInteger next = new AtomicInteger();
        onThreads(Math.min(threads, pieces), parser -> {
            for (int i = next.getAndIncrement(); i < pieces; i = next.getAndIncrement()) {
                parts[i] = HistoryReader.read(ch, bounds[i], bounds[i + 1], parser);
            }
        }, () -> { });
        return join(parts, torn);
    }

    /** What each loading thread does, with a parser of its own. */
    @FunctionalInterface
    private interface Work {
        void run(LineParser parser) throws IOException;
    }

    /** Runs {@code work} on {@code count} threads and waits; a failure runs {@code onFailure}, then is thrown here. */
    private static void onThreads(int count, Work work, Runnable onFailure) throws IOException {
        RuntimeException[] failure = new RuntimeException[count];
        Runnable[] workers = new Runnable[count];
        for (int w = 0; w < count; w++) {
            int self = w;
            workers[w] = () -> {
                try {
                    work.run(new LineParser());
                } catch (IOException e) {
                    failure[self] = new UncheckedIOException(e);
                    onFailure.run();
                } catch (RuntimeException e) {
                    failure[self] = e;
                    onFailure.run();
                }
            };
        }
        runAll(workers);
        for (RuntimeException e : failure) {
            if (e instanceof UncheckedIOException u) {
                throw u.getCause();
            } else if (e != null) {
                throw e;
            }
        }
    }

    /**
     * Every readable entry of the first {@code size} bytes, newest part first: the last {@value #FIRST_PART} bytes
     * alone, at once (a first page to show), then the rest in pieces parsed on all cores, newest piece first, each
     * handed to {@code sink} (one call at a time) as soon as every newer piece has been. Returns the lines skipped.
     */
    static int loadNewestFirst(FileChannel ch, long size, Consumer<LoadPart> sink) throws IOException {
        long end = HistoryReader.lastLineEnd(ch, 0, size);
        int torn = end < size && HistoryReader.hasContent(ch, end, size) ? 1 : 0;
        long rest = end <= FIRST_PART ? 0 : HistoryReader.nextLineStart(ch, end - FIRST_PART, end);
        HistoryReader.Chunk newest = HistoryReader.read(ch, rest, end, new LineParser());
        int[] skipped = {torn + newest.skipped()};
        sink.accept(new LoadPart(newest.entries(), newest.skipped(), end - rest, end));
        if (rest == 0) {
            return skipped[0];
        }
        int threads = Runtime.getRuntime().availableProcessors();
        long[] bounds = bounds(ch, rest, threads);
        int pieces = bounds.length - 1;
        HistoryReader.Chunk[] parts = new HistoryReader.Chunk[pieces];
        AtomicInteger next = new AtomicInteger(pieces - 1);
        int[] due = {pieces - 1};
        long[] read = {end - rest};
        onThreads(Math.min(threads, pieces), parser -> {
            for (int i = next.getAndDecrement(); i >= 0; i = next.getAndDecrement()) {
                HistoryReader.Chunk c = HistoryReader.read(ch, bounds[i], bounds[i + 1], parser);
                synchronized (parts) { // in file order backwards: the receiver only ever puts parts in front
                    parts[i] = c;
                    for (; due[0] >= 0 && parts[due[0]] != null; due[0]--) {
                        HistoryReader.Chunk d = parts[due[0]];
                        parts[due[0]] = null;
                        read[0] += bounds[due[0] + 1] - bounds[due[0]];
                        skipped[0] += d.skipped();
                        sink.accept(new LoadPart(d.entries(), d.skipped(), read[0], end));
                    }
                }
            }
        }, () -> next.set(-1)); // a failure stops the others too
        return skipped[0];
    }

    /** Where the pieces of [0, end) begin, each at a line start, and end at last. */
    private static long[] bounds(FileChannel ch, long end, int threads) throws IOException {
        int pieces = (int) Math.max(1, Math.min((long) threads * PIECES_PER_THREAD, end / MIN_PIECE));
        long[] bounds = new long[pieces + 1];
        bounds[pieces] = end;
        for (int i = 1; i < pieces; i++) {
            bounds[i] = HistoryReader.nextLineStart(ch, end / pieces * i, end);
        }
        return bounds;
    }

    /** Runs the first on the calling thread and the others on threads of their own, and waits for all. */
    private static void runAll(Runnable[] workers) throws IOException {
        List<Thread> helpers = new ArrayList<>();
        for (int w = 1; w < workers.length; w++) {
            Thread t = new Thread(workers[w], "purgedeck-history-load-" + w);
            t.setDaemon(true);
            t.start();
            helpers.add(t);
        }
        workers[0].run();
        for (Thread t : helpers) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while loading the history");
            }
        }
    }

    private static LoadResult join(HistoryReader.Chunk[] parts, int torn) {
        int count = 0;
        int skipped = torn;
        for (HistoryReader.Chunk c : parts) {
            count += c.entries().size();
            skipped += c.skipped();
        }
        List<HistoryEntry> all = new ArrayList<>(count);
        for (HistoryReader.Chunk c : parts) {
            all.addAll(c.entries());
        }
        return new LoadResult(Collections.unmodifiableList(all), skipped);
    }
}
