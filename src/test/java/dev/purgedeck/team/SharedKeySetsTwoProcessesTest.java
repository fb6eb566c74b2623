package dev.purgedeck.team;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.keysets.KeySet;
import dev.purgedeck.testsupport.TeamDatabase;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two "desktops" (this JVM and a child JVM) edit the same shared key set at once, many rounds: every edit either
 * lands or is told it conflicts; no edit is lost silently.
 */
class SharedKeySetsTwoProcessesTest {
    private static final int ROUNDS = 100;

    @TempDir
    Path dir;

    @Test
    void everyEditLandsOrConflictsAndNoneIsLostSilently() throws Exception {
        TeamSettings settings = TeamDatabase.newDatabase();
        TeamConnection c = TeamFixture.connection(settings, dir);
        TeamSchema.migrate(c);
        SharedKeySets here = new SharedKeySets(c, dir, "test@desk-1", Clock.systemUTC());
        here.create(KeySet.of("Front page", List.of("start")), null);

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                SharedEditProcess.class.getName(), Integer.toString(settings.port()), settings.database(),
                dir.resolve("child").toString(), "Front page", Integer.toString(ROUNDS))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        assertThat(out.readLine()).isEqualTo("started");
        OutputStream go = child.getOutputStream();
        go.write("go\n".getBytes(StandardCharsets.UTF_8));
        go.flush();
        List<String> mine = SharedEditProcess.edits(here, "Front page", "parent", ROUNDS);
        List<String> theirs = new ArrayList<>();
        for (String line = out.readLine(); line != null && !line.equals("done"); line = out.readLine()) {
            theirs.add(line);
        }
        assertThat(child.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(child.exitValue()).isZero();

        assertThat(mine).hasSize(ROUNDS).allMatch(l -> l.startsWith("landed ") || l.startsWith("conflict "));
        assertThat(theirs).hasSize(ROUNDS).allMatch(l -> l.startsWith("landed ") || l.startsWith("conflict "));
        // Each landed edit made exactly one new version, and every version after the first is one landed edit.
        Map<Integer, String> landed = new TreeMap<>();
        Stream.concat(mine.stream(), theirs.stream()).filter(l -> l.startsWith("landed ")).forEach(l -> {
            String[] p = l.split(" ");
            assertThat(landed.put(Integer.parseInt(p[1]), p[2])).as("version %s landed twice", p[1]).isNull();
        });
        SharedKeySet last = here.get("Front page").orElseThrow();
        assertThat(last.version()).isEqualTo(1 + landed.size());
        assertThat(landed.keySet()).containsExactlyElementsOf(IntStream.rangeClosed(2, last.version()).boxed()
                .toList());
        // The final state is the last landed edit, whichever side made it.
        assertThat(last.keys()).containsExactly(landed.get(last.version()));
        long conflicts = Stream.concat(mine.stream(), theirs.stream()).filter(l -> l.startsWith("conflict")).count();
        System.out.printf("two desktops, %d edits each: %d landed, %d conflicts detected%n", ROUNDS, landed.size(),
                conflicts);
        // Both sides wrote while the other did: the version check did turn edits away (the conflict path ran).
        assertThat(conflicts).isPositive();
        assertThat(landed.values()).anyMatch(k -> k.startsWith("parent-")).anyMatch(k -> k.startsWith("child-"));
    }
}
