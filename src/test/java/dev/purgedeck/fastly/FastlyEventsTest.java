package dev.purgedeck.fastly;

import static dev.purgedeck.testsupport.Clients.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.sandbox.DemoAccount;
import dev.purgedeck.sandbox.SandboxServer;
import dev.purgedeck.testsupport.Clients;
import dev.purgedeck.testsupport.OutsideEvents;
import dev.purgedeck.testsupport.SandboxExtension;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Reading purge-alls from Fastly's event log over HTTP, against the sandbox. */
class FastlyEventsTest {
    @RegisterExtension
    static final SandboxExtension SANDBOX = new SandboxExtension();

    private FastlyClient client(String token) {
        return Clients.client(SANDBOX.server().baseUri(), token, Clients.FAST_RETRY);
    }

    @Test
    void readsPurgeAllsWhoeverMadeThemNewestFirst() throws Throwable {
        SandboxServer sbx = SANDBOX.server();
        Instant start = Instant.now().minusSeconds(5);
        await(client(DemoAccount.PURGE_ALL_TOKEN).purgeAll(SANDBOX.service(), PurgeOptions.HARD));
        OutsideEvents.purgeAll(sbx.baseUri(), SANDBOX.service(), "CliUser", "198.51.100.4", Instant.now().plusSeconds(1));

        List<FastlyEvent> events = await(client(DemoAccount.GLOBAL_TOKEN).purgeAllEvents(start));

        assertThat(events).hasSize(2);
        assertThat(events.get(0).userId()).isEqualTo("CliUser");
        assertThat(events.get(0).ip()).isEqualTo("198.51.100.4");
        assertThat(events.get(1).tokenId()).isEqualTo("SbxTokenPurgeAll000003");
        assertThat(events).allMatch(e -> e.eventType().equals("service.purge_all")
                && e.serviceId().equals(SANDBOX.service()));
    }

    @Test
    void followsNextLinksKeepingTheFilters() throws Throwable {
        Instant base = Instant.parse("2001-01-01T00:00:00Z");
        for (int i = 0; i < 150; i++) {
            OutsideEvents.purgeAll(SANDBOX.server().baseUri(), SANDBOX.service(), "Old" + i, "192.0.2.1",
                    base.plusSeconds(i));
        }

        List<FastlyEvent> events = await(client(DemoAccount.READ_ONLY_TOKEN).purgeAllEvents(base.plusSeconds(20)));

        List<FastlyEvent> old = events.stream().filter(e -> e.userId().startsWith("Old")).toList();
        assertThat(old).hasSize(130);
        assertThat(old.get(0).userId()).isEqualTo("Old149");
        assertThat(old.get(129).userId()).isEqualTo("Old20");
    }

    @Test
    void aTokenThatMayNotReadTheLogFailsWith403() {
        Throwable t = Clients.failure(client(DemoAccount.PURGE_SELECT_TOKEN).purgeAllEvents(Instant.EPOCH));

        assertThat(t).isInstanceOf(FastlyApiException.class);
        assertThat(((FastlyApiException) t).status()).isEqualTo(403);
    }
}
