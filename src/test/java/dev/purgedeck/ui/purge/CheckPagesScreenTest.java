package dev.purgedeck.ui.purge;

import static dev.purgedeck.testsupport.ConsoleHarness.inPurge;
import static dev.purgedeck.testsupport.ConsoleHarness.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.edge.Freshness;
import dev.purgedeck.edge.PageVerdict;
import dev.purgedeck.fastly.ServiceInfo;
import dev.purgedeck.keysets.KeySet;
import dev.purgedeck.testsupport.ConsoleTest;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * Key purges verified on pages through the real window against the sandbox edge: a page in "Check these pages",
 * a key set's sample URL, the page a key was found on in the inspector, and a key with no page at all.
 */
class CheckPagesScreenTest extends ConsoleTest {
    private static final String NEWS = "https://www.dailycourier.example/news";
    private static final String HOME = "https://www.dailycourier.example/";

    private PurgeViewModel purge() {
        return console.window().purge();
    }

    private void onCourierInKeysMode(FxRobot robot) {
        waitUntil(() -> purge().services().selectedProperty().get() != null);
        ServiceInfo courier = purge().services().services().stream()
                .filter(s -> s.name().equals("Daily Courier — www")).findFirst().orElseThrow();
        robot.interact(() -> {
            purge().services().select(courier);
            purge().modeProperty().set(PurgeMode.KEYS);
        });
    }

    private PageVerdict purgeAndAwaitVerdict(FxRobot robot) {
        robot.interact(() -> ((Button) inPurge(robot, "#purgeButton")).fire());
        console.awaitJobEnd();
        ResultRow row = purge().results().rows().get(0);
        waitUntil(() -> row.verdictProperty().get() != null && row.verdictProperty().get().last());
        return row.verdictProperty().get();
    }

    /** The words the Verdict column shows for the first row. */
    private static String verdictCell(FxRobot robot) {
        return robot.lookup(".table-cell").match(n -> n instanceof Labeled l && l.getText() != null
                && (l.getText().startsWith("Fresh") || l.getText().startsWith("Not verified")))
                .<Labeled>query().getText();
    }

    @Test
    void aKeyIsFreshOnAPageAddedToCheckThesePagesAndAKeyWithoutOneSaysNotVerified(FxRobot robot) throws Exception {
        onCourierInKeysMode(robot);
        ToggleButton pane = (ToggleButton) inPurge(robot, "#checkPagesToggle");
        assertThat(pane.isVisible()).isTrue();
        assertThat(inPurge(robot, "#checkPagesContent").isVisible()).as("folded away by default").isFalse();
        assertThat(pane.getText()).isEqualTo("Check pages (0)");
        robot.clickOn(pane);
        robot.clickOn("#checkPagesField").write("mailto:editor@dailycourier.example").type(KeyCode.ENTER);
        assertThat(robot.lookup("#checkPagesProblem").queryAs(Labeled.class).getText()).contains("'mailto:' link");
        robot.interact(() -> purge().checkPages().list().typedProperty().set(""));
        robot.clickOn("#checkPagesField").write(NEWS);
        robot.clickOn("#checkPagesAdd");
        assertThat(pane.getText()).isEqualTo("Check pages (1)");

        robot.interact(() -> purge().keys().addAll(List.of("section-news")));
        publish(NEWS);
        PageVerdict v = purgeAndAwaitVerdict(robot);
        assertThat(v.freshness()).isEqualTo(Freshness.FRESH);
        assertThat(v.url()).contains(NEWS);
        waitUntil(() -> "Fresh".equals(verdictCell(robot)));

        robot.interact(() -> {
            purge().checkPages().list().remove(NEWS);
            purge().keys().setAll(List.of("homepage"));
        });
        PageVerdict none = purgeAndAwaitVerdict(robot);
        assertThat(none.freshness()).isEqualTo(Freshness.NOT_VERIFIED);
        waitUntil(() -> "Not verified \u2014 no page to check".equals(verdictCell(robot)));
    }

    @Test
    void aKeySetsSampleUrlsFillTheListAndAKeyFromTheInspectorIsCheckedOnItsPage(FxRobot robot) throws Exception {
        onCourierInKeysMode(robot);
        KeySet front = console.context().keySets().create(KeySet.of("Front", List.of("homepage"))
                .withService(purge().services().serviceIdProperty().get(), "Daily Courier — www")
                .withSampleUrls(List.of(HOME)));
        publish(HOME);
        // "Purge now" of the Key sets screen: the set's sample URLs come with it.
        robot.interact(() -> console.window().keySets().purge(front, null));
        console.awaitJobEnd();
        ResultRow row = purge().results().rows().get(0);
        waitUntil(() -> row.verdictProperty().get() != null && row.verdictProperty().get().last());
        assertThat(row.verdictProperty().get().freshness()).isEqualTo(Freshness.FRESH);
        assertThat(row.verdictProperty().get().url()).contains(HOME);
        assertThat(purge().checkPages().list().pages()).containsExactly(HOME);

        robot.clickOn("#inspectField").write(NEWS).type(KeyCode.ENTER);
        waitUntil(() -> !console.window().inspector().busyProperty().get()
                && console.window().inspector().reportProperty().get() != null);
        robot.clickOn(robot.lookup(".inspector-key").match(n -> "news".equals(((ToggleButton) n).getText()))
                .<ToggleButton>query());
        robot.clickOn("#inspectorAddKeys");
        assertThat(purge().keys().validKeys()).containsExactly("news");
        publish(NEWS);
        PageVerdict v = purgeAndAwaitVerdict(robot);
        assertThat(v.freshness()).isEqualTo(Freshness.FRESH);
        assertThat(v.url()).as("the page the key came from, not the list").contains(NEWS);
    }

    private void publish(String url) throws Exception {
        assertThat(console.context().sandboxAdmin().orElseThrow().publish(url).get(10, TimeUnit.SECONDS))
                .isEqualTo(2);
    }
}
