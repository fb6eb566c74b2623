package dev.purgedeck.team;

import dev.purgedeck.history.HistoryStore;
import dev.purgedeck.history.HistoryTail;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * A "desktop" for the crash tests, run as a child JVM: appends jobs to the history in {@code args[0]} as fast as it
 * can while its shipper ships them to the database on 127.0.0.1:{@code args[1]}/{@code args[2]}, until killed.
 */
public final class TeamShipProcess {
    private TeamShipProcess() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        TeamSettings settings = new TeamSettings("127.0.0.1", Integer.parseInt(args[1]), args[2], "", "postgres", "",
                "");
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
        TeamShipper shipper = new TeamShipper(TeamFixture.connection(settings, dataDir),
                new HistoryTail(HistoryStore.fileIn(dataDir)), dataDir.resolve("team-cursor.json"), "desk-1",
                executor, Clock.systemUTC());
        try (HistoryStore store = HistoryStore.open(HistoryStore.fileIn(dataDir))) {
            store.addListener(added -> shipper.nudge());
            shipper.start();
            System.out.println("started");
            System.out.flush();
            for (int job = 0; ; job++) {
                store.append(TeamFixture.entries(ProcessHandle.current().pid() + "-" + job, 1 + job % 40, "carol"));
            }
        }
    }
}
