package dev.purgedeck.ui.purge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.edge.FetchLimits;
import dev.purgedeck.edge.PageFetcher;
import dev.purgedeck.edge.PageReport;
import dev.purgedeck.fastly.BulkPurgeRunner;
import dev.purgedeck.fastly.FastlyClient;
import dev.purgedeck.fastly.HostMap;
import dev.purgedeck.fastly.HostMapLoader;
import dev.purgedeck.fastly.ItemOutcome;
import dev.purgedeck.fastly.JobListener;
import dev.purgedeck.fastly.JobRequest;
import dev.purgedeck.fastly.PurgeOptions;
import dev.purgedeck.files.Json;
import dev.purgedeck.sandbox.DemoAccount;
import dev.purgedeck.settings.PurgeTwiceSetting;
import dev.purgedeck.settings.PurgeTwiceStore;
import dev.purgedeck.settings.RememberedState;
import dev.purgedeck.settings.SettingsStore;
import dev.purgedeck.testsupport.Clients;
import dev.purgedeck.testsupport.ManualClock;
import dev.purgedeck.testsupport.ManualScheduler;
import dev.purgedeck.testsupport.SandboxExtension;
import dev.purgedeck.testsupport.ScriptedDialogs;
import dev.purgedeck.testsupport.UiQueue;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Purge twice in the console without the toolkit: which jobs go twice, the hint, the offer, the countdown. */
class PurgeTwiceChoiceTest {
    @RegisterExtension
    static final SandboxExtension SANDBOX = new SandboxExtension();
    private static final String NEWS = "https://www.dailycourier.example/news";
    private static final String SHOP = "https://shop.northwind.example/a";
    @TempDir
    Path dataDir;
    private final UiQueue fx = new UiQueue();
    private PurgeTwiceStore store;

    private PurgeViewModel vm() {
        FastlyClient client = Clients.client(SANDBOX.server().baseUri(), DemoAccount.GLOBAL_TOKEN, Clients.FAST_RETRY);
        RememberedState prefs = RememberedState.load(dataDir, Json.newMapper());
        ServiceSelectorViewModel services = new ServiceSelectorViewModel(client, fx, prefs, Optional.empty(), false,
                new ScriptedDialogs());
        services.load();
        fx.runUntil(() -> !services.loadingProperty().get());
        PurgeViewModel vm = new PurgeViewModel(services, new BulkPurgeRunner(client), fx, prefs,
                SettingsStore.open(dataDir), new ScriptedDialogs());
        vm.hosts().start(Runnable::run, () -> HostMap.UNKNOWN,
                () -> new HostMapLoader(client, Clock.systemUTC()).load(), m -> { });
        fx.runUntil(() -> vm.hosts().mapProperty().get().state() != HostMap.State.UNKNOWN);
        store = PurgeTwiceStore.open(dataDir);
        vm.twice().attach(store, "Sandbox");
        return vm;
    }

    private static String idOf(String name) {
        return SANDBOX.server().account().services().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow().id();
    }

    @Test
    void aUrlGoesTwiceWhenItsHostsServiceHasItAndTheHintSaysSoUntilTurnedOff() {
        PurgeViewModel vm = vm();
        String courier = idOf("Daily Courier \u2014 www");
        vm.urls().textProperty().set(NEWS);
        assertThat(vm.twice().hintProperty().get()).isEmpty();
        store.put("Sandbox", PurgeTwiceSetting.advised(courier, "Daily Courier \u2014 www").withUrlDelay(3));
        fx.drain();
        assertThat(vm.twice().hintProperty().get()).isEqualTo("Purge twice (3 s)");
        vm.urls().textProperty().set("");
        assertThat(vm.twice().hintProperty().get()).as("no URL, no service in view").isEmpty();
        vm.urls().textProperty().set(NEWS);
        assertThat(vm.twice().hintDetailProperty().get()).contains("Daily Courier", "shield");
        // The service the URL's host routes to decides, whatever service is selected.
        vm.services().select(vm.services().services().stream().filter(s -> s.id().equals(idOf("Northwind Shop")))
                .findFirst().orElseThrow());
        assertThat(vm.twice().delayFor(JobRequest.urls(idOf("Northwind Shop"), List.of(NEWS), PurgeOptions.HARD, 4)))
                .hasValue(Duration.ofSeconds(3));
        assertThat(vm.twice().delayFor(JobRequest.urls(null, List.of(SHOP), PurgeOptions.HARD, 4))).isEmpty();
        assertThat(vm.twice().delayFor(JobRequest.all(courier, PurgeOptions.HARD))).hasValue(Duration.ofSeconds(30));
        assertThat(vm.twice().delayFor(JobRequest.keys(courier, List.of("news"), PurgeOptions.HARD, 4)))
                .hasValue(Duration.ofSeconds(3));

        vm.modeProperty().set(PurgeMode.ALL);
        vm.services().select(vm.services().services().stream().filter(s -> s.id().equals(courier)).findFirst()
                .orElseThrow());
        assertThat(vm.twice().hintProperty().get()).isEqualTo("Purge twice (30 s)");
        vm.twice().turnOff();
        fx.drain();
        assertThat(vm.twice().hintProperty().get()).isEmpty();
        assertThat(store.get("Sandbox", courier).orElseThrow().on()).as("kept, off").isFalse();
    }

    @Test
    void aShieldSeenOffersPurgeTwiceOnceAndNotNowIsRemembered() throws Exception {
        PurgeViewModel vm = vm();
        String courier = idOf("Daily Courier \u2014 www");
        PageReport shielded = PageFetcher.viaSandbox(SANDBOX.server().baseUri(), "PurgeDeck/test", FetchLimits.DEFAULT,
                ForkJoinPool.commonPool()).inspect(NEWS).get(10, TimeUnit.SECONDS);
        assertThat(shielded.shieldPop()).isPresent();
        vm.twice().shieldSeen(shielded);
        assertThat(vm.twice().offerProperty().get())
                .isEqualTo("Daily Courier \u2014 www is shielded: Fastly advises purging twice.");
        vm.twice().acceptOffer();
        fx.drain();
        assertThat(vm.twice().offerProperty().get()).isEmpty();
        assertThat(store.get("Sandbox", courier)).hasValue(PurgeTwiceSetting.advised(courier,
                "Daily Courier \u2014 www"));
        vm.twice().shieldSeen(shielded);
        assertThat(vm.twice().offerProperty().get()).as("decided already").isEmpty();

        store.remove("Sandbox", courier);
        fx.drain();
        vm.twice().shieldSeen(shielded);
        vm.twice().declineOffer();
        assertThat(store.get("Sandbox", courier).orElseThrow().on()).isFalse();
        vm.twice().shieldSeen(shielded);
        assertThat(vm.twice().offerProperty().get()).as("Not now is remembered").isEmpty();
        assertThat(PurgeTwiceStore.open(dataDir).get("Sandbox", courier)).isPresent();
    }

    @Test
    void theCountdownTicksAndCancelDuringItStopsTheSecondPurge() {
        ManualClock clock = new ManualClock(Instant.parse("2026-12-06T03:00:00Z"));
        ManualScheduler pause = new ManualScheduler();
        FastlyClient client = Clients.client(SANDBOX.server().baseUri(), DemoAccount.GLOBAL_TOKEN, Clients.FAST_RETRY);
        ResultsViewModel results = new ResultsViewModel(new BulkPurgeRunner(client), fx, clock);
        List<ItemOutcome> recorded = new CopyOnWriteArrayList<>();
        results.setRecorder((id, r, retryOf) -> (JobListener) (o, d, t) -> recorded.add(o));
        results.setPurgeTwice(r -> Optional.of(Duration.ofSeconds(2)));
        results.setScheduler(pause);
        results.verifyProperty().set(false);

        results.start(JobRequest.urls(null, List.of(NEWS), PurgeOptions.HARD, 4));
        ManualScheduler.Wait wait = pause.next();
        assertThat(wait.delay()).isEqualTo(Duration.ofSeconds(2));
        results.tick();
        assertThat(results.progressDetailProperty().get()).startsWith("Purging again in 2 s\u2026");
        clock.advance(Duration.ofMillis(1100));
        results.tick();
        assertThat(results.progressDetailProperty().get()).startsWith("Purging again in 1 s\u2026");
        assertThat(results.rows().get(0).state()).as("one outcome, after both purges").isEqualTo(
                ResultRow.State.PENDING);
        long posts = SANDBOX.server().requests().count();

        results.cancel();
        fx.runUntil(() -> !results.runningProperty().get());
        wait.end(); // the pause ending after a Cancel sends nothing
        ResultRow row = results.rows().get(0);
        assertThat(row.state()).isEqualTo(ResultRow.State.OK);
        assertThat(row.outcome().message()).isEqualTo("The second purge was cancelled.");
        assertThat(row.outcome().secondPurgeId()).isNull();
        assertThat(SANDBOX.server().requests().count()).isEqualTo(posts);
        assertThat(recorded).singleElement().satisfies(o -> assertThat(o.purgeId()).isNotBlank());

        recorded.clear();
        results.start(JobRequest.urls(null, List.of(NEWS), PurgeOptions.HARD, 4));
        pause.next().end();
        fx.runUntil(() -> !results.runningProperty().get());
        assertThat(results.rows().get(0).outcome().secondPurgeId()).isNotBlank()
                .isNotEqualTo(results.rows().get(0).purgeId());
        assertThat(recorded).singleElement().satisfies(o -> assertThat(o.secondPurgeId()).isNotBlank());
        assertThat(results.progressDetailProperty().get()).isEmpty();
    }
}
