package dev.purgedeck.ui.keysets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.fastly.JobRequest;
import dev.purgedeck.fastly.PurgeKind;
import dev.purgedeck.fastly.ServiceInfo;
import dev.purgedeck.fastly.Validation;
import dev.purgedeck.keysets.KeySet;
import dev.purgedeck.keysets.KeySetStore;
import dev.purgedeck.testsupport.ScriptedDialogs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Key sets screen's view model without the toolkit, on a real store in a temporary folder. */
class KeySetsViewModelTest {
    private static final Optional<ServiceInfo> CONSOLE_SERVICE =
            Optional.of(ServiceInfo.named("7kQm2XvR9tLp4WnB8cYd3F", "Example site"));
    @TempDir
    Path dir;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final List<JobRequest> purged = new ArrayList<>();
    private Optional<String> purgeAnswer = Optional.empty();
    private KeySetStore store;
    private KeySetsViewModel vm;

    @BeforeEach
    void open() throws Exception {
        store = KeySetStore.open(dir, Clock.systemUTC());
        store.create(new KeySet("Sport", "", null, null, List.of("section-sport", "article-1"), true, null, null));
        vm = new KeySetsViewModel(store, dialogs, (request, set) -> {
            purged.add(request);
            return purgeAnswer;
        }, Runnable::run, Runnable::run); // store work inline: these tests check behaviour, not threads
    }

    @AfterEach
    void close() {
        vm.dispose();
    }

    private KeySet sport() {
        return store.find("Sport").orElseThrow();
    }

    @Test
    void purgingASetAsksFirstAndDecliningPurgesNothing() {
        dialogs.confirmAnswer = false;
        assertThat(vm.confirmAndPurge(sport(), CONSOLE_SERVICE)).isFalse();
        assertThat(dialogs.asked).containsExactly("confirm: Purge \u201cSport\u201d?");
        assertThat(purged).isEmpty();
    }

    @Test
    void anAcceptedPurgeGoesToTheConsoleOnItsServiceSoftAsTheSetSays() {
        assertThat(vm.confirmAndPurge(sport(), CONSOLE_SERVICE)).isTrue();
        assertThat(purged).singleElement().satisfies(r -> {
            assertThat(r.serviceId()).isEqualTo(CONSOLE_SERVICE.get().id());
            assertThat(r.kind()).isEqualTo(PurgeKind.KEY);
            assertThat(r.targets()).containsExactly("section-sport", "article-1");
            assertThat(r.options().soft()).isTrue();
        });
        assertThat(KeySetPurge.question(sport(), CONSOLE_SERVICE))
                .isEqualTo("Soft-purge 2 keys of \u201cSport\u201d on Example site (7kQm2XvR9tLp4WnB8cYd3F)?");
        purgeAnswer = Optional.of("A purge is running.");
        assertThat(vm.confirmAndPurge(sport(), CONSOLE_SERVICE)).isFalse();
        assertThat(vm.messageProperty().get()).isEqualTo("A purge is running.");
    }

    @Test
    void aSetWithoutAServiceCannotPurgeWhenTheConsoleHasNone() {
        assertThat(vm.confirmAndPurge(sport(), Optional.empty())).isFalse();
        assertThat(dialogs.asked).singleElement().asString().contains("Sport");
        assertThat(purged).isEmpty();
        assertThat(vm.messageProperty().get()).startsWith("Cannot purge \u201cSport\u201d:");
    }

    @Test
    void importAsksForTheFileAndWhatToDoWithAClash() throws Exception {
        Path file = Files.writeString(dir.resolve("Sport.txt"), "article-2\narticle-3\n");
        assertThat(vm.importChosenFile().join()).isEmpty();
        assertThat(store.all()).hasSize(1);

        dialogs.openFrom = file;
        dialogs.chooseAnswer = null; // the clash question dismissed: skip, never replace
        assertThat(vm.importChosenFile().join()).isPresent();
        assertThat(sport().keys()).containsExactly("section-sport", "article-1");
        assertThat(store.all()).hasSize(1);

        dialogs.chooseAnswer = "Keep both";
        vm.importChosenFile();
        assertThat(store.find("Sport (imported)")).map(KeySet::keys).contains(List.of("article-2", "article-3"));
        assertThat(vm.sets()).extracting(KeySet::name).containsExactlyInAnyOrder("Sport", "Sport (imported)");

        dialogs.chooseAnswer = "Replace";
        vm.importChosenFile();
        assertThat(sport().keys()).containsExactly("article-2", "article-3");
        assertThat(dialogs.asked).filteredOn(q -> q.startsWith("choose: \u201cSport\u201d already exists")).hasSize(3);
    }

    @Test
    void deleteCanBeUndoneAndTheListFollowsTheStore() {
        vm.edit(sport());
        vm.delete();
        assertThat(store.all()).isEmpty();
        assertThat(vm.sets()).isEmpty();
        assertThat(vm.lastDeletedProperty().get().name()).isEqualTo("Sport");
        vm.undoDelete();
        assertThat(store.find("Sport")).isPresent();
        assertThat(vm.sets()).extracting(KeySet::name).containsExactly("Sport");
    }

    @Test
    void theEditorSavesRenamesAndRefusesInvalidKeys() {
        vm.newSet();
        vm.nameProperty().set("Home");
        vm.keys().addText("homepage");
        assertThat(vm.save().join()).isPresent();
        assertThat(store.find("Home")).map(KeySet::keys).contains(List.of("homepage"));
        assertThat(vm.nameProblem("home")).isPresent();
        vm.nameProperty().set("Front page");
        vm.save();
        assertThat(store.find("Home")).isEmpty();
        assertThat(store.find("Front page")).isPresent();
        vm.keys().addText("k".repeat(Validation.MAX_KEY_BYTES + 1));
        assertThat(vm.save().join()).isEmpty();
        assertThat(vm.messageProperty().get()).isEqualTo("Remove the invalid keys (marked red) before saving.");
    }

    @Test
    void aSetSavedFromTheConsoleOpensInTheEditorWhenNothingIsUnsaved() {
        vm.edit(sport());
        assertThat(vm.hasUnsavedEdits()).isFalse();
        vm.saveNew("Front page", List.of("home", "top-stories"), null, null, false);
        assertThat(vm.editingProperty().get().name()).isEqualTo("Front page");
        assertThat(vm.keys().validKeys()).containsExactly("home", "top-stories");
        assertThat(vm.messageProperty().get()).isEqualTo("Saved \u201cFront page\u201d with 2 keys.");
    }

    @Test
    void unsavedEditsOfAnotherSetAreKeptAndTheNewSetOnlyJoinsTheList() {
        vm.edit(sport());
        vm.descriptionProperty().set("Everything on the sport pages");
        vm.keys().addText("section-football");
        assertThat(vm.hasUnsavedEdits()).isTrue();

        vm.saveNew("Front page", List.of("home"), null, null, false);

        assertThat(vm.editingProperty().get().name()).isEqualTo("Sport");
        assertThat(vm.descriptionProperty().get()).isEqualTo("Everything on the sport pages");
        assertThat(vm.keys().validKeys()).containsExactly("section-sport", "article-1", "section-football");
        assertThat(vm.sets()).extracting(KeySet::name).contains("Front page", "Sport");
        assertThat(vm.messageProperty().get()).isEqualTo("Saved \u201cFront page\u201d with 1 key. Your unsaved changes"
                + " to \u201cSport\u201d are kept in the editor.");
    }

    @Test
    void aNewSetWithKeysTypedCountsAsUnsavedButAnEmptyOneDoesNot() {
        vm.newSet();
        assertThat(vm.hasUnsavedEdits()).isFalse();
        vm.keys().addText("breaking-news");
        assertThat(vm.hasUnsavedEdits()).isTrue();
    }
}
