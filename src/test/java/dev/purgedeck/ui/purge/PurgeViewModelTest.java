package dev.purgedeck.ui.purge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.fastly.BulkPurgeRunner;
import dev.purgedeck.fastly.FastlyClient;
import dev.purgedeck.files.Json;
import dev.purgedeck.sandbox.DemoAccount;
import dev.purgedeck.sandbox.FaultSettings;
import dev.purgedeck.sandbox.ObjectState;
import dev.purgedeck.settings.RememberedState;
import dev.purgedeck.settings.SettingsStore;
import dev.purgedeck.testsupport.Clients;
import dev.purgedeck.testsupport.SandboxExtension;
import dev.purgedeck.testsupport.Sandboxes;
import dev.purgedeck.testsupport.ScriptedDialogs;
import dev.purgedeck.testsupport.UiQueue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's view models without the toolkit. A {@link UiQueue} stands in for the FX thread: the client's
 * callbacks hop onto it as they do onto {@code Platform::runLater}, and only the test's thread runs them, so the view
 * models are touched by one thread at a time and the assertions come after the queue was drained.
 */
class PurgeViewModelTest {
    @RegisterExtension
    static final SandboxExtension SANDBOX = new SandboxExtension();
    @TempDir
    Path dataDir;
    private final UiQueue fx = new UiQueue();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();

    private PurgeViewModel vm(String token, RememberedState prefs, Optional<String> preferred) {
        FastlyClient client = Clients.client(SANDBOX.server().baseUri(), token, Clients.FAST_RETRY);
        ServiceSelectorViewModel services = new ServiceSelectorViewModel(client, fx, prefs, preferred, false, dialogs);
        services.load();
        fx.runUntil(() -> !services.loadingProperty().get());
        SANDBOX.server().requests().clear();
        dialogs.realTypingDialog = false;
        return new PurgeViewModel(services, new BulkPurgeRunner(client), fx, prefs, SettingsStore.open(dataDir), dialogs);
    }

    private RememberedState prefs() {
        return RememberedState.load(dataDir, Json.newMapper());
    }

    @Test
    void purgeIsOfferedOnlyWhenThereIsSomethingValidToPurge() {
        PurgeViewModel vm = vm(DemoAccount.GLOBAL_TOKEN, prefs(), Optional.empty());
        assertThat(vm.purgeHintProperty().get()).isEqualTo("Add at least one valid URL.");
        vm.urls().textProperty().set("ftp://nope.example/");
        assertThat(vm.canPurgeProperty().get()).isFalse();
        vm.urls().textProperty().set("https://www.example.com/ok");
        assertThat(vm.canPurgeProperty().get()).isTrue();
        vm.modeProperty().set(PurgeMode.KEYS);
        assertThat(vm.purgeHintProperty().get()).isEqualTo("Choose a service first.");
        vm.services().select(vm.services().services().get(0));
        assertThat(vm.purgeHintProperty().get()).isEqualTo("Add at least one valid key.");
        vm.keys().addText("homepage");
        assertThat(vm.canPurgeProperty().get()).isTrue();
    }

    @Test
    void everythingIsAlwaysHardAndNeedsTheExactName() {
        PurgeViewModel vm = vm(DemoAccount.GLOBAL_TOKEN, prefs(), Optional.empty());
        vm.services().select(vm.services().services().get(0));
        vm.softProperty().set(true);
        vm.modeProperty().set(PurgeMode.ALL);
        String name = vm.services().services().get(0).name();
        assertThat(vm.purgeEverything(name.toUpperCase())).isFalse();
        assertThat(vm.purgeEverything("")).isFalse();
        assertThat(vm.confirmsEverything(name.substring(0, name.length() - 1))).isFalse();
        assertThat(vm.confirmsEverything(name.replace("\u2014", "-").replace(" ", "  "))).isTrue();
        assertThat(vm.confirmsEverything(vm.services().serviceIdProperty().get())).isTrue();
        assertThat(SANDBOX.server().requests().count()).isZero();
        assertThat(vm.purgeEverything(name)).isTrue();
        fx.runUntil(() -> !vm.results().runningProperty().get());
        assertThat(vm.results().rows().get(0).state()).isEqualTo(ResultRow.State.OK);
        assertThat(SANDBOX.server().requests().all().get(0).headers()).doesNotContainKey("fastly-soft-purge");
    }

    @Test
    void aPurgeLargerThanTheLimitAsksFirstAndDecliningSendsNothing() throws Exception {
        SettingsStore.open(dataDir).update(st -> st.withConfirmAbove(1));
        PurgeViewModel vm = vm(DemoAccount.GLOBAL_TOKEN, prefs(), Optional.empty());
        vm.urls().textProperty().set("https://www.example.com/a\nhttps://www.example.com/b");
        dialogs.confirmAnswer = false;
        vm.purgeOrCancel();
        assertThat(dialogs.asked).containsExactly("confirm: Purge 2 URLs?");
        fx.drain();
        assertThat(vm.results().runningProperty().get()).isFalse();
        assertThat(vm.results().rows()).isEmpty();
        assertThat(SANDBOX.server().requests().count()).isZero();
        dialogs.confirmAnswer = true;
        vm.purgeOrCancel();
        fx.runUntil(() -> !vm.results().runningProperty().get());
        assertThat(vm.results().summaryProperty().get()).isEqualTo("2 purged, 0 failed");
        assertThat(SANDBOX.server().requests().count()).isEqualTo(2);
    }

    @Test
    void everythingFromThePurgeButtonNeedsTheTypedName() {
        PurgeViewModel vm = vm(DemoAccount.GLOBAL_TOKEN, prefs(), Optional.empty());
        vm.services().select(vm.services().services().get(0));
        vm.modeProperty().set(PurgeMode.ALL);
        String name = vm.services().services().get(0).name();
        dialogs.typed = null;
        vm.purgeOrCancel();
        dialogs.typed = name.substring(1);
        vm.purgeOrCancel();
        assertThat(dialogs.asked).hasSize(2).allMatch(q -> q.startsWith("type: Purge everything?"));
        fx.drain();
        assertThat(vm.results().runningProperty().get()).isFalse();
        assertThat(SANDBOX.server().requests().count()).isZero();
        dialogs.typed = name;
        vm.purgeOrCancel();
        fx.runUntil(() -> !vm.results().runningProperty().get());
        assertThat(SANDBOX.server().requests().all()).singleElement()
                .satisfies(r -> assertThat(r.rawPathAndQuery()).endsWith("/purge_all"));
    }

    @Test
    void modeAndServiceAreRememberedButTheSoftSwitchLastsOnlyUntilTheAppCloses() {
        RememberedState prefs = prefs();
        PurgeViewModel first = vm(DemoAccount.GLOBAL_TOKEN, prefs, Optional.empty());
        first.softProperty().set(true);
        first.modeProperty().set(PurgeMode.KEYS);
        first.services().select(first.services().services().get(2));
        fx.drain();
        // The next launch: the console starts from the default in Settings, which the switch did not rewrite.
        PurgeViewModel again = vm(DemoAccount.GLOBAL_TOKEN, prefs(), Optional.empty());
        assertThat(again.softProperty().get()).isFalse();
        assertThat(again.modeProperty().get()).isEqualTo(PurgeMode.KEYS);
        assertThat(again.services().serviceIdProperty().get()).isEqualTo(SANDBOX.server().account().services().get(2).id());
        assertThat(SettingsStore.open(dataDir).get().defaultSoft()).isFalse();
    }

    @Test
    void aSoftDefaultSetInSettingsStartsTheSwitchSoft() {
        SettingsStore.open(dataDir).update(s -> s.withDefaultSoft(true)).join();
        assertThat(vm(DemoAccount.GLOBAL_TOKEN, prefs(), Optional.empty()).softProperty().get()).isTrue();
    }

    @Test
    void theSwitchFollowsANewDefaultButNoOtherSettingsChange() {
        SettingsStore settings = SettingsStore.open(dataDir);
        FastlyClient client = Clients.client(SANDBOX.server().baseUri(), DemoAccount.GLOBAL_TOKEN, Clients.FAST_RETRY);
        ServiceSelectorViewModel services = new ServiceSelectorViewModel(client, fx, prefs(), Optional.empty(), false, dialogs);
        PurgeViewModel vm = new PurgeViewModel(services, new BulkPurgeRunner(client), fx, prefs(), settings, dialogs);
        vm.softProperty().set(true);
        settings.update(s -> s.withConcurrency(3)).join();
        fx.drain();
        assertThat(vm.softProperty().get()).isTrue();
        settings.update(s -> s.withDefaultSoft(true)).join();
        settings.update(s -> s.withDefaultSoft(false)).join();
        fx.drain();
        assertThat(vm.softProperty().get()).isFalse();
        vm.dispose();
    }

    @Test
    void theConsoleNeverOpensInEverything() {
        PurgeViewModel first = vm(DemoAccount.GLOBAL_TOKEN, prefs(), Optional.empty());
        first.modeProperty().set(PurgeMode.ALL);
        assertThat(vm(DemoAccount.GLOBAL_TOKEN, prefs(), Optional.empty()).modeProperty().get()).isEqualTo(PurgeMode.URLS);
        assertThat(PurgeViewModel.startMode("KEYS")).isEqualTo(PurgeMode.KEYS);
        assertThat(PurgeViewModel.startMode("nonsense")).isEqualTo(PurgeMode.URLS);
    }

    @Test
    void fastlyServiceIdPreselects() {
        String id = SANDBOX.server().account().services().get(4).id();
        PurgeViewModel vm = vm(DemoAccount.GLOBAL_TOKEN, prefs(), Optional.of(id));
        assertThat(vm.services().serviceIdProperty().get()).isEqualTo(id);
    }

    @Test
    void aTokenThatCannotListServicesCanStillPurgeATypedId() {
        PurgeViewModel vm = vm(DemoAccount.PURGE_SELECT_TOKEN, prefs(), Optional.empty());
        assertThat(vm.services().statusProperty().get())
                .startsWith("The API token is not allowed to do this").endsWith("You can still type a service ID above.");
        vm.services().filterTextProperty().set("not-an-id");
        assertThat(vm.services().serviceIdProperty().get()).isNull();
        vm.services().filterTextProperty().set(SANDBOX.service());
        assertThat(vm.services().serviceIdProperty().get()).isEqualTo(SANDBOX.service());
        vm.modeProperty().set(PurgeMode.KEYS);
        vm.keys().addText("homepage");
        vm.purge();
        // The summary is set just after the job stops running: wait for both.
        fx.runUntil(() -> !vm.results().runningProperty().get() && !vm.results().summaryProperty().get().isEmpty());
        assertThat(vm.results().summaryProperty().get()).isEqualTo("1 purged, 0 failed");
        assertThat(Sandboxes.object(SANDBOX.server(), SANDBOX.service(), o -> o.surrogateKeys().contains("homepage")).state())
                .isEqualTo(ObjectState.GONE);
    }

    @Test
    void retryFailedSendsOnlyTheFailedItemsAgain() {
        PurgeViewModel vm = vm(DemoAccount.GLOBAL_TOKEN, prefs(), Optional.empty());
        vm.urls().textProperty().set("https://www.example.com/a\nhttps://www.example.com/b");
        SANDBOX.server().setFaults(FaultSettings.none().withErrorRate(1.0, 500));
        vm.purge();
        fx.runUntil(() -> !vm.results().runningProperty().get());
        assertThat(vm.results().hasFailuresProperty().get()).isTrue();
        SANDBOX.server().clearFaults();
        SANDBOX.server().requests().clear();
        vm.retryFailed();
        fx.runUntil(() -> !vm.results().runningProperty().get() && vm.results().summaryProperty().get().startsWith("2 purged"));
        assertThat(SANDBOX.server().requests().count()).isEqualTo(2);
        assertThat(vm.results().purgeIds(java.util.List.of()).split("\n")).hasSize(2);
    }

    @Test
    void jobsFromTheHistoryOrAKeySetGoAtThePaceSetInSettings() throws Exception {
        SettingsStore.open(dataDir).update(st -> st.withConcurrency(1));
        PurgeViewModel vm = vm(DemoAccount.GLOBAL_TOKEN, prefs(), Optional.empty());
        long latency = 300;
        SANDBOX.server().setFaults(FaultSettings.none().withLatency(java.time.Duration.ofMillis(latency)));
        // The history and key sets hand over requests made at the client's default of 16 at once.
        java.util.List<String> urls = java.util.List.of("https://www.example.com/a", "https://www.example.com/b",
                "https://www.example.com/c");
        assertThat(vm.run(dev.purgedeck.fastly.JobRequest.urls(null, urls, dev.purgedeck.fastly.PurgeOptions.HARD,
                dev.purgedeck.fastly.JobRequest.DEFAULT_CONCURRENCY))).isEmpty();
        fx.runUntil(() -> !vm.results().runningProperty().get() && vm.results().summaryProperty().get().startsWith("3 purged"));
        java.util.List<java.time.Instant> arrivals = SANDBOX.server().requests().all().stream()
                .map(dev.purgedeck.sandbox.RecordedRequest::at).sorted().toList();
        // One at a time: each request arrived only after the one before had been answered.
        assertThat(arrivals).hasSize(3);
        for (int i = 1; i < arrivals.size(); i++) {
            assertThat(java.time.Duration.between(arrivals.get(i - 1), arrivals.get(i)).toMillis())
                    .isGreaterThanOrEqualTo(latency);
        }
    }

    @Test
    void anUnreadableDropIsReportedWhereItWasDropped() throws Exception {
        PurgeViewModel vm = vm(DemoAccount.GLOBAL_TOKEN, prefs(), Optional.empty());
        Path binary = Files.write(dataDir.resolve("x.bin"), new byte[] {(byte) 0xC3, (byte) 0x28, 0, (byte) 0xFF});
        Path list = Files.writeString(dataDir.resolve("urls.txt"), "https://www.example.com/a\nhttps://www.example.com/b\n",
                StandardCharsets.UTF_8);
        assertThat(vm.drop(List.of(binary, list), null)).isTrue();
        fx.drain(); // the files are read off the UI thread; their text and problems cross back here
        assertThat(vm.errorProperty().get()).isEqualTo("Could not read x.bin: it is not a readable UTF-8 text file.");
        // The readable file dropped with it still arrives.
        assertThat(vm.urls().validUrls()).hasSize(2);
        assertThat(vm.drop(List.of(), "https://www.example.com/c")).isTrue();
        assertThat(vm.urls().validUrls()).hasSize(3);
    }
}
