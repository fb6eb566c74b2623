package dev.purgedeck.ui.keysets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.keysets.KeySet;
import dev.purgedeck.keysets.KeySetStore;
import dev.purgedeck.team.SharedKeySets;
import dev.purgedeck.team.TeamConnection;
import dev.purgedeck.team.TeamPasswords;
import dev.purgedeck.team.TeamSchema;
import dev.purgedeck.team.TeamSettings;
import dev.purgedeck.testsupport.ScriptedDialogs;
import dev.purgedeck.testsupport.TeamDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shared sets of the Key sets view model without the toolkit: offline refusals and the plain conflict choice. */
class SharedSetsViewModelTest {
    @TempDir
    Path dir;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private TeamSettings db;

    private KeySetsViewModel vm(KeySetStore store, TeamSettings db, String who) {
        TeamConnection c = new TeamConnection(db, new TeamPasswords(dir, Map.of(), dir));
        return new KeySetsViewModel(store, new SharedKeySets(c, dir, who, Clock.systemUTC()), dialogs,
                (request, set) -> Optional.empty(), Runnable::run, Runnable::run);
    }

    /** A new team database where bob, on another desktop, has shared "Sport" (keys a, b); {@link #db} is set. */
    private SharedKeySets bobSharesSport() throws Exception {
        db = TeamDatabase.newDatabase();
        TeamConnection c = new TeamConnection(db, new TeamPasswords(dir, Map.of(), dir));
        TeamSchema.migrate(c);
        SharedKeySets bob = new SharedKeySets(c, dir.resolve("bob"), "bob@desk-2", Clock.systemUTC());
        bob.create(KeySet.of("Sport", List.of("a", "b")), null);
        return bob;
    }

    @Test
    void offlineSharingIsRefusedPlainlyAndThePersonalSetIsKept() throws Exception {
        KeySetStore store = KeySetStore.open(dir, Clock.systemUTC());
        store.create(KeySet.of("Weather", List.of("weather")));
        KeySetsViewModel vm = vm(store, TeamDatabase.settings(1, "nowhere"), "alice@desk-1");
        assertThat(vm.shared().available()).isTrue();
        assertThat(vm.shared().offlineProperty().get()).isTrue();
        assertThat(vm.shared().statusProperty().get()).matches("Team offline since \\d\\d:\\d\\d: 0 shared sets as "
                + "last seen, read only\\.");
        vm.edit(store.find("Weather").orElseThrow());
        vm.shareWithTeam().join();
        assertThat(vm.messageProperty().get()).isEqualTo(SharedKeySets.OFFLINE_EDIT);
        assertThat(store.find("Weather")).isPresent();
    }

    @Test
    void withoutATeamNothingIsSharedAndTheScreenIsAsBefore() throws Exception {
        KeySetStore store = KeySetStore.open(dir, Clock.systemUTC());
        KeySetsViewModel vm = new KeySetsViewModel(store, dialogs, (request, set) -> Optional.empty(), Runnable::run,
                Runnable::run);
        assertThat(vm.shared().available()).isFalse();
        assertThat(vm.shareWithTeam().join()).isEmpty();
        assertThat(vm.shared().sets()).isEmpty();
    }

    @Test
    void undoOfASharedDeleteIsRefusedPlainlyWhenTheNameWasSharedAgainMeanwhile() throws Exception {
        SharedKeySets bob = bobSharesSport();
        KeySetsViewModel vm = vm(KeySetStore.open(dir, Clock.systemUTC()), db, "alice@desk-1");
        vm.editShared(vm.shared().sets().get(0));
        vm.delete();
        assertThat(bob.get("Sport")).isEmpty();
        assertThat(vm.lastDeletedProperty().get().keys()).containsExactly("a", "b");

        bob.create(KeySet.of("Sport", List.of("bobs-new")), null); // the name is taken again before the Undo
        vm.undoDelete();
        assertThat(vm.messageProperty().get()).startsWith("Not restored: ");
        assertThat(bob.get("Sport").orElseThrow().keys()).containsExactly("bobs-new"); // theirs kept, not overwritten
        assertThat(vm.lastDeletedProperty().get()).isNotNull(); // Undo stays, to try again once the name is free
    }

    @Test
    void aConflictIsAskedWithBothSidesAndCancelWritesNothing() throws Exception {
        SharedKeySets bob = bobSharesSport();
        KeySetsViewModel vm = vm(KeySetStore.open(dir, Clock.systemUTC()), db, "alice@desk-1");
        vm.editShared(vm.shared().sets().get(0));
        vm.keys().setAll(List.of("a", "mine"));
        bob.update("Sport", 1, KeySet.of("Sport", List.of("a", "theirs")), null);

        dialogs.chooseAnswer = "Cancel";
        vm.save().join();
        assertThat(dialogs.asked).containsExactly("choose: \u201cSport\u201d changed meanwhile");
        assertThat(vm.messageProperty().get()).startsWith("Nothing was saved; your edits are still here.");
        assertThat(vm.keys().validKeys()).containsExactly("a", "mine");
        assertThat(bob.get("Sport").orElseThrow().keys()).containsExactly("a", "theirs");

        dialogs.chooseAnswer = "Overwrite with mine";
        vm.save().join();
        assertThat(bob.get("Sport").orElseThrow().keys()).containsExactly("a", "mine");
        assertThat(bob.get("Sport").orElseThrow().version()).isEqualTo(3);
        assertThat(vm.editingSharedProperty().get().version()).isEqualTo(3);
    }
}
