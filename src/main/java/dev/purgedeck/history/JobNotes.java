package dev.purgedeck.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.purgedeck.files.JsonTrees;
import dev.purgedeck.files.SafeFiles;
import dev.purgedeck.files.StoreLock;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The job notes file ({@value #FILE_NAME}, beside the history): one JSON line per {@link JobNote}, appended under the
 * store lock and forced to disk before {@link #append} returns. The history file keeps its format; readers merge the
 * notes in with {@link Index}. Notes are few (at most one per verified item and a couple per job), so they are loaded
 * whole. Several processes may append at once; unreadable lines are skipped, never fatal.
 */
public final class JobNotes {
    public static final String FILE_NAME = "job-notes.jsonl";
    /** Most read in one {@link #poll}; notes are a few hundred bytes, and the rest is read at the next. */
    private static final int MAX_POLL_BYTES = 1 << 20;

    private final Path file;
    /** Told of each note appended through this instance (the window's own notes), after it is on disk. */
    private final List<Consumer<List<JobNote>>> listeners = new CopyOnWriteArrayList<>();
    /** How much of the file this instance has read or written itself; -1 until {@link #follow}. */
    private long followed = -1;

    public JobNotes(Path file) {
        this.file = file;
    }

    /** The notes file of the data folder {@code dataDir}. */
    public static JobNotes in(Path dataDir) {
        return new JobNotes(dataDir.resolve(FILE_NAME));
    }

    /** The notes that go with the history file {@code historyFile} (same folder). */
    public static JobNotes besideHistory(Path historyFile) {
        return new JobNotes(historyFile.toAbsolutePath().resolveSibling(FILE_NAME));
    }

    public Path file() {
        return file;
    }

    /** Appends {@code notes} in one write and forces them to disk. Never call on the UI thread. */
    public void append(Collection<JobNote> notes) throws IOException {
        if (notes.isEmpty()) {
            return;
        }
        StringBuilder b = new StringBuilder();
        for (JobNote n : notes) {
            b.append(line(n)).append('\n');
        }
        ByteBuffer bytes = ByteBuffer.wrap(b.toString().getBytes(StandardCharsets.UTF_8));
        Files.createDirectories(file.toAbsolutePath().getParent());
        StoreLock.locked(file, () -> {
            try (FileChannel ch = SafeFiles.openAppend(file)) {
                long before = ch.size();
                while (bytes.hasRemaining()) {
                    ch.write(bytes);
                }
                ch.force(false);
                long after = ch.size();
                synchronized (this) {
                    if (followed == before) {
                        followed = after; // heard below: the next poll need not read our own notes back
                    }
                }
            }
            return null;
        });
        tell(List.copyOf(notes));
    }

    private void tell(List<JobNote> notes) {
        for (Consumer<List<JobNote>> l : listeners) {
            try {
                l.accept(notes);
            } catch (RuntimeException e) {
                // A faulty listener must not make a note that is on disk look unwritten to the one who wrote it.
                System.getLogger(JobNotes.class.getName()).log(System.Logger.Level.WARNING, "Note listener failed", e);
            }
        }
    }

    /**
     * From now on, {@link #poll} hands the listeners the notes other processes append (the command line's verdicts,
     * for instance). Notes already in the file are left to {@link #load}. Never call on the UI thread.
     */
    synchronized void follow() throws IOException {
        followed = Files.exists(file) ? Files.size(file) : 0;
    }

    /**
     * Reads the whole lines appended since the last look and hands their notes to the listeners; a line still being
     * written waits for the next poll. A note of this instance's own may be heard twice when another process wrote
     * between, which a listener takes as the same note again. Does nothing before {@link #follow}.
     */
    void poll() throws IOException {
        List<JobNote> arrived = new ArrayList<>();
        synchronized (this) {
            if (followed < 0 || !Files.exists(file)) {
                return;
            }
            try (FileChannel ch = SafeFiles.openRead(file)) {
                long size = ch.size();
                if (size < followed) {
                    followed = 0; // the file was started anew
                }
                if (size == followed) {
                    return;
                }
                ByteBuffer buf = ByteBuffer.allocate((int) Math.min(size - followed, MAX_POLL_BYTES));
                while (buf.hasRemaining() && ch.read(buf, followed + buf.position()) > 0) {
                    continue;
                }
                int end = buf.position();
                while (end > 0 && buf.get(end - 1) != '\n') {
                    end--;
                }
                if (end == 0 && buf.position() == buf.capacity() && buf.capacity() == MAX_POLL_BYTES) {
                    end = buf.capacity(); // one line longer than any note: skipped, never read again and again
                }
                String text = new String(buf.array(), 0, end, StandardCharsets.UTF_8);
                for (String line : text.split("\n")) {
                    parse(line).ifPresent(arrived::add);
                }
                followed += end;
            }
        }
        if (!arrived.isEmpty()) {
            tell(List.copyOf(arrived));
        }
    }

    /** Hears the notes appended through this instance from now on, on the appending thread; keep it quick. */
    public void addListener(Consumer<List<JobNote>> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<List<JobNote>> listener) {
        listeners.remove(listener);
    }

    /** Every readable note, in the order written; an absent file is no notes. Never call on the UI thread. */
    public List<JobNote> load() throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<JobNote> out = new ArrayList<>();
        try (FileChannel ch = SafeFiles.openRead(file);
             BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(ch),
                     StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                parse(line).ifPresent(out::add);
            }
        }
        return out;
    }

    /** Loads the notes into an {@link Index}; a file that cannot be read gives an empty index (the history stands). */
    public Index index() throws IOException {
        return new Index(load());
    }

    static String line(JobNote n) {
        ObjectNode o = JsonTrees.object();
        o.put("job_id", n.jobId());
        if (n.entryId() != null) {
            o.put("entry_id", n.entryId());
        }
        o.put("kind", n.kind());
        o.put("time", n.time().toString());
        o.put("text", n.text());
        if (n.detail() != null) {
            o.put("detail", n.detail());
        }
        return o.toString();
    }

    /** The note a line of the file holds; empty for a blank, torn or unreadable line. */
    public static Optional<JobNote> parse(String line) {
        if (line.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode o = JsonTrees.read(line);
            if (!o.isObject() || !o.path("job_id").isTextual() || !o.path("kind").isTextual()
                    || !o.path("time").isTextual() || !o.path("text").isTextual()) {
                return Optional.empty();
            }
            return Optional.of(new JobNote(o.get("job_id").asText(), text(o, "entry_id"), o.get("kind").asText(),
                    Instant.parse(o.get("time").asText()), o.get("text").asText(), text(o, "detail")));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // a torn last line after a crash, or a hand edit: the rest still counts
        }
    }

    private static String text(JsonNode o, String field) {
        JsonNode v = o.get(field);
        return v == null || !v.isTextual() ? null : v.asText();
    }

    /** Notes looked up by entry and by job; the last note of a kind wins (a later look supersedes an earlier one). */
    public static final class Index {
        private final Map<String, JobNote> verdicts = new HashMap<>();
        /** The jobs some verdict note is about: most entries are passed over without computing their ID. */
        private final Set<String> verdictJobs = new HashSet<>();
        private final Map<String, Map<String, JobNote>> byJob = new HashMap<>();

        public Index(List<JobNote> notes) {
            notes.forEach(this::add);
        }

        /** Adds a note that arrived after loading (a live job). */
        public synchronized void add(JobNote n) {
            if (n.entryId() != null && JobNote.VERDICT.equals(n.kind())) {
                verdicts.put(n.entryId(), n);
                verdictJobs.add(n.jobId());
            } else if (n.entryId() == null) {
                byJob.computeIfAbsent(n.jobId(), k -> new HashMap<>()).put(n.kind(), n);
            }
        }

        /** {@code e} with the verdict a note gives it, or {@code e} itself when none does. */
        public synchronized HistoryEntry apply(HistoryEntry e) {
            if (!verdictJobs.contains(e.jobId())) {
                return e;
            }
            JobNote v = verdicts.get(e.stableId());
            return v == null ? e : e.withVerdict(v.text(), v.detail());
        }

        /**
         * {@code entries} with their verdicts merged in; the very same list when no note gives any (an old history,
         * or one never verified), so a million entries are not copied for nothing.
         */
        public synchronized List<HistoryEntry> applyAll(List<HistoryEntry> entries) {
            if (verdictJobs.isEmpty()) {
                return entries;
            }
            List<HistoryEntry> out = new ArrayList<>(entries.size());
            for (HistoryEntry e : entries) {
                out.add(apply(e));
            }
            return out;
        }

        /** Whether a verdict note is about {@code e}'s job (its entries may need {@link #apply}). */
        public synchronized boolean hasVerdicts(String jobId) {
            return verdictJobs.contains(jobId);
        }

        /** The job's note of {@code kind} ({@link JobNote#IMPACT}, {@link JobNote#NOTICE}), if any. */
        public synchronized Optional<JobNote> ofJob(String jobId, String kind) {
            Map<String, JobNote> m = byJob.get(jobId);
            return Optional.ofNullable(m == null ? null : m.get(kind));
        }

        /**
         * The job-level notes of {@code e}'s job as JSON fields ({@code "impact":"…","notice":"…"}), or null when it
         * has none: what an export adds to each entry of the job.
         */
        public synchronized String jobFields(HistoryEntry e) {
            Map<String, JobNote> m = byJob.get(e.jobId());
            if (m == null) {
                return null;
            }
            ObjectNode o = JsonTrees.object();
            for (String kind : List.of(JobNote.IMPACT, JobNote.NOTICE)) {
                JobNote n = m.get(kind);
                if (n != null) {
                    o.put(kind, n.text());
                }
            }
            String json = o.toString();
            return o.isEmpty() ? null : json.substring(1, json.length() - 1);
        }

        public synchronized boolean isEmpty() {
            return verdicts.isEmpty() && byJob.isEmpty();
        }
    }
}
