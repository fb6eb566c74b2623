package dev.purgedeck.ui.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which URL "Inspect this URL" takes from the URL box. */
class InspectMenusTest {
    private static final String BOX = "https://a.example/one\n  https://b.example/two  \nnot a url\n";

    @Test
    void theLineUnderTheCursorOrTheSelectionAndNothingThatIsNoWebAddress() {
        assertThat(InspectMenus.urlAtCaret(BOX, 3, "")).contains("https://a.example/one");
        assertThat(InspectMenus.urlAtCaret(BOX, BOX.indexOf("two"), null)).contains("https://b.example/two");
        assertThat(InspectMenus.urlAtCaret(BOX, BOX.indexOf("not"), "")).isEmpty();
        assertThat(InspectMenus.urlAtCaret(BOX, 0, " https://b.example/two\nmore")).contains("https://b.example/two");
        assertThat(InspectMenus.urlAtCaret("", 0, "")).isEmpty();
        assertThat(InspectMenus.urlAtCaret(BOX, BOX.length(), "")).isEmpty();
    }
}
