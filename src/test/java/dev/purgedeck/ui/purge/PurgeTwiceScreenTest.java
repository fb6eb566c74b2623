package dev.purgedeck.ui.purge;

import static dev.purgedeck.testsupport.ConsoleHarness.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.edge.FetchLimits;
import dev.purgedeck.edge.Freshness;
import dev.purgedeck.edge.PageFetcher;
import dev.purgedeck.edge.PurgeVerifier;
import dev.purgedeck.edge.SimulatedTime;
import dev.purgedeck.edge.VerifySettings;
import dev.purgedeck.fastly.SandboxAdmin;
import dev.purgedeck.history.HistoryEntry;
import dev.purgedeck.history.JobNotes;
import dev.purgedeck.sandbox.DemoAccount;
import dev.purgedeck.sandbox.SandboxConfig;
import dev.purgedeck.settings.PurgeTwiceSetting;
import dev.purgedeck.testsupport.Clients;
import dev.purgedeck.testsupport.ConsoleHarness;
import dev.purgedeck.testsupport.ManualClock;
import dev.purgedeck.testsupport.ManualScheduler;
import dev.purgedeck.testsupport.SandboxExtension;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Purge twice in the real window against the sandbox edge on one simulated clock: the shielding race of
 * docs/fastly-edge.md §2 replays with seed 3 (edge purged 227 ms, shield 1401 ms after the purge), so one purge
 * leaves the old copy, the offer turns Purge twice on, and the next purge is fresh. No test here sleeps: the pauses
 * run on the simulated clock, or on a scheduler the test ends.
 */
@ExtendWith(ApplicationExtension.class)
class PurgeTwiceScreenTest {
    private static final String NEWS = "https://www.dailycourier.example/news";
    private static final Duration PROPAGATION = Duration.ofSeconds(2);
    private static final String SECOND_CANCELLED = "The second purge was cancelled.";
    private static final ManualClock CLOCK = new ManualClock(Instant.parse("2026-03-02T10:00:00.250Z"));
    @RegisterExtension
    static final SandboxExtension SANDBOX = new SandboxExtension(SandboxConfig.builder().clock(CLOCK).edgeSeed(3)
            .maxPropagationDelay(PROPAGATION).build());
    @TempDir
    Path dataDir;
    private final SimulatedTime time = new SimulatedTime(CLOCK);
    private final ExecutorService pages = Executors.newFixedThreadPool(2);
    private PageFetcher fetcher;
    private ConsoleHarness console;
    private String courier;

    @BeforeEach
    void show() throws Exception {
        // The purges' delays start over from the seed: each test replays the same race.
        new SandboxAdmin(HttpClient.newHttpClient(), Clients.MAPPER, SANDBOX.server().baseUri())
                .configureEdge(3, PROPAGATION).get(10, TimeUnit.SECONDS);
        Stage stage = FxToolkit.registerPrimaryStage();
        WaitForAsyncUtils.asyncFx(() -> {
            console = ConsoleHarness.show(stage, SANDBOX.server(), DemoAccount.GLOBAL_TOKEN, dataDir, Map.of());
        }).get(30, TimeUnit.SECONDS);
        waitUntil(() -> console.window().purge().hosts().mapProperty().get().state()
                != dev.purgedeck.fastly.HostMap.State.UNKNOWN);
        fetcher = PageFetcher.viaSandbox(SANDBOX.server().baseUri(), "PurgeDeck/test", FetchLimits.DEFAULT, pages);
        courier = SANDBOX.server().account().services().stream().filter(s -> s.name().equals("Daily Courier — www"))
                .findFirst().orElseThrow().id();
    }

    @AfterEach
    void close() {
        console.close();
        pages.shutdownNow();
    }

    private ResultsViewModel results() {
        return console.window().purge().results();
    }

    private void visit() {
        fetcher.inspect(NEWS).orTimeout(10, TimeUnit.SECONDS).join();
    }

    private void purgeNews(FxRobot robot) {
        robot.interact(() -> console.window().purge().urls().textProperty().set(NEWS));
        robot.clickOn("#purgeButton");
    }

    /** The history with the verdicts noted so far merged in (an unreadable moment reads as nothing yet). */
    private List<HistoryEntry> historyWithVerdicts() {
        try {
            JobNotes notes = console.context().recording().notes();
            return notes.index().applyAll(console.context().history().load().entries());
        } catch (java.io.IOException e) {
            return List.of();
        }
    }

    private ResultRow verified() {
        waitUntil(() -> !results().runningProperty().get() && !results().rows().isEmpty()
                && results().rows().get(0).verdictProperty().get() != null
                && results().rows().get(0).verdictProperty().get().last());
        return results().rows().get(0);
    }

    @Test
    void theShieldingRaceIsAnOldCopyWithOnePurgeAndFreshOncePurgeTwiceIsAccepted(FxRobot robot) throws Exception {
        PurgeVerifier onTheClock = new PurgeVerifier(fetcher::inspect, time, CLOCK,
                VerifySettings.DEFAULT.withWaits(PROPAGATION, PROPAGATION, Duration.ofSeconds(1)));
        robot.interact(() -> {
            results().setVerifier(onTheClock);
            results().setScheduler(time);
            results().verifyProperty().set(true);
        });
        visit();
        CLOCK.advance(Duration.ofSeconds(60));
        assertThat(new SandboxAdmin(HttpClient.newHttpClient(), Clients.MAPPER, SANDBOX.server().baseUri())
                .publish(NEWS).get(10, TimeUnit.SECONDS)).isEqualTo(2);
        // A visitor between the edge's purge and the shield's re-caches the old copy at the edge.
        time.visitIn(Duration.ofMillis(500), this::visit);
        purgeNews(robot);
        ResultRow once = verified();
        assertThat(once.verdictProperty().get().freshness()).isEqualTo(Freshness.OLD_COPY);
        assertThat(once.outcome().secondPurgeId()).isNull();

        Label offer = robot.lookup("#twiceOfferText").queryAs(Label.class);
        javafx.scene.Node bar = robot.lookup("#twiceOffer").query();
        waitUntil(() -> bar.isVisible());
        assertThat(offer.getText()).isEqualTo("Daily Courier — www is shielded: Fastly advises purging twice.");
        robot.clickOn("#twiceAccept");
        waitUntil(() -> !bar.isVisible());
        assertThat(console.context().purgeTwice().get(console.context().session().profileName(), courier))
                .hasValueSatisfying(s -> assertThat(s.on()).isTrue());
        Label hint = robot.lookup("#twiceHint").queryAs(Label.class);
        waitUntil(() -> hint.isVisible());
        assertThat(hint.getText()).isEqualTo("Purge twice (2 s)");

        CLOCK.advance(Duration.ofSeconds(30));
        time.visitIn(Duration.ofMillis(500), this::visit); // the same race, during the first of the two purges
        purgeNews(robot);
        ResultRow twice = verified();
        assertThat(twice.verdictProperty().get().freshness()).isEqualTo(Freshness.FRESH);
        assertThat(twice.verdictText()).isEqualTo("Fresh");
        assertThat(twice.outcome().secondPurgeId()).isNotBlank().isNotEqualTo(twice.purgeId());
        assertThat(time.waits()).as("the second purge waited the service's 2 s").contains(Duration.ofSeconds(2));
        // The entry is written when Fastly answers; its verdict follows as a job note once the page was looked at.
        waitUntil(() -> historyWithVerdicts().stream().anyMatch(e -> e.secondPurgeId() != null && e.verdict() != null));
        List<HistoryEntry> history = historyWithVerdicts();
        assertThat(history).filteredOn(e -> e.secondPurgeId() != null).singleElement().satisfies(e -> {
            assertThat(e.purgeId()).isEqualTo(twice.purgeId());
            assertThat(e.secondPurgeId()).isEqualTo(twice.outcome().secondPurgeId());
            assertThat(e.verdict()).isEqualTo(Freshness.FRESH.id());
        });
    }

    @Test
    void theCountdownIsShownAndCancelDuringItStopsTheSecondPurge(FxRobot robot) throws Exception {
        cancelDuringTheCountdown(robot, () -> robot.clickOn("#purgeButton")); // the Purge button reads Cancel
    }

    @Test
    void escapeDuringTheCountdownStopsTheSecondPurge(FxRobot robot) throws Exception {
        cancelDuringTheCountdown(robot, () -> robot.type(KeyCode.ESCAPE));
    }

    private void cancelDuringTheCountdown(FxRobot robot, Runnable cancel) throws Exception {
        String profile = console.context().session().profileName();
        console.context().purgeTwice().put(profile, PurgeTwiceSetting.advised(courier, "Daily Courier — www")
                .withUrlDelay(30)).get(10, TimeUnit.SECONDS);
        ManualScheduler pause = new ManualScheduler();
        robot.interact(() -> {
            results().setScheduler(pause);
            results().verifyProperty().set(false);
            console.window().purge().urls().textProperty().set(NEWS);
        });
        Label hint = robot.lookup("#twiceHint").queryAs(Label.class);
        waitUntil(() -> hint.isVisible() && hint.getText().equals("Purge twice (30 s)"));
        robot.clickOn("#purgeButton");
        ManualScheduler.Wait wait = pause.next();
        assertThat(wait.delay()).isEqualTo(Duration.ofSeconds(30));
        Label detail = robot.lookup("#progressDetail").queryAs(Label.class);
        waitUntil(() -> detail.isVisible() && detail.getText().startsWith("Purging again in "));
        assertThat(detail.getText()).matches("Purging again in (30|29|28) s…");
        long sent = SANDBOX.server().requests().count();

        cancel.run();
        waitUntil(() -> !results().runningProperty().get() && !results().summaryProperty().get().isEmpty());
        wait.end();
        ResultRow row = results().rows().get(0);
        assertThat(row.outcomeText()).isEqualTo("Removed");
        assertThat(row.outcome().message()).isEqualTo(SECOND_CANCELLED);
        assertThat(robot.lookup((javafx.scene.Node n) -> n instanceof javafx.scene.control.TableCell<?, ?> c
                && SECOND_CANCELLED.equals(c.getText())).tryQuery()).as("the message cell says so").isPresent();
        assertThat(results().summaryProperty().get()).isEqualTo("1 purged, 0 failed · second purge cancelled");
        assertThat(SANDBOX.server().requests().count()).as("no second purge sent").isEqualTo(sent);
        waitUntil(() -> {
            try {
                return !console.context().history().load().entries().isEmpty();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertThat(console.context().history().load().entries()).singleElement().satisfies(e -> {
            assertThat(e.purgeId()).isEqualTo(row.purgeId());
            assertThat(e.secondPurgeId()).isNull();
            assertThat(e.outcome()).isEqualTo(HistoryEntry.Outcome.OK);
            assertThat(e.error()).isEqualTo(SECOND_CANCELLED);
        });
    }
}
