package dev.purgedeck.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.purgedeck.files.StoreWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {
    private static final String UI_THREAD = "JavaFX Application Thread";

    @TempDir
    Path dir;

    @Test
    void withoutAFileTheDefaultsApply() {
        SettingsStore s = SettingsStore.open(dir);
        assertThat(s.get()).isEqualTo(Settings.defaults());
        assertThat(s.get().defaultSoft()).isFalse();
        assertThat(s.get().concurrency()).isEqualTo(16);
        assertThat(s.get().confirmAbove()).isEqualTo(500);
        assertThat(s.get().theme()).isEqualTo(ThemeMode.SYSTEM);
        assertThat(s.problem()).isEmpty();
        assertThat(Files.exists(dir.resolve(SettingsStore.FILE))).as("nothing written until a change").isFalse();
    }

    @Test
    void changesAreSavedOwnerOnlyAndSurviveARestart() throws Exception {
        SettingsStore s = SettingsStore.open(dir);
        s.update(x -> x.withDefaultSoft(true).withConcurrency(32).withConfirmAbove(0).withTheme(ThemeMode.DARK));
        Settings again = SettingsStore.open(dir).get();
        assertThat(again).isEqualTo(new Settings(true, 32, 0, ThemeMode.DARK));
        assertThat(again.needsConfirmation(1)).isTrue();
        assertThat(Files.readString(dir.resolve(SettingsStore.FILE))).contains("\"theme\" : \"dark\"");
        assumeTrue(TokenStoreTest.posix());
        assertThat(TokenStoreTest.perms(dir.resolve(SettingsStore.FILE))).isEqualTo("rw-------");
    }

    @Test
    void listenersHearEachChangeAtOnceAndOnlyRealChanges() throws Exception {
        SettingsStore s = SettingsStore.open(dir);
        List<Settings> heard = new ArrayList<>();
        Consumer<Settings> listener = heard::add;
        s.addListener(x -> {
            throw new IllegalStateException("a broken listener does not stop the others");
        });
        s.addListener(listener);
        s.update(x -> x.withConcurrency(4));
        s.update(x -> x.withConcurrency(4));
        s.update(x -> x.withTheme(ThemeMode.LIGHT));
        assertThat(heard).extracting(Settings::concurrency).containsExactly(4, 4);
        assertThat(heard.get(1).theme()).isEqualTo(ThemeMode.LIGHT);
        s.removeListener(listener);
        s.update(x -> x.withDefaultSoft(true));
        assertThat(heard).hasSize(2);
    }

    @Test
    void anUpdateOnTheUiThreadChangesMemoryAtOnceAndWritesOnTheStoreThread() throws Exception {
        try (StoreWriter writer = StoreWriter.start("test-store")) {
            SettingsStore s = SettingsStore.open(dir, writer);
            List<String> heardOn = new CopyOnWriteArrayList<>();
            s.addListener(x -> heardOn.add(Thread.currentThread().getName()));
            CompletableFuture<CompletableFuture<Void>> saved = onUiThread(() -> s.update(x -> x.withConcurrency(3)));
            // The strict guard throws in AtomicFiles.write on a thread of this name: a write there fails the future.
            assertThat(saved.get(10, TimeUnit.SECONDS)).succeedsWithin(10, TimeUnit.SECONDS);
            assertThat(s.get().concurrency()).isEqualTo(3);
            assertThat(heardOn).containsExactly(UI_THREAD);
            assertThat(SettingsStore.open(dir).get().concurrency()).isEqualTo(3);
        }
    }

    @Test
    void theGuardFailsAWriteOnTheUiThreadLoudly() {
        // Without the store thread, the write happens on the caller's thread: the guard throws to the caller.
        SettingsStore direct = SettingsStore.open(dir);
        assertThat(onUiThread(() -> direct.update(x -> x.withConcurrency(3)))).failsWithin(10, TimeUnit.SECONDS)
                .withThrowableOfType(ExecutionException.class).withMessageContaining("UI thread");
        assertThat(Files.exists(dir.resolve(SettingsStore.FILE))).isFalse();
    }

    private static <T> CompletableFuture<T> onUiThread(Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                result.complete(work.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        }, UI_THREAD);
        t.start();
        return result;
    }

    @Test
    void invalidValuesAreRefusedInPlainWordsAndNothingIsWritten() {
        SettingsStore s = SettingsStore.open(dir);
        assertThatThrownBy(() -> s.update(x -> x.withConcurrency(0))).hasMessage("Concurrency must be between 1 and 32.");
        assertThatThrownBy(() -> s.update(x -> x.withConcurrency(33))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> s.update(x -> x.withConfirmAbove(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThat(s.get()).isEqualTo(Settings.defaults());
        assertThat(Files.exists(dir.resolve(SettingsStore.FILE))).isFalse();
    }

    @Test
    void aCorruptFileMeansDefaultsAndIsReplacedOnTheNextChange() throws Exception {
        Files.writeString(dir.resolve(SettingsStore.FILE), "{\"concurrency\": 4, ");
        SettingsStore s = SettingsStore.open(dir);
        assertThat(s.get()).isEqualTo(Settings.defaults());
        assertThat(s.problem()).hasValueSatisfying(p -> assertThat(p).contains("settings.json").contains("damaged"));
        s.update(x -> x.withConcurrency(2));
        assertThat(SettingsStore.open(dir).get().concurrency()).isEqualTo(2);
        assertThat(SettingsStore.open(dir).problem()).isEmpty();
    }

    @Test
    void oneBadValueFallsBackAloneAndTheOthersAreKept() throws Exception {
        Files.writeString(dir.resolve(SettingsStore.FILE),
                "{\"defaultSoft\": true, \"concurrency\": 99, \"confirmAbove\": 50, \"theme\": \"purple\", \"new\": 1}");
        SettingsStore s = SettingsStore.open(dir);
        assertThat(s.get()).isEqualTo(new Settings(true, 16, 50, ThemeMode.SYSTEM));
        assertThat(s.problem()).hasValueSatisfying(p -> assertThat(p).contains("concurrency, theme"));
        Files.writeString(dir.resolve(SettingsStore.FILE), "[1, 2]");
        assertThat(SettingsStore.open(dir).get()).isEqualTo(Settings.defaults());
    }

    @Test
    void theOldDefaultOf8RequestsBecomesTheNewDefaultButAChosenValueStays() throws Exception {
        // Version 1 files stored every value, so their 8 was the old default, not a choice.
        Files.writeString(dir.resolve(SettingsStore.FILE), "{\"version\": 1, \"defaultSoft\": true, \"concurrency\": 8}");
        assertThat(SettingsStore.open(dir).get().concurrency()).isEqualTo(16);
        assertThat(SettingsStore.open(dir).get().defaultSoft()).isTrue();
        Files.writeString(dir.resolve(SettingsStore.FILE), "{\"version\": 1, \"concurrency\": 4}");
        assertThat(SettingsStore.open(dir).get().concurrency()).isEqualTo(4);
        // Chosen (and saved) since: kept, 8 included.
        SettingsStore s = SettingsStore.open(dir);
        s.update(x -> x.withConcurrency(8));
        assertThat(Files.readString(dir.resolve(SettingsStore.FILE))).contains("\"version\" : 2");
        assertThat(SettingsStore.open(dir).get().concurrency()).isEqualTo(8);
    }
}
