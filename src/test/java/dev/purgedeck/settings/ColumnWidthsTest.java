package dev.purgedeck.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.files.Json;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ColumnWidthsTest {
    @TempDir
    Path dir;

    @Test
    void widthsTheUserGaveAreKeptPerTableAcrossARestart() {
        RememberedState state = RememberedState.load(dir, Json.newMapper());
        new ColumnWidths(state, "results").put(Map.of("targetColumn", 412.4));
        new ColumnWidths(state, "results").put(Map.of("purgeIdColumn", 190.0));
        new ColumnWidths(state, "history").put(Map.of("Target", 300.0));

        RememberedState again = RememberedState.load(dir, Json.newMapper());
        assertThat(new ColumnWidths(again, "results").get())
                .containsExactly(Map.entry("targetColumn", 412.0), Map.entry("purgeIdColumn", 190.0));
        assertThat(new ColumnWidths(again, "history").get()).containsExactly(Map.entry("Target", 300.0));
    }

    @Test
    void aNewWidthReplacesTheOldOne() {
        RememberedState state = RememberedState.inMemory(Json.newMapper());
        ColumnWidths widths = new ColumnWidths(state, "results");
        widths.put(Map.of("targetColumn", 300.0));
        widths.put(Map.of("targetColumn", 250.0));
        assertThat(widths.get()).containsExactly(Map.entry("targetColumn", 250.0));
    }

    @Test
    void damagedOrAbsurdEntriesAreLeftOutAndTheRestKept() {
        RememberedState state = RememberedState.inMemory(Json.newMapper());
        state.set(new Pref<>("columns.results", String.class, ""), "targetColumn=300;x=abc;=5;tiny=3;huge=99999;noequals;"
                + "purgeIdColumn=180");
        assertThat(new ColumnWidths(state, "results").get())
                .containsExactly(Map.entry("targetColumn", 300.0), Map.entry("purgeIdColumn", 180.0));
    }
}
