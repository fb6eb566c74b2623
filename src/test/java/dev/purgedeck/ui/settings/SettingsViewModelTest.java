package dev.purgedeck.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.sandbox.DemoAccount;
import dev.purgedeck.settings.Profile;
import dev.purgedeck.settings.ProfileStore;
import dev.purgedeck.settings.SettingsStore;
import dev.purgedeck.settings.ThemeMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Settings screen's view model without the toolkit, on real stores in a temporary folder. */
class SettingsViewModelTest {
    @TempDir
    Path dir;
    private final List<Profile> switched = new ArrayList<>();

    private SettingsViewModel vm() {
        ProfileStore profiles = ProfileStore.open(dir, Map.of(), dir.resolve("no-fastly-cli.toml"));
        return new SettingsViewModel(SettingsStore.open(dir), profiles, switched::add, dir, Runnable::run, Runnable::run);
    }

    @Test
    void everyChangeIsSavedAndReadBackByTheNextWindow() {
        SettingsViewModel vm = vm();
        vm.setDefaultSoft(true);
        vm.setConcurrency(4);
        vm.setConfirmAbove(20);
        vm.setTheme(ThemeMode.DARK);
        assertThat(vm.messageProperty().get()).isEqualTo("Saved.");
        var again = SettingsStore.open(dir).get();
        assertThat(again.defaultSoft()).isTrue();
        assertThat(again.concurrency()).isEqualTo(4);
        assertThat(again.confirmAbove()).isEqualTo(20);
        assertThat(again.theme()).isEqualTo(ThemeMode.DARK);
        assertThat(vm().current()).isEqualTo(again);
    }

    @Test
    void anOutOfRangeValueIsRefusedWithAPlainMessageAndNothingChanges() {
        SettingsViewModel vm = vm();
        var before = vm.current();
        vm.setConcurrency(0);
        assertThat(vm.messageProperty().get()).startsWith("Could not save the settings: ");
        assertThat(SettingsStore.open(dir).get()).isEqualTo(before);
    }

    @Test
    void aProfileNeedsATokenIsAddedOwnerOnlyThenUsedAndCanBeRemoved() throws Exception {
        SettingsViewModel vm = vm();
        assertThat(vm.add("Work", false, null, " ").join()).isEmpty();
        assertThat(vm.profileErrorProperty().get()).isEqualTo("Paste the API token for this profile.");
        assertThat(switched).isEmpty();

        Profile work = vm.add("Work", false, null, DemoAccount.GLOBAL_TOKEN).join().orElseThrow();
        assertThat(switched).containsExactly(work);
        assertThat(vm.profiles()).contains(work);
        assertThat(vm.profileErrorProperty().get()).isEmpty();
        assertThat(vm.messageProperty().get()).isEqualTo("Added the profile \u201cWork\u201d.");
        assertThat(vm.messageProperty().get()).doesNotContain(DemoAccount.GLOBAL_TOKEN);

        vm.remove(work);
        assertThat(vm.profiles()).doesNotContain(work);
        assertThat(vm().profiles()).extracting(Profile::name).doesNotContain("Work");
        try (var files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(f)).as(f.toString()).doesNotContain(DemoAccount.GLOBAL_TOKEN);
            }
        }
    }
}
