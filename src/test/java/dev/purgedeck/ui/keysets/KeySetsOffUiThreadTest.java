package dev.purgedeck.ui.keysets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.keysets.KeySet;
import dev.purgedeck.keysets.KeySetStore;
import dev.purgedeck.testsupport.ScriptedDialogs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The key set commands write on the background executor and report back through the UI executor, never inline. */
class KeySetsOffUiThreadTest {
    @TempDir
    Path dir;

    @Test
    void savingAndExportingWaitForTheBackgroundExecutor() throws Exception {
        KeySetStore store = KeySetStore.open(dir, Clock.systemUTC());
        List<Runnable> background = new ArrayList<>();
        List<Runnable> ui = new ArrayList<>();
        KeySetsViewModel vm = new KeySetsViewModel(store, new ScriptedDialogs(), (request, set) -> Optional.empty(),
                background::add, ui::add);
        vm.newSet();
        vm.nameProperty().set("Homepage");
        vm.keys().setAll(List.of("homepage"));

        var saved = vm.save();
        assertThat(Files.exists(dir.resolve("keysets.json"))).as("nothing written on the caller's thread").isFalse();
        background.remove(0).run();
        assertThat(store.find("Homepage")).isPresent();
        assertThat(saved).as("the outcome waits for the UI executor").isNotDone();
        ui.forEach(Runnable::run);
        ui.clear();
        assertThat(saved.join()).map(KeySet::name).contains("Homepage");
        assertThat(vm.messageProperty().get()).isEqualTo("Saved \u201cHomepage\u201d with 1 key.");
        assertThat(vm.sets()).extracting(KeySet::name).containsExactly("Homepage");

        Path out = dir.resolve("export.txt");
        var exported = vm.export(out, store.all(), false);
        assertThat(out).doesNotExist();
        background.remove(0).run();
        ui.forEach(Runnable::run);
        assertThat(exported.join()).contains(out);
        assertThat(Files.readString(out)).isEqualTo("homepage\n");
    }
}
