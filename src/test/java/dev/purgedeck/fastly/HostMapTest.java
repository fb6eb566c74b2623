package dev.purgedeck.fastly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.sandbox.DemoAccount;
import dev.purgedeck.settings.HostMapStore;
import dev.purgedeck.testsupport.Clients;
import dev.purgedeck.testsupport.SandboxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The host → service map: built from the sandbox's services over real HTTP, routed, and kept in the data folder. */
class HostMapTest {
    @RegisterExtension
    static final SandboxExtension SANDBOX = new SandboxExtension();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-05T10:00:00Z"), ZoneOffset.UTC);

    private static HostMap load(String token) throws Throwable {
        FastlyClient client = Clients.client(SANDBOX.server().baseUri(), token, Clients.FAST_RETRY);
        return Clients.await(new HostMapLoader(client, CLOCK).load());
    }

    private static String idOf(String name) {
        return SANDBOX.server().account().services().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow().id();
    }

    @Test
    void theClientReadsTheActiveVersionsDomains() throws Throwable {
        FastlyClient client = Clients.client(SANDBOX.server().baseUri(), DemoAccount.GLOBAL_TOKEN, Clients.FAST_RETRY);

        assertThat(Clients.await(client.activeDomains(idOf("Northwind Shop"))))
                .containsExactly("shop.northwind.example", "www.northwind.example");
        assertThat(SANDBOX.server().requests().all()).singleElement().satisfies(r -> assertThat(r.rawPathAndQuery())
                .isEqualTo("/service/" + idOf("Northwind Shop") + "/details?filter%5Bversions.active%5D=true"));
    }

    @Test
    void everyVisibleServicesDomainsMapToIt() throws Throwable {
        HostMap map = load(DemoAccount.GLOBAL_TOKEN);

        assertThat(map.state()).isEqualTo(HostMap.State.READY);
        assertThat(map.loadedAt()).isEqualTo(CLOCK.instant());
        assertThat(map.serviceOf("www.dailycourier.example")).map(ServiceInfo::id).contains(idOf("Daily Courier — www"));
        assertThat(map.serviceOf("DOCS.northwind.example")).map(ServiceInfo::name).contains("Northwind Docs");
        assertThat(map.serviceOf("news.example.org")).isEmpty();
        // One list request and one detail request per service, nothing else.
        int services = SANDBOX.server().account().services().size();
        assertThat(SANDBOX.server().requests().all()).hasSize(services + 1);
    }

    @Test
    void aTokenThatMayOnlyPurgeCannotCheckHostsAndWarnsOfNothing() throws Throwable {
        HostMap map = load(DemoAccount.PURGE_SELECT_TOKEN);

        assertThat(map.state()).isEqualTo(HostMap.State.NO_ACCESS);
        assertThat(map.canCheck()).isFalse();
        HostMap.Routing r = map.route(List.of("https://news.example.org/a"));
        assertThat(r.unknown()).isEmpty();
        assertThat(r.summary()).isEmpty();
    }

    @Test
    void aMapNeverLoadedRoutesNothingAndWarnsOfNothing() {
        HostMap.Routing r = HostMap.UNKNOWN.route(List.of("https://www.dailycourier.example/news", "not a url"));

        assertThat(r.services()).isEmpty();
        assertThat(r.unknown()).isEmpty();
        assertThat(r.summary()).isEmpty();
    }

    @Test
    void urlsAreRoutedToTheirServicesAndUnknownHostsNamed() throws Throwable {
        HostMap map = load(DemoAccount.GLOBAL_TOKEN);
        HostMap.Routing r = map.route(List.of("https://www.dailycourier.example/news",
                "https://dailycourier.example/", "www.dailycourier.example/sport", "https://shop.northwind.example/cart",
                "https://news.example.org/a", "https://news.example.org/b"));

        assertThat(r.summary()).isEqualTo("3 URLs \u2192 Daily Courier \u2014 www, 1 \u2192 Northwind Shop, 1 unknown host");
        assertThat(r.unknownHosts()).containsExactly("news.example.org");
        assertThat(r.single()).isEmpty();
        assertThat(map.route(List.of("https://shop.northwind.example/a", "https://www.northwind.example/"))
                .single()).map(ServiceInfo::name).contains("Northwind Shop");
    }

    @Test
    void aWildcardDomainServesOneLevelOfSubdomains() {
        ServiceInfo s = ServiceInfo.named("SU1Z0isxPaozGVKXdv0eY", "Wild");
        HostMap map = HostMap.of(Map.of(s, List.of("*.wild.example")), CLOCK.instant());

        assertThat(map.serviceOf("a.wild.example")).contains(s);
        assertThat(map.serviceOf("wild.example")).isEmpty();
        assertThat(map.serviceOf("a.b.wild.example")).isEmpty();
    }

    @Test
    void theMapIsKeptPerProfileAndEndpointAndSurvivesAReload(@TempDir Path dir) throws Throwable {
        HostMap map = load(DemoAccount.GLOBAL_TOKEN);
        HostMapStore store = new HostMapStore(dir);
        store.save("Sandbox", "http://127.0.0.1:1", map);
        store.save("limited", "https://api.fastly.com", HostMap.noAccess(CLOCK.instant()));

        HostMap back = new HostMapStore(dir).load("Sandbox", "http://127.0.0.1:1");
        assertThat(back.hosts()).containsOnlyKeys(map.hosts().keySet());
        assertThat(back.serviceOf("shop.northwind.example")).map(ServiceInfo::name).contains("Northwind Shop");
        assertThat(back.loadedAt()).isEqualTo(CLOCK.instant());
        assertThat(store.load("limited", "https://api.fastly.com").state()).isEqualTo(HostMap.State.NO_ACCESS);
        assertThat(store.load("Sandbox", "http://127.0.0.1:2")).isEqualTo(HostMap.UNKNOWN);

        Files.writeString(dir.resolve("hosts.json"), "{ damaged");
        assertThat(new HostMapStore(dir).load("Sandbox", "http://127.0.0.1:1")).isEqualTo(HostMap.UNKNOWN);
    }

    @Test
    void onlyTheMostRecentMapsAreKept(@TempDir Path dir) throws Exception {
        HostMapStore store = new HostMapStore(dir);
        for (int port = 1; port <= 15; port++) {
            store.save("Sandbox", "http://127.0.0.1:" + port, HostMap.noAccess(CLOCK.instant()));
        }

        assertThat(store.load("Sandbox", "http://127.0.0.1:3")).isEqualTo(HostMap.UNKNOWN);
        assertThat(store.load("Sandbox", "http://127.0.0.1:4").state()).isEqualTo(HostMap.State.NO_ACCESS);
        assertThat(store.load("Sandbox", "http://127.0.0.1:15").state()).isEqualTo(HostMap.State.NO_ACCESS);
    }
}
