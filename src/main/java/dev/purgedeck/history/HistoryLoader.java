package dev.purgedeck.history;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Loads a whole history file on all cores: the file is split at line starts into one range per core, each range
 * is parsed by its own thread (with its own interner), and the parts are joined in file order.
 */
final class HistoryLoader {
    /** Below this a second thread costs more than it saves. */
    private static final long MIN_BYTES_PER_THREAD = 4 << 20;

    private HistoryLoader() {
    }

    /** Every readable entry of the first {@code size} bytes, oldest first; an unfinished last line counts as skipped. */
    static LoadResult load(FileChannel ch, long size) throws IOException {
        long end = HistoryReader.lastLineEnd(ch, 0, size);
        int torn = end < size && HistoryReader.hasContent(ch, end, size) ? 1 : 0;
        int threads = (int) Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), end / MIN_BYTES_PER_THREAD));
        long[] bounds = new long[threads + 1];
        bounds[threads] = end;
        for (int i = 1; i < threads; i++) {
            bounds[i] = HistoryReader.nextLineStart(ch, end / threads * i, end);
        }
        HistoryReader.Chunk[] parts = new HistoryReader.Chunk[threads];
        List<Thread> helpers = new ArrayList<>();
        RuntimeException[] failure = new RuntimeException[threads];
        for (int i = 1; i < threads; i++) {
            int part = i;
            Thread t = new Thread(() -> {
                try {
                    parts[part] = readPart(ch, bounds[part], bounds[part + 1]);
                } catch (RuntimeException e) {
                    failure[part] = e;
                }
            }, "purgedeck-history-load-" + i);
            t.setDaemon(true);
            t.start();
            helpers.add(t);
        }
        try {
            parts[0] = readPart(ch, bounds[0], bounds[1]); // the calling thread does its share
        } catch (RuntimeException e) {
            failure[0] = e;
        }
        for (Thread t : helpers) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while loading the history", e);
            }
        }
        return join(parts, failure, torn);
    }

    private static HistoryReader.Chunk readPart(FileChannel ch, long from, long to) {
        try {
            return HistoryReader.read(ch, from, to, new HistoryReader.Parsers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
        if (parts.length == 1) {
            return new LoadResult(Collections.unmodifiableList(parts[0].entries()), parts[0].skipped() + torn);
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
