package dev.purgedeck.team;

import dev.purgedeck.keysets.KeySet;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * The other "desktop" of the two-process test, run as a child JVM: once told "go" on stdin, edits the shared set
 * {@code args[3]} in the database on 127.0.0.1:{@code args[0]}/{@code args[1]} {@code args[4]} times, and prints
 * each edit's fate: "landed VERSION KEY" or "conflict VERSION_SEEN".
 */
public final class SharedEditProcess {
    private SharedEditProcess() {
    }

    public static void main(String[] args) throws Exception {
        TeamSettings settings = new TeamSettings("127.0.0.1", Integer.parseInt(args[0]), args[1], "", "postgres", "",
                "");
        SharedKeySets mine = new SharedKeySets(TeamFixture.connection(settings, Path.of(args[2])), Path.of(args[2]),
                "child@desk-2", Clock.systemUTC());
        System.out.println("started");
        System.out.flush();
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine(); // "go"
        for (String line : edits(mine, args[3], "child", Integer.parseInt(args[4]))) {
            System.out.println(line);
        }
        System.out.println("done");
        System.out.flush();
    }

    /**
     * Edits {@code name} {@code rounds} times, each over the version this side last knew (as an editor that keeps
     * its window open does); after a conflict, over the version the conflict showed (as "Overwrite with mine").
     */
    static List<String> edits(SharedKeySets shared, String name, String side, int rounds) throws TeamException {
        java.util.ArrayList<String> fate = new java.util.ArrayList<>();
        int known = shared.get(name).orElseThrow().version();
        for (int round = 0; round < rounds; round++) {
            String key = side + "-" + round;
            try {
                SharedKeySet landed = shared.update(name, known, KeySet.of(name, List.of(key)), null);
                known = landed.version();
                fate.add("landed " + known + " " + key);
            } catch (SharedKeySetConflict conflict) {
                known = conflict.theirs().orElseThrow().version();
                fate.add("conflict " + known);
            }
        }
        return fate;
    }
}
