package dev.purgedeck.history;

import dev.purgedeck.files.SafeFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads the history file from a byte offset on, whole lines only, without loading the rest: what a copy of the
 * history elsewhere (the team database) needs to follow the file. Read-only; safe beside the processes appending.
 */
public final class HistoryTail {
    private final Path file;
    private final LineParser parser = new LineParser();

    public HistoryTail(Path file) {
        this.file = file;
    }

    /**
     * What a range of the file held.
     *
     * @param entries the entries of the complete lines read, in file order
     * @param end     the offset just after the last complete line read: where the next read starts
     * @param size    the file's size when read
     */
    public record Slice(List<HistoryEntry> entries, long end, long size) {
    }

    /** The complete lines from {@code from} on, at most about {@code maxBytes} of them (one whole line at least). */
    public Slice read(long from, long maxBytes) throws IOException {
        try (FileChannel ch = SafeFiles.openRead(file)) {
            long size = ch.size();
            if (from >= size) {
                return new Slice(List.of(), Math.min(from, size), size);
            }
            long to = Math.min(size, from + Math.max(1, maxBytes));
            HistoryReader.Chunk chunk = HistoryReader.read(ch, from, to, parser);
            if (chunk.end() == from && to < size) { // one line longer than maxBytes: read up to its end
                chunk = HistoryReader.read(ch, from, size, parser);
            }
            return new Slice(chunk.entries(), chunk.end(), size);
        } catch (NoSuchFileException e) {
            return new Slice(List.of(), 0, 0);
        }
    }

    /** The file's size now (0 when it does not exist yet). */
    public long size() throws IOException {
        return Files.exists(file) ? Files.size(file) : 0;
    }

    /** Complete lines in [from, size): entries still to come, counted without parsing them. */
    public long linesAfter(long from) throws IOException {
        try (FileChannel ch = SafeFiles.openRead(file)) {
            long count = 0;
            byte[] buf = new byte[1 << 16];
            for (long pos = from, size = ch.size(); pos < size; ) {
                int n = (int) Math.min(buf.length, size - pos);
                HistoryReader.readFully(ch, buf, n, pos);
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        count++;
                    }
                }
                pos += n;
            }
            return count;
        } catch (NoSuchFileException e) {
            return 0;
        }
    }

    public Path file() {
        return file;
    }
}
