package dev.purgedeck.team;

import dev.purgedeck.history.HistoryStore;
import dev.purgedeck.history.HistoryTail;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * A "desktop" for the crash tests, run as a child JVM whose shipper ships the history in {@code args[0]} to the
 * database on 127.0.0.1:{@code args[1]}/{@code args[2]}, until killed. Without a fourth argument it appends jobs as
 * fast as it can. With {@code commands} it appends only when told: each line {@code append N} on its input appends N
 * jobs, and each status of the shipper is printed as {@code status waiting=W offline=true|false shipped=S}.
 */
public final class TeamShipProcess {
    private TeamShipProcess() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        TeamSettings settings = new TeamSettings("127.0.0.1", Integer.parseInt(args[1]), args[2], "", "postgres", "",
                "");
        boolean commands = args.length > 3 && args[3].equals("commands");
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
        TeamShipper shipper = new TeamShipper(TeamFixture.connection(settings, dataDir),
                new HistoryTail(HistoryStore.fileIn(dataDir)), dataDir.resolve("team-cursor.json"), "desk-1",
                executor, Clock.systemUTC());
        if (commands) {
            shipper.addListener(s -> say("status waiting=" + s.waiting() + " offline=" + (s.offlineSince() != null)
                    + " shipped=" + s.shipped()));
        }
        try (HistoryStore store = HistoryStore.open(HistoryStore.fileIn(dataDir))) {
            store.addListener(added -> shipper.nudge());
            shipper.start();
            say("started");
            String prefix = ProcessHandle.current().pid() + "-";
            if (!commands) {
                for (int job = 0; ; job++) {
                    store.append(TeamFixture.entries(prefix + job, 1 + job % 40, "carol"));
                }
            }
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            int job = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                int n = Integer.parseInt(line.substring("append ".length()));
                for (int end = job + n; job < end; job++) {
                    store.append(TeamFixture.entries(prefix + job, 1 + job % 40, "carol"));
                }
            }
        }
    }

    private static synchronized void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
