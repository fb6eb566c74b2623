package dev.purgedeck.ui.purge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.fastly.BulkPurgeRunner;
import dev.purgedeck.fastly.FastlyClient;
import dev.purgedeck.fastly.HostMap;
import dev.purgedeck.fastly.HostMapLoader;
import dev.purgedeck.fastly.ItemOutcome;
import dev.purgedeck.fastly.PurgeKind;
import dev.purgedeck.fastly.ServiceInfo;
import dev.purgedeck.files.Json;
import dev.purgedeck.history.HistoryEntry;
import dev.purgedeck.history.JobContext;
import dev.purgedeck.sandbox.DemoAccount;
import dev.purgedeck.settings.RememberedState;
import dev.purgedeck.settings.SettingsStore;
import dev.purgedeck.testsupport.Clients;
import dev.purgedeck.testsupport.SandboxExtension;
import dev.purgedeck.testsupport.ScriptedDialogs;
import dev.purgedeck.testsupport.UiQueue;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Host → service routing in the console's view model, without the toolkit, on a map read from the sandbox. */
class HostRoutingTest {
    @RegisterExtension
    static final SandboxExtension SANDBOX = new SandboxExtension();
    @TempDir
    Path dataDir;
    private final UiQueue fx = new UiQueue();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final List<HostMap> saved = new ArrayList<>();

    private PurgeViewModel vm(String token) {
        FastlyClient client = Clients.client(SANDBOX.server().baseUri(), token, Clients.FAST_RETRY);
        RememberedState prefs = RememberedState.load(dataDir, Json.newMapper());
        ServiceSelectorViewModel services = new ServiceSelectorViewModel(client, fx, prefs, Optional.empty(), false,
                dialogs);
        services.load();
        fx.runUntil(() -> !services.loadingProperty().get());
        PurgeViewModel vm = new PurgeViewModel(services, new BulkPurgeRunner(client), fx, prefs,
                SettingsStore.open(dataDir), dialogs);
        vm.hosts().start(Runnable::run, () -> HostMap.UNKNOWN,
                () -> new HostMapLoader(client, Clock.systemUTC()).load(), saved::add);
        fx.runUntil(() -> vm.hosts().mapProperty().get().state() != HostMap.State.UNKNOWN);
        SANDBOX.server().requests().clear();
        return vm;
    }

    private static String idOf(String name) {
        return SANDBOX.server().account().services().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow().id();
    }

    private long posts() {
        return SANDBOX.server().requests().all().stream().filter(r -> r.method().equals("POST")).count();
    }

    @Test
    void pastedUrlsOfOneServiceSelectItAndTheLineSaysWhereEachGoes() {
        PurgeViewModel vm = vm(DemoAccount.GLOBAL_TOKEN);
        assertThat(saved).singleElement().extracting(HostMap::state).isEqualTo(HostMap.State.READY);

        vm.urls().textProperty().set("https://shop.northwind.example/a\nhttps://www.northwind.example/");
        assertThat(vm.services().serviceIdProperty().get()).isEqualTo(idOf("Northwind Shop"));
        assertThat(vm.hosts().summaryProperty().get()).isEqualTo("2 URLs \u2192 Northwind Shop");

        vm.urls().textProperty().set("https://www.dailycourier.example/news\nhttps://shop.northwind.example/a\n"
                + "https://news.example.org/x");
        assertThat(vm.hosts().summaryProperty().get())
                .isEqualTo("1 URL \u2192 Daily Courier \u2014 www, 1 \u2192 Northwind Shop, 1 unknown host");
        assertThat(vm.services().serviceIdProperty().get()).isEqualTo(idOf("Northwind Shop")); // unchanged
    }

    @Test
    void keysTakenFromAPageGoToThePagesService() {
        PurgeViewModel vm = vm(DemoAccount.GLOBAL_TOKEN);
        vm.services().select(vm.services().services().stream().filter(x -> x.id().equals(idOf("Northwind Docs")))
                .findFirst().orElseThrow());

        assertThat(vm.hosts().selectServiceOf("https://shop.northwind.example/product/4711")).isPresent();
        assertThat(vm.services().serviceIdProperty().get()).isEqualTo(idOf("Northwind Shop"));
        assertThat(vm.hosts().selectServiceOf("https://news.example.org/x")).isEmpty();
        assertThat(vm.services().serviceIdProperty().get()).isEqualTo(idOf("Northwind Shop")); // unknown: unchanged
    }

    @Test
    void anUnknownHostIsWarnedBeforeAnythingIsSent() {
        PurgeViewModel vm = vm(DemoAccount.GLOBAL_TOKEN);
        vm.urls().textProperty().set("https://news.example.org/a\nhttps://www.dailycourier.example/news");
        dialogs.confirmAnswer = false;

        vm.purgeOrCancel();

        assertThat(dialogs.asked).containsExactly("confirm: Purge URLs no service serves?");
        assertThat(dialogs.lastQuestion).startsWith("No service you can see serves news.example.org: Fastly would "
                + "purge nothing for this URL.");
        assertThat(vm.results().runningProperty().get()).isFalse();
        assertThat(posts()).isZero();

        dialogs.confirmAnswer = true;
        vm.purgeOrCancel();
        fx.runUntil(() -> !vm.results().runningProperty().get() && !vm.results().summaryProperty().get().isEmpty());
        assertThat(posts()).isEqualTo(2);
    }

    @Test
    void withAPurgeOnlyTokenTheConsoleSaysHostsCannotBeCheckedAndPurgesWithoutAsking() {
        PurgeViewModel vm = vm(DemoAccount.PURGE_SELECT_TOKEN);
        vm.urls().textProperty().set("https://news.example.org/a");

        assertThat(vm.hosts().summaryProperty().get()).isEqualTo(HostRouting.NO_ACCESS);
        vm.purgeOrCancel();
        fx.runUntil(() -> !vm.results().runningProperty().get() && !vm.results().summaryProperty().get().isEmpty());
        assertThat(dialogs.asked).isEmpty();
        assertThat(posts()).isOne();
    }

    @Test
    void eachUrlOfAJobRecordsTheServiceItsHostRoutesTo() {
        PurgeViewModel vm = vm(DemoAccount.GLOBAL_TOKEN);
        List<String> urls = List.of("https://www.dailycourier.example/news", "https://shop.northwind.example/a",
                "https://news.example.org/x");
        Map<String, ServiceInfo> routes = vm.hosts().routes(urls);
        JobContext job = new JobContext("job", "Sandbox", "sandbox", "http://127.0.0.1:1", null, null, false,
                "production", "me", "test", routes, null);

        List<HistoryEntry> entries = urls.stream().map(u -> job.entry(new ItemOutcome(0, PurgeKind.URL, u,
                ItemOutcome.Status.OK, "1-2-3", 200, 1, Duration.ofMillis(5), null, null, Instant.now()))).toList();

        assertThat(entries).extracting(HistoryEntry::serviceId)
                .containsExactly(idOf("Daily Courier \u2014 www"), idOf("Northwind Shop"), null);
        assertThat(entries).extracting(HistoryEntry::serviceName)
                .containsExactly("Daily Courier \u2014 www", "Northwind Shop", null);
    }
}
