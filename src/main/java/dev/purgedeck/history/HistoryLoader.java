package dev.purgedeck.history;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Loads a whole history file on all cores: the file is cut at line starts into pieces of a few megabytes, one thread
 * per core takes pieces until none is left (so a thread slowed by other work does less), each with its own parser,
 * and the pieces are joined in file order.
 */
final class HistoryLoader {
    /** Below this a piece costs more to coordinate than it saves. */
    private static final long MIN_PIECE = 4 << 20;
    private static final int PIECES_PER_THREAD = 8;

    private HistoryLoader() {
    }

    /** Every readable entry of the first {@code size} bytes, oldest first; an unfinished last line counts as skipped. */
    static LoadResult load(FileChannel ch, long size) throws IOException {
        long end = HistoryReader.lastLineEnd(ch, 0, size);
        int torn = end < size && HistoryReader.hasContent(ch, end, size) ? 1 : 0;
        int threads = Runtime.getRuntime().availableProcessors();
        int pieces = (int) Math.max(1, Math.min((long) threads * PIECES_PER_THREAD, end / MIN_PIECE));
        long[] bounds = new long[pieces + 1];
        bounds[pieces] = end;
        for (int i = 1; i < pieces; i++) {
            bounds[i] = HistoryReader.nextLineStart(ch, end / pieces * i, end);
        }
        HistoryReader.Chunk[] parts = new HistoryReader.Chunk[pieces];
        AtomicInteger next = new AtomicInteger();
        RuntimeException[] failure = new RuntimeException[Math.min(threads, pieces)];
        Runnable[] workers = new Runnable[failure.length];
        for (int w = 0; w < workers.length; w++) {
            int self = w;
            workers[w] = () -> {
                LineParser parser = new LineParser();
                try {
                    for (int i = next.getAndIncrement(); i < pieces; i = next.getAndIncrement()) {
                        parts[i] = HistoryReader.read(ch, bounds[i], bounds[i + 1], parser);
                    }
                } catch (IOException e) {
                    failure[self] = new UncheckedIOException(e);
                } catch (RuntimeException e) {
                    failure[self] = e;
                }
            };
        }
        runAll(workers);
        return join(parts, failure, torn);
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

    private static LoadResult join(HistoryReader.Chunk[] parts, RuntimeException[] failure, int torn) throws IOException {
        for (RuntimeException e : failure) {
            if (e instanceof UncheckedIOException u) {
                throw u.getCause();
            } else if (e != null) {
                throw e;
            }
        }
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
