package dev.purgedeck.ui.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

/** The rows list behaves as a plain list would, whatever its inside, and says so in one change per bulk edit. */
class TopInsertListTest {
    @Test
    void editsAnywhereGiveWhatAPlainListGives() {
        TopInsertList<Integer> list = new TopInsertList<>();
        List<Integer> plain = new ArrayList<>();
        Random random = new Random(5);
        for (int step = 0; step < 2_000; step++) {
            int op = random.nextInt(5);
            int at = random.nextInt(plain.size() + 1);
            if (op == 0 && !plain.isEmpty() && at < plain.size()) {
                assertThat(list.remove(at)).isEqualTo(plain.remove(at));
            } else if (op == 1) {
                List<Integer> batch = List.of(step, step + 1_000_000, step + 2_000_000);
                list.addAll(at, batch);
                plain.addAll(at, batch);
            } else if (op == 2 && at < plain.size()) {
                list.set(at, -step);
                plain.set(at, -step);
            } else {
                list.add(at, step);
                plain.add(at, step);
            }
            assertThat(list).containsExactlyElementsOf(plain);
        }
        list.setAll(List.of(3, 1, 2));
        assertThat(list).containsExactly(3, 1, 2);
        list.clear();
        assertThat(list).isEmpty();
    }

    @Test
    void aBatchOnTopAndAReplacementAreOneChangeEach() {
        TopInsertList<String> list = new TopInsertList<>();
        list.setAll(List.of("c", "d"));
        List<String> seen = new ArrayList<>();
        list.addListener((ListChangeListener<String>) c -> {
            while (c.next()) {
                seen.add(c.getFrom() + ":" + c.getRemoved() + "->" + c.getAddedSubList());
            }
        });
        list.addAll(0, List.of("a", "b"));
        list.setAll(List.of("x"));
        assertThat(seen).containsExactly("0:[]->[a, b]", "0:[a, b, c, d]->[x]");
    }
}
