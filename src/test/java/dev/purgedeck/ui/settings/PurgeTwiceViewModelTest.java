package dev.purgedeck.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.settings.PurgeTwiceSetting;
import dev.purgedeck.settings.PurgeTwiceStore;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Purge twice section's model without the toolkit: it follows the store and checks what is typed. */
class PurgeTwiceViewModelTest {
    @TempDir
    Path dir;

    @Test
    void itFollowsTheStoreAndSavesOnlyValidDelays() {
        PurgeTwiceStore store = PurgeTwiceStore.open(dir);
        PurgeTwiceViewModel vm = new PurgeTwiceViewModel(store, "Sandbox", Runnable::run);
        assertThat(vm.services()).isEmpty();
        store.put("Sandbox", PurgeTwiceSetting.advised("S1", "Daily Courier — www"));
        assertThat(vm.services()).extracting(PurgeTwiceSetting::serviceId).containsExactly("S1");

        assertThat(vm.setAllDelay("S1", "4")).hasValue("The pause for purge everything must be 5 to 600 seconds.");
        assertThat(vm.setAllDelay("S1", "45s")).isEmpty();
        assertThat(vm.setUrlDelay("S1", "abc")).hasValueSatisfying(m -> assertThat(m).contains("1 to 120"));
        vm.setOn("S1", false);
        assertThat(PurgeTwiceStore.open(dir).get("Sandbox", "S1")).hasValue(
                new PurgeTwiceSetting("S1", "Daily Courier — www", false, 2, 45));

        vm.dispose();
        store.put("Sandbox", PurgeTwiceSetting.advised("S2", "Other"));
        assertThat(vm.services()).as("no longer following").hasSize(1);
        vm.remove("S1");
        assertThat(store.all("Sandbox")).extracting(PurgeTwiceSetting::serviceId).containsExactly("S2");
    }
}
