package dev.purgedeck.ui.controls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

class KeyTagViewModelTest {
    private final KeyTagViewModel model = new KeyTagViewModel();

    private List<String> keys() {
        return model.entries().stream().map(KeyEntry::key).toList();
    }

    private static String distinctKeys(int n) {
        return IntStream.range(0, n).mapToObj(i -> "key-" + i).collect(Collectors.joining("\n"));
    }

    @Test
    void addsTypedKey() {
        KeyTagViewModel.AddResult r = model.addText("product-42");

        assertThat(r).isEqualTo(new KeyTagViewModel.AddResult(1, 0, 0));
        assertThat(model.entries()).containsExactly(new KeyEntry("product-42", null));
        assertThat(model.entries().get(0).valid()).isTrue();
        assertThat(model.getSummary()).isEqualTo("1 key → 1 request");
        assertThat(model.getNotice()).isEmpty();
    }

    @Test
    void splitsOnEverySeparatorAndDropsEmpties() {
        model.addText(" a b\tc\rd\ne\r\nf,g,,h , i\n\n");

        assertThat(keys()).containsExactly("a", "b", "c", "d", "e", "f", "g", "h", "i");
        assertThat(model.getValidCount()).isEqualTo(9);
    }

    @Test
    void blankTextAddsNothing() {
        assertThat(model.addText(" ,\n\t ")).isEqualTo(new KeyTagViewModel.AddResult(0, 0, 0));
        assertThat(model.addText(null)).isEqualTo(new KeyTagViewModel.AddResult(0, 0, 0));
        assertThat(model.entries()).isEmpty();
        assertThat(model.getSummary()).isEqualTo("No keys yet");
    }

    @Test
    void dropsAndCountsDuplicatesOfPresentKeysAndWithinOnePaste() {
        model.addText("a b");

        KeyTagViewModel.AddResult r = model.addText("b c c a d");

        assertThat(r).isEqualTo(new KeyTagViewModel.AddResult(2, 3, 0));
        assertThat(keys()).containsExactly("a", "b", "c", "d");
        assertThat(model.getNotice()).isEqualTo("3 duplicate keys dropped");
    }

    @Test
    void noticeShowsDuplicatesEvenWhenNothingWasAddedAndClearsOnNextChange() {
        model.addText("a");
        model.addText("a");
        assertThat(model.getNotice()).isEqualTo("1 duplicate key dropped");

        model.addText("b");
        assertThat(model.getNotice()).isEmpty();
    }

    @Test
    void keysAreCaseSensitive() {
        KeyTagViewModel.AddResult r = model.addText("Product product PRODUCT product");

        assertThat(r.added()).isEqualTo(3);
        assertThat(r.duplicates()).isEqualTo(1);
        assertThat(keys()).containsExactly("Product", "product", "PRODUCT");
    }

    @Test
    void invalidKeysAreKeptMarkedAndNeverSent() {
        KeyTagViewModel.AddResult r = model.addText("good café also-good");

        assertThat(r).isEqualTo(new KeyTagViewModel.AddResult(2, 0, 1));
        KeyEntry cafe = model.entries().get(1);
        assertThat(cafe.valid()).isFalse();
        assertThat(cafe.problem()).contains("printable ASCII");
        assertThat(model.validKeys()).containsExactly("good", "also-good");
        assertThat(model.getValidCount()).isEqualTo(2);
        assertThat(model.getInvalidCount()).isEqualTo(1);
        assertThat(model.getSummary()).isEqualTo("2 keys → 1 request");
        assertThat(model.getNotice()).isEqualTo("1 invalid key will not be sent");
    }

    @Test
    void noticeCombinesDuplicatesAndInvalid() {
        model.addText("ключ x x ключ y");

        assertThat(model.getNotice()).isEqualTo("2 duplicate keys dropped · 1 invalid key will not be sent");
    }

    @Test
    void onlyInvalidKeysSayNothingWillBeSent() {
        model.addText("naïve");

        assertThat(model.getSummary()).isEqualTo("No valid keys");
        assertThat(model.validKeys()).isEmpty();
    }

    @Test
    void keyLengthLimitIs1024Bytes() {
        String max = "k".repeat(1024);
        String tooLong = "k".repeat(1025);

        model.addText(max + " " + tooLong);

        assertThat(model.entries().get(0).valid()).isTrue();
        assertThat(model.entries().get(1).problem()).contains("longer than 1024 bytes");
        assertThat(model.validKeys()).containsExactly(max);
    }

    @Test
    void summaryCountsRequestsOf256Keys() {
        model.addText(distinctKeys(256));
        assertThat(model.getSummary()).isEqualTo("256 keys → 1 request");

        model.addText("one-more");
        assertThat(model.getSummary()).isEqualTo("257 keys → 2 requests");

        model.setAll(List.of(distinctKeys(10_000).split("\n")));
        assertThat(model.getSummary()).isEqualTo("10,000 keys → 40 requests");
    }

    @Test
    void removeRemoveLastClearKeepTheIndexInStep() {
        model.addText("a b c bad\u00e9");
        assertThat(model.remove(model.entries().get(1))).isTrue();
        assertThat(keys()).containsExactly("a", "c", "badé");

        assertThat(model.removeLast()).isTrue();
        assertThat(keys()).containsExactly("a", "c");
        assertThat(model.getInvalidCount()).isZero();
        assertThat(model.getNotice()).isEmpty();

        model.addText("b"); // removed keys may come back: the index forgot them
        assertThat(keys()).containsExactly("a", "c", "b");

        model.clear();
        assertThat(model.entries()).isEmpty();
        assertThat(model.removeLast()).isFalse();
        assertThat(model.getSummary()).isEqualTo("No keys yet");
        assertThat(model.addText("a c").added()).isEqualTo(2);
    }

    @Test
    void setAllReplacesWithTheSameRules() {
        model.addText("old-1 old-2");

        KeyTagViewModel.AddResult r = model.setAll(List.of(" new-1 ", "old-1", "new-1", "", "bad key"));

        assertThat(r).isEqualTo(new KeyTagViewModel.AddResult(2, 1, 1));
        assertThat(keys()).containsExactly("new-1", "old-1", "bad key");
        assertThat(model.entries().get(2).problem()).contains("contains a space");
        assertThat(model.addText("old-2").added()).isEqualTo(1);
    }

    @Test
    void addAllTakesEachElementAsOneKey() {
        model.addText("a");

        KeyTagViewModel.AddResult r = model.addAll(List.of("a", "b", "c"));

        assertThat(r).isEqualTo(new KeyTagViewModel.AddResult(2, 1, 0));
        assertThat(keys()).containsExactly("a", "b", "c");
    }

    @Test
    void removeAllRemovesSeveralAtOnce() {
        model.addText("a b c d");
        List<KeyEntry> bd = List.of(model.entries().get(1), model.entries().get(3));
        AtomicInteger events = new AtomicInteger();
        model.entries().addListener((ListChangeListener<KeyEntry>) c -> events.incrementAndGet());

        model.removeAll(bd);

        assertThat(keys()).containsExactly("a", "c");
        assertThat(events).hasValue(1);
    }

    @Test
    void tenThousandKeysArriveInOneChangeEventAndQuickly() {
        AtomicInteger events = new AtomicInteger();
        model.entries().addListener((ListChangeListener<KeyEntry>) c -> events.incrementAndGet());
        String text = distinctKeys(10_000) + "\nkey-0\nkey-1";
        model.addText("warm-up");
        model.clear();
        events.set(0);

        long start = System.nanoTime();
        KeyTagViewModel.AddResult r = model.addText(text);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(events).hasValue(1);
        assertThat(r).isEqualTo(new KeyTagViewModel.AddResult(10_000, 2, 0));
        assertThat(model.getValidCount()).isEqualTo(10_000);
        assertThat(millis).as("10,000 keys should take well under a second").isLessThan(1_000);
    }

    @Test
    void outsideListenersSeeCountsAlreadyUpdated() {
        AtomicInteger seen = new AtomicInteger(-1);
        model.entries().addListener((ListChangeListener<KeyEntry>) c -> seen.set(model.getValidCount()));

        model.addText("a b c");

        assertThat(seen).hasValue(3);
    }

    @Test
    void entriesAreReadOnlyToCallers() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> model.entries().add(new KeyEntry("x", null)))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
