package dev.purgedeck.ui.history;

import static dev.purgedeck.testsupport.Clients.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.fastly.FastlyEvent;
import dev.purgedeck.fastly.PurgeKind;
import dev.purgedeck.fastly.PurgeOptions;
import dev.purgedeck.history.HistoryEntry;
import dev.purgedeck.history.OutsidePurgeAlls;
import dev.purgedeck.sandbox.DemoAccount;
import dev.purgedeck.testsupport.Clients;
import dev.purgedeck.testsupport.OutsideEvents;
import dev.purgedeck.testsupport.SandboxExtension;
import dev.purgedeck.testsupport.UiQueue;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The event-log part of History without the toolkit: results arrive through the given executor. */
class EventLogViewModelTest {
    @RegisterExtension
    static final SandboxExtension SANDBOX = new SandboxExtension();

    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> new Thread(r, "history-pass"));

    @AfterEach
    void stop() {
        background.shutdownNow();
    }

    private EventLogViewModel vm(String token, List<HistoryEntry> local, CompletableFuture<Void> shown) {
        return new EventLogViewModel(() -> Clients.client(SANDBOX.server().baseUri(), token, Clients.FAST_RETRY),
                () -> local, background, r -> {
                    r.run();
                    shown.complete(null);
                }, Clock.systemUTC());
    }

    @Test
    void showsOnlyThePurgeAllsPurgeDeckDidNotMake() throws Throwable {
        String svc = SANDBOX.service();
        await(Clients.client(SANDBOX.server().baseUri(), DemoAccount.GLOBAL_TOKEN, Clients.FAST_RETRY)
                .purgeAll(svc, PurgeOptions.HARD));
        HistoryEntry ours = new HistoryEntry("job1", Instant.now(), "p", "sandbox", "http://127.0.0.1", svc, "Courier",
                PurgeKind.ALL, svc, false, "production", HistoryEntry.Outcome.OK, null, 200, null, 1, 5, "me", "1");
        OutsideEvents.purgeAll(SANDBOX.server().baseUri(), svc, "WebUiUser01", "203.0.113.9",
                Instant.now().minusSeconds(7200));
        CompletableFuture<Void> shown = new CompletableFuture<>();
        EventLogViewModel vm = vm(DemoAccount.READ_ONLY_TOKEN, List.of(ours), shown);

        vm.check();
        shown.get(30, TimeUnit.SECONDS);

        assertThat(vm.rows()).extracting(FastlyEvent::userId).containsExactly("WebUiUser01");
        // The log holds the ID only; the name comes from what the window knows (here the history's record).
        assertThat(vm.serviceLabel(vm.rows().get(0))).isEqualTo("Courier (" + svc + ")");
        assertThat(vm.rows().get(0).ip()).isEqualTo("203.0.113.9");
        assertThat(vm.statusProperty().get()).startsWith("1 purge-all made outside PurgeDeck");
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void thePassOverTheWholeHistoryRunsInTheBackgroundAndOnlyItsResultOnTheUiThread() {
        UiQueue ui = new UiQueue();
        List<String> readBy = new CopyOnWriteArrayList<>();
        EventLogViewModel vm = new EventLogViewModel(
                () -> Clients.client(SANDBOX.server().baseUri(), DemoAccount.READ_ONLY_TOKEN, Clients.FAST_RETRY),
                () -> {
                    readBy.add(Thread.currentThread().getName());
                    return List.of();
                }, background, ui, Clock.systemUTC());

        vm.check();
        ui.runUntil(() -> !vm.busyProperty().get());

        // The UI queue runs only on this test's thread: the history was read and compared elsewhere.
        assertThat(readBy).containsExactly("history-pass");
        assertThat(vm.statusProperty().get()).contains("outside PurgeDeck in the last 30 days");
    }

    @Test
    void saysPlainlyWhenTheTokenMayNotReadTheLog() throws Exception {
        CompletableFuture<Void> shown = new CompletableFuture<>();
        EventLogViewModel vm = vm(DemoAccount.PURGE_SELECT_TOKEN, List.of(), shown);

        vm.check();
        shown.get(30, TimeUnit.SECONDS);

        assertThat(vm.rows()).isEmpty();
        assertThat(vm.statusProperty().get()).isEqualTo(OutsidePurgeAlls.NOT_ALLOWED);
    }
}
