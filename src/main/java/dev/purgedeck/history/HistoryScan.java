package dev.purgedeck.history;

import dev.purgedeck.history.HistorySearch.RawText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One pass over the history file for a {@link HistorySearch}'s text, in two halves on two threads. The command line
 * starts it ({@link #start}) as soon as it sees the text, before picocli has read the rest of its options, so the
 * scan runs beside that start-up; the search's other filters and limit come later ({@link #finish}). Until then
 * each half parses the lines that may hold the text and keeps their entries, up to {@value #WAITING}, and then waits.
 */
public final class HistoryScan {
    /** How much of the file one read takes (the scan cuts it after its last whole line). */
    static final int BLOCK = 1 << 20;
    private static final int MAX_LINE = 16 << 20;
    /** Below this a second thread costs more than it saves. */
    private static final long SPLIT_FROM = 8 << 20;
    /** Entries a half keeps while the filters are not known yet (a few MB); then it waits for them. */
    private static final int WAITING = 4096;
    /** Order of the results: newest first, and of the same millisecond the one written last, as the loader's. */
    private static final Comparator<Hit> NEWEST_FIRST = Comparator.comparing((Hit h) -> h.entry().time())
            .thenComparingLong(Hit::offset).reversed();

    private record Hit(HistoryEntry entry, long offset) {
    }

    private final RawText text;
    private final HistoryFile history;
    private final FileChannel ch;
    private final long middle;
    private final long end;
    private final int torn;
    private final CompletableFuture<HistorySearch> filters = new CompletableFuture<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean cancelled;
    private CompletableFuture<Part> first = CompletableFuture.completedFuture(null);
    private CompletableFuture<Part> second = CompletableFuture.completedFuture(null);

    private HistoryScan(RawText text, Path file) throws IOException {
        this.text = text;
        this.history = new HistoryFile(file);
        try {
            // Measured under the lock, as the store's load does: no other process is half-way through a write there.
            long size = history.locked((w, r) -> w.size());
            ch = history.reader();
            end = HistoryReader.lastLineEnd(ch, 0, size);
            torn = end < size && HistoryReader.hasContent(ch, end, size) ? 1 : 0;
            middle = end < SPLIT_FROM || Runtime.getRuntime().availableProcessors() < 2 ? end
                    : HistoryReader.nextLineStart(ch, end / 2, end);
        } catch (IOException | RuntimeException e) {
            history.close();
            throw e;
        }
    }

    /**
     * Starts scanning the history at {@code file} for {@code text} (as {@code history --search} was given it) on two
     * background threads. Empty when raw bytes cannot show the text, when there is no history yet, or when the file
     * cannot be read now: the search then runs as usual and says what is wrong.
     */
    public static Optional<HistoryScan> start(String text, Path file) {
        Optional<RawText> raw = RawText.of(HistoryQuery.all().withText(text).text());
        if (raw.isEmpty() || !Files.exists(file)) {
            return Optional.empty();
        }
        HistoryScan scan;
        try {
            scan = new HistoryScan(raw.get(), file);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        try {
            scan.first = CompletableFuture.supplyAsync(() -> scan.scanUnchecked(0, scan.middle));
            scan.second = scan.secondHalf();
            return Optional.of(scan);
        } catch (RuntimeException e) {
            scan.cancel();
            return Optional.empty();
        }
    }

    /** {@link HistorySearch#run}: the filters known from the start, the first half on this thread. */
    static HistorySearch.Result run(HistorySearch search, Path file) throws IOException {
        HistoryScan scan = new HistoryScan(search.text(), file);
        scan.filters.complete(search);
        scan.second = scan.secondHalf();
        try {
            scan.first = CompletableFuture.completedFuture(scan.scan(0, scan.middle));
        } catch (IOException | RuntimeException e) {
            scan.first = CompletableFuture.failedFuture(e);
        }
        return scan.collect(search);
    }

    /**
     * The result of {@code search} over the history this scan reads. A search for another text (the command line
     * read its options otherwise than the early look at them) cancels this scan and runs a scan of its own.
     */
    public HistorySearch.Result finish(HistorySearch search) throws IOException {
        if (!search.text().same(text)) {
            cancel();
            return search.run(history.path());
        }
        filters.complete(search);
        return collect(search);
    }

    /** Stops a scan whose result is not wanted (none once finished), and closes the file when both halves stop. */
    public void cancel() {
        cancelled = true;
        filters.cancel(false); // wakes a half that waits for the filters
        closeWhenStopped();
    }

    /** Closes the file once neither half reads it any more (at once when both have stopped). */
    private void closeWhenStopped() {
        CompletableFuture.allOf(first, second).whenComplete((v, e) -> {
            if (closed.compareAndSet(false, true)) {
                try {
                    history.close();
                } catch (IOException ignored) {
                    // Only read: nothing was left unwritten.
                }
            }
        });
    }

    private CompletableFuture<Part> secondHalf() {
        return middle < end ? CompletableFuture.supplyAsync(() -> scanUnchecked(middle, end))
                : CompletableFuture.completedFuture(new Part());
    }

    private HistorySearch.Result collect(HistorySearch search) throws IOException {
        try {
            Part a = join(first);
            Part b = join(second);
            a.use(search);
            b.use(search);
            List<Hit> hits = new ArrayList<>(a.hits);
            hits.addAll(b.hits);
            hits.sort(NEWEST_FIRST);
            List<HistoryEntry> newest = hits.subList(0, Math.min(search.limit(), hits.size())).stream()
                    .map(Hit::entry).toList();
            return new HistorySearch.Result(newest, a.matching + b.matching, a.skipped + b.skipped + torn);
        } finally {
            cancelled = true; // a half that failed leaves the other nothing to do
            closeWhenStopped();
        }
    }

    private static Part join(CompletableFuture<Part> half) throws IOException {
        try {
            return half.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    /** What one range of the file held: the newest matches (at most the limit), all matches counted. */
    private final class Part {
        final PriorityQueue<Hit> hits = new PriorityQueue<>(NEWEST_FIRST.reversed());
        /** Entries that may match, kept until the filters are known. */
        final List<Hit> waiting = new ArrayList<>();
        HistorySearch search;
        int matching;
        int skipped;
        final List<HistoryEntry> parsed = new ArrayList<>(1);
        byte[] line = new byte[4096];

        /** Parses [from, to) of buf, which holds one line without its '\n', as the loader would. */
        void line(byte[] buf, int from, int to, long offset, LineParser parser) {
            int n = to - from;
            if (line.length < n + 1) {
                line = new byte[Math.max(n + 1, line.length * 2)];
            }
            System.arraycopy(buf, from, line, 0, n);
            line[n] = '\n';
            parsed.clear();
            skipped += HistoryReader.parseBlock(line, n + 1, parsed, parser);
            for (HistoryEntry e : parsed) {
                if (search == null) {
                    HistorySearch known = filters.getNow(null);
                    if (known == null && waiting.size() < WAITING) {
                        waiting.add(new Hit(e, offset));
                        continue;
                    }
                    use(known != null ? known : filters.join()); // throws CancellationException when cancelled
                }
                consider(e, offset);
            }
        }

        /** From now on judges entries by {@code s}, starting with those that waited for it. */
        void use(HistorySearch s) {
            search = s;
            for (Hit h : waiting) {
                consider(h.entry(), h.offset());
            }
            waiting.clear();
        }

        private void consider(HistoryEntry e, long offset) {
            if (search.accepts(e)) {
                matching++;
                hits.add(new Hit(e, offset));
                if (hits.size() > search.limit()) {
                    hits.poll(); // the oldest goes
                }
            }
        }
    }

    private Part scanUnchecked(long from, long to) {
        try {
            return scan(from, to);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Scans the complete lines of [from, to) a block at a time, as {@link HistoryReader#read} reads them. */
    private Part scan(long from, long to) throws IOException {
        Part part = new Part();
        LineParser parser = new LineParser();
        byte[] buf = new byte[(int) Math.min(BLOCK, Math.max(16, to - from))];
        for (long pos = from; pos < to && !cancelled; ) {
            int n = (int) Math.min(buf.length, to - pos);
            HistoryReader.readFully(ch, buf, n, pos);
            int cut = n - 1;
            while (cut >= 0 && buf[cut] != '\n') {
                cut--;
            }
            if (cut < 0) {
                if (buf.length < MAX_LINE) {
                    buf = new byte[buf.length * 2];
                    continue;
                }
                // Megabytes without a newline: not one of ours. Skip to the next line, as the loader does.
                part.skipped++;
                pos = HistoryReader.nextLineStart(ch, pos + n, to);
                continue;
            }
            scanBlock(buf, cut + 1, pos, part, parser);
            pos += cut + 1;
        }
        return part;
    }

    /**
     * Scans buf[0, len), whole lines ending in '\n', and parses the lines that may match. Whole words of 8 bytes
     * that hold no byte the table cares about are skipped at once (most of the file); the bytes of any other word
     * are looked up one by one, as before, so what is found does not depend on the words.
     */
    private void scanBlock(byte[] buf, int len, long offset, Part part, LineParser parser) {
        byte[] kinds = text.kinds;
        int lineStart = 0;
        int i = 0;
        while (i < len) {
            // Only at a multiple of 8: aligned reads are the quick ones for the launcher's compiler.
            if ((i & 7) == 0) {
                i = text.skip(buf, i, len);
                if (i >= len) {
                    break;
                }
            }
            byte kind = kinds[buf[i] & 0xff];
            if (kind == 0) {
                i++;
                continue;
            }
            if (kind == RawText.NEWLINE) {
                if (i == lineStart || buf[lineStart] != '{' || buf[i - 1] != '}') {
                    if (!blank(buf, lineStart, i)) {
                        part.line(buf, lineStart, i, offset + lineStart, parser); // not a plain entry: judge it
                    }
                }
                lineStart = ++i;
                continue;
            }
            if (kind == RawText.ANCHOR && !text.around(buf, i, len)) {
                i++;
                continue;
            }
            // The text (or an escape that may hide it) is on this line: parse it, and go on after it.
            int nl = i;
            while (buf[nl] != '\n') {
                nl++;
            }
            part.line(buf, lineStart, nl, offset + lineStart, parser);
            lineStart = i = nl + 1;
        }
    }

    private static boolean blank(byte[] buf, int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = buf[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }
}
