package dev.purgedeck.keysets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeySetStoreTest {
    private static final String SERVICE = "SU1Z0isxPaozGVKXdv0eY";

    @TempDir
    Path dir;
    private final TestClock clock = new TestClock("2026-11-26T09:45:12.345Z");
    private KeySetStore store;

    @BeforeEach
    void open() {
        store = KeySetStore.open(dir, clock);
    }

    @Test
    void whatOneStoreSavesTheNextReads() throws Exception {
        store.create(new KeySet("Homepage", "front page", SERVICE, "Daily Courier", List.of("home", "nav"), true, null, null));
        store.create(KeySet.of("articles", List.of("article-1", "article-2")));
        KeySetStore again = KeySetStore.open(dir, clock);
        assertThat(again.problem()).isEmpty();
        assertThat(again.all()).isEqualTo(store.all()).extracting(KeySet::name).containsExactly("articles", "Homepage");
        KeySet home = again.find("HOMEPAGE").orElseThrow();
        assertThat(home.soft()).isTrue();
        assertThat(home.serviceName()).isEqualTo("Daily Courier");
        assertThat(home.created()).isEqualTo(Instant.parse("2026-11-26T09:45:12Z")).isEqualTo(home.updated());
    }

    @Test
    void theFileIsReadableJsonWrittenOwnerOnly() throws Exception {
        store.create(new KeySet("Homepage", "", SERVICE, "www", List.of("home", "nav"), false, null, null));
        Path file = dir.resolve("keysets.json");
        assertThat(Files.readString(file)).isEqualTo("""
                {
                  "version": 1,
                  "key_sets": [
                    {
                      "name": "Homepage",
                      "description": "",
                      "service_id": "SU1Z0isxPaozGVKXdv0eY",
                      "service_name": "www",
                      "keys": [
                        "home",
                        "nav"
                      ],
                      "soft": false,
                      "created": "2026-11-26T09:45:12Z",
                      "updated": "2026-11-26T09:45:12Z"
                    }
                  ]
                }
                """);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void namesAreUniqueIgnoringCaseOnCreateRenameAndRestore() throws Exception {
        store.create(KeySet.of("Homepage", List.of("a")));
        KeySet other = store.create(KeySet.of("Other", List.of("b")));
        assertThatThrownBy(() -> store.create(KeySet.of(" HOMEPAGE ", List.of("c")))).isInstanceOf(DuplicateNameException.class)
                .hasMessageContaining("'Homepage' already exists");
        assertThatThrownBy(() -> store.update("Other", other.withName("homepage"))).isInstanceOf(DuplicateNameException.class);
        // Renaming a set to itself in another case is not a clash.
        assertThat(store.update("other", other.withName("OTHER")).name()).isEqualTo("OTHER");
        store.delete("OTHER");
        store.create(KeySet.of("other", List.of()));
        assertThatThrownBy(() -> store.restore(other)).isInstanceOf(DuplicateNameException.class);
        assertThat(store.all()).extracting(KeySet::name).containsExactly("Homepage", "other");
        assertThatThrownBy(() -> store.update("missing", other)).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> store.delete("missing")).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void updateKeepsCreatedAndMovesUpdated() throws Exception {
        KeySet created = store.create(KeySet.of("a", List.of("k")));
        clock.advance(Duration.ofHours(2));
        KeySet updated = store.update("a", created.withName("b").withKeys(List.of("k", "l")));
        assertThat(updated.created()).isEqualTo(created.created());
        assertThat(updated.updated()).isEqualTo(created.created().plus(Duration.ofHours(2)));
        assertThat(store.all()).containsExactly(updated);
    }

    @Test
    void duplicatesAreNamedCopyCopy2AndFitIn80Characters() throws Exception {
        store.create(KeySet.of("Homepage", List.of("a")).withSoft(true));
        clock.advance(Duration.ofMinutes(1));
        KeySet copy = store.duplicate("homepage");
        assertThat(copy.name()).isEqualTo("Homepage (copy)");
        assertThat(copy.keys()).containsExactly("a");
        assertThat(copy.soft()).isTrue();
        assertThat(copy.created()).isEqualTo(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        assertThat(store.duplicate("Homepage").name()).isEqualTo("Homepage (copy 2)");
        // Copying a copy does not pile up suffixes.
        assertThat(store.duplicate("Homepage (copy)").name()).isEqualTo("Homepage (copy 3)");
        String longName = "x".repeat(80);
        store.create(KeySet.of(longName, List.of()));
        assertThat(store.duplicate(longName).name()).isEqualTo("x".repeat(73) + " (copy)");
    }

    @Test
    void aDeletedSetCanBeRestoredWithItsTimes() throws Exception {
        KeySet set = store.create(KeySet.of("a", List.of("k")));
        store.delete("A");
        assertThat(store.all()).isEmpty();
        clock.advance(Duration.ofDays(1));
        assertThat(store.restore(set)).isEqualTo(set);
        assertThat(KeySetStore.open(dir, clock).all()).containsExactly(set);
    }

    @Test
    void searchLooksAtNameDescriptionServiceAndKeysIgnoringCase() throws Exception {
        store.create(new KeySet("Homepage", "Front PAGE", SERVICE, "Daily Courier", List.of("home"), false, null, null));
        store.create(KeySet.of("Articles", List.of("article-1", "Sports-Desk")));
        assertThat(names(store.search("courier"))).containsExactly("Homepage");
        assertThat(names(store.search("front page"))).containsExactly("Homepage");
        assertThat(names(store.search("su1z0"))).containsExactly("Homepage");
        assertThat(names(store.search("sports-DESK"))).containsExactly("Articles");
        assertThat(names(store.search("E"))).containsExactly("Articles", "Homepage");
        assertThat(names(store.search("  "))).containsExactly("Articles", "Homepage");
        assertThat(store.search("nothing")).isEmpty();
    }

    @Test
    void theBackupHoldsTheFileAsItWasBeforeTheLastSave() throws Exception {
        Path file = dir.resolve("keysets.json");
        Path bak = dir.resolve("keysets.json.bak");
        store.create(KeySet.of("a", List.of("1")));
        assertThat(bak).doesNotExist();
        byte[] first = Files.readAllBytes(file);
        store.create(KeySet.of("b", List.of("2")));
        assertThat(bak).hasBinaryContent(first);
        byte[] second = Files.readAllBytes(file);
        store.delete("a");
        assertThat(bak).hasBinaryContent(second);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(bak))).isEqualTo("rw-------");
    }

    @Test
    void listenersHearEverySavedChangeOnce() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        store.addListener(calls::incrementAndGet);
        store.addListener(() -> {
            throw new IllegalStateException("a broken listener does not undo the save");
        });
        store.create(KeySet.of("a", List.of()));
        store.duplicate("a");
        assertThatThrownBy(() -> store.create(KeySet.of("A", List.of()))).isInstanceOf(DuplicateNameException.class);
        assertThat(calls).hasValue(2);
        assertThat(store.all()).hasSize(2);
    }

    private static List<String> names(List<KeySet> sets) {
        return sets.stream().map(KeySet::name).toList();
    }
}
