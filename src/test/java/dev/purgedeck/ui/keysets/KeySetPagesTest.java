package dev.purgedeck.ui.keysets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.keysets.KeySet;
import dev.purgedeck.keysets.KeySetStore;
import dev.purgedeck.testsupport.ScriptedDialogs;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Key sets editor's "Pages to check after a purge": checked at the field, saved with the set, never lost. */
class KeySetPagesTest {
    private static final String NEWS = "https://www.dailycourier.example/news";

    @TempDir
    Path dir;

    @Test
    void pagesAreCheckedAtTheFieldSavedWithTheSetAndCountAsUnsavedEdits() throws Exception {
        KeySetStore store = KeySetStore.open(dir, Clock.systemUTC());
        store.create(KeySet.of("News", List.of("section-news")));
        KeySetsViewModel vm = new KeySetsViewModel(store, new ScriptedDialogs(), (r, s) -> Optional.empty(),
                Runnable::run, Runnable::run);
        vm.edit(store.find("News").orElseThrow());
        assertThat(vm.samplePages().pages()).isEmpty();
        assertThat(vm.hasUnsavedEdits()).isFalse();

        vm.samplePages().typedProperty().set("https://www.dailycourier.example/news page");
        assertThat(vm.samplePages().add()).isFalse();
        assertThat(vm.samplePages().problemProperty().get()).contains("contains a space");
        vm.samplePages().typedProperty().set("www.dailycourier.example/news");
        assertThat(vm.samplePages().add()).isTrue();
        assertThat(vm.hasUnsavedEdits()).as("a new page is an edit to keep").isTrue();

        assertThat(vm.save().join()).isPresent();
        assertThat(store.find("News").orElseThrow().sampleUrls()).containsExactly(NEWS);
        assertThat(vm.hasUnsavedEdits()).isFalse();

        vm.newSet();
        assertThat(vm.samplePages().pages()).as("a new set starts without pages").isEmpty();
        vm.edit(store.find("News").orElseThrow());
        assertThat(vm.samplePages().pages()).containsExactly(NEWS);
        vm.samplePages().remove(NEWS);
        assertThat(vm.hasUnsavedEdits()).isTrue();
        vm.dispose();
    }
}
