package dev.purgedeck.history;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A second PurgeDeck process for the crash, two-writer and watch tests: appends {@code count} entries of job
 * {@code name} to {@code file} in batches cycling through the given sizes, and prints "written N" after each append
 * returns. It prints "ready" first and waits for a line on stdin, so the test can start several at the same moment.
 * Usage: {@code file name count sizes(e.g. 1,7,50) pauseMillis}.
 */
public final class HistoryWriterProcess {
    private HistoryWriterProcess() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        String name = args[1];
        int count = Integer.parseInt(args[2]);
        int[] sizes = java.util.Arrays.stream(args[3].split(",")).mapToInt(Integer::parseInt).toArray();
        long pause = Long.parseLong(args[4]);
        try (HistoryStore store = HistoryStore.open(file)) {
            System.out.println("ready");
            System.out.flush();
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            int written = 0;
            for (int b = 0; written < count; b++) {
                int n = Math.min(sizes[b % sizes.length], count - written);
                store.append(Entries.entries(name, written, n));
                written += n;
                System.out.println("written " + written);
                System.out.flush();
                if (pause > 0) {
                    Thread.sleep(pause);
                }
            }
        }
        System.out.println("done");
    }
}
