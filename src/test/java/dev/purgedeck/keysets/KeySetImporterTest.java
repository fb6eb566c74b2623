package dev.purgedeck.keysets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeySetImporterTest {
    private static final Instant FILE_TIME = Instant.parse("2025-01-01T00:00:00Z");

    @TempDir
    Path dir;
    private final TestClock clock = new TestClock("2026-11-26T09:45:12Z");
    private KeySetStore store;
    private KeySet existing;

    @BeforeEach
    void openWithOneSet() throws Exception {
        store = KeySetStore.open(dir, clock);
        existing = store.create(KeySet.of("Homepage", List.of("old")));
        clock.advance(Duration.ofHours(1));
    }

    @Test
    void conflictsAreTheImportedNamesThatAreTakenIgnoringCase() {
        assertThat(KeySetImporter.conflicts(store, result(imported("HOMEPAGE"), imported("New")))).containsExactly("HOMEPAGE");
    }

    @Test
    void newNamesAreAddedWithTheirFileTimesOrNow() throws Exception {
        KeySet timeless = KeySet.of("Timeless", List.of("t"));
        ImportSummary s = KeySetImporter.apply(store, result(imported("New"), timeless), name -> {
            throw new AssertionError("nothing to ask about " + name);
        });
        assertThat(s).isEqualTo(new ImportSummary(2, 0, 0, 0));
        assertThat(store.find("new").orElseThrow().created()).isEqualTo(FILE_TIME);
        assertThat(store.find("timeless").orElseThrow().created()).isEqualTo(clock.instant());
    }

    @Test
    void replaceTakesTheImportedSetButKeepsTheCreatedTime() throws Exception {
        ImportSummary s = KeySetImporter.apply(store, result(imported("HOMEPAGE")), name -> Conflict.REPLACE);
        assertThat(s).isEqualTo(new ImportSummary(0, 1, 0, 0));
        KeySet now = store.find("Homepage").orElseThrow();
        assertThat(store.all()).containsExactly(now);
        assertThat(now.name()).isEqualTo("HOMEPAGE");
        assertThat(now.keys()).containsExactly("imported-key");
        assertThat(now.created()).isEqualTo(existing.created());
        assertThat(now.updated()).isEqualTo(clock.instant());
    }

    @Test
    void renameAddsImportedThenImported2() throws Exception {
        assertThat(KeySetImporter.apply(store, result(imported("homepage")), name -> Conflict.RENAME))
                .isEqualTo(new ImportSummary(0, 0, 1, 0));
        KeySetImporter.apply(store, result(imported("Homepage")), name -> Conflict.RENAME);
        // Plain case-insensitive order: ' ' sorts before ')', so "(imported 2)" comes first.
        assertThat(store.all()).extracting(KeySet::name)
                .containsExactly("Homepage", "Homepage (imported 2)", "homepage (imported)");
        assertThat(store.find("Homepage").orElseThrow()).isEqualTo(existing);
        assertThat(store.find("homepage (imported)").orElseThrow().created()).isEqualTo(FILE_TIME);
    }

    @Test
    void skipLeavesTheStoreAndItsFilesAlone() throws Exception {
        byte[] file = Files.readAllBytes(dir.resolve("keysets.json"));
        AtomicInteger heard = new AtomicInteger();
        store.addListener(heard::incrementAndGet);
        assertThat(KeySetImporter.apply(store, result(imported("Homepage")), name -> Conflict.SKIP))
                .isEqualTo(new ImportSummary(0, 0, 0, 1));
        // A null answer (a dialog closed without a choice) also skips.
        assertThat(KeySetImporter.apply(store, result(imported("Homepage")), name -> null).skipped()).isEqualTo(1);
        assertThat(store.all()).containsExactly(existing);
        assertThat(dir.resolve("keysets.json")).hasBinaryContent(file);
        assertThat(dir.resolve("keysets.json.bak")).doesNotExist();
        assertThat(heard).hasValue(0);
    }

    @Test
    void eachNameIsAskedAboutOnceAndTheImportIsOneSave() throws Exception {
        store.create(KeySet.of("Articles", List.of("a")));
        byte[] before = Files.readAllBytes(dir.resolve("keysets.json"));
        List<String> asked = new ArrayList<>();
        Map<String, Conflict> answers = Map.of("homepage", Conflict.REPLACE, "ARTICLES", Conflict.RENAME);
        AtomicInteger heard = new AtomicInteger();
        store.addListener(heard::incrementAndGet);
        ImportSummary s = KeySetImporter.apply(store, result(imported("homepage"), imported("ARTICLES"), imported("Fresh")),
                name -> {
                    asked.add(name);
                    return answers.get(name);
                });
        assertThat(s).isEqualTo(new ImportSummary(1, 1, 1, 0));
        assertThat(asked).containsExactly("homepage", "ARTICLES");
        assertThat(heard).hasValue(1);
        assertThat(dir.resolve("keysets.json.bak")).hasBinaryContent(before);
        assertThat(KeySetStore.open(dir, clock).all()).extracting(KeySet::name)
                .containsExactly("Articles", "ARTICLES (imported)", "Fresh", "homepage");
    }

    @Test
    void aFileImportRoundTripsThroughExport() throws Exception {
        var out = new java.io.ByteArrayOutputStream();
        KeySetFiles.writeJson(store.all(), out);
        KeySetStore other = KeySetStore.open(dir.resolve("other"), clock);
        KeySetImporter.apply(other, KeySetFiles.readJson(new java.io.ByteArrayInputStream(out.toByteArray())), n -> Conflict.SKIP);
        assertThat(other.all()).isEqualTo(store.all());
    }

    private static KeySet imported(String name) {
        return KeySet.of(name, List.of("imported-key")).withTimes(FILE_TIME, FILE_TIME);
    }

    private static ImportResult result(KeySet... sets) {
        return new ImportResult(List.of(sets), List.of());
    }
}
