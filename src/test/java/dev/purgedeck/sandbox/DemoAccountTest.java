package dev.purgedeck.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DemoAccountTest {
    private static final List<String> TOKENS = List.of(DemoAccount.GLOBAL_TOKEN, DemoAccount.PURGE_SELECT_TOKEN,
            DemoAccount.PURGE_ALL_TOKEN, DemoAccount.READ_ONLY_TOKEN, DemoAccount.RESTRICTED_TOKEN,
            DemoAccount.EXPIRED_TOKEN);

    @Test
    void tokensAreDistinct32CharStrings() {
        assertThat(new HashSet<>(TOKENS)).hasSize(6);
        assertThat(TOKENS).allMatch(t -> t.matches("[A-Za-z0-9_-]{32}"));
    }

    @Test
    void fiveDemoServicesWithStableIdsAndObjects() {
        DemoAccount account = DemoCatalog.account(false);
        EdgeCache cache = new EdgeCache(DemoCatalog.seeds(account));

        assertThat(account.services()).hasSize(5);
        assertThat(account.services()).allSatisfy(s -> {
            assertThat(s.id()).matches("[A-Za-z0-9]{22}");
            assertThat(s.domains()).isNotEmpty();
            assertThat(cache.objects(s.id())).hasSizeBetween(10, 20);
            assertThat(cache.objects(s.id())).allMatch(o -> o.url().startsWith("https://" ) && o.state() == ObjectState.FRESH);
        });
        assertThat(account.service(SandboxClient.SHOP).orElseThrow().name()).isEqualTo("Northwind Shop");
        assertThat(account.serviceForHost("SHOP.northwind.example")).map(DemoService::id).hasValue(SandboxClient.SHOP);
    }

    @Test
    void manyServicesAddsTwoHundredFiftyUniqueOnes() {
        DemoAccount account = DemoCatalog.account(true);
        Set<String> ids = new HashSet<>();
        account.services().forEach(s -> ids.add(s.id()));

        assertThat(ids).hasSize(255);
        assertThat(account.services().get(5).name()).isEqualTo("Load Test 001");
        assertThat(account.services().get(254).name()).isEqualTo("Load Test 250");
        assertThat(DemoCatalog.account(true).services()).isEqualTo(account.services());
    }

    @Test
    void edgeCacheUnknownServiceIsEmptyAndEnvironmentIsChecked() {
        EdgeCache cache = new EdgeCache(DemoCatalog.seeds(DemoCatalog.account(false)));

        assertThat(cache.objects("nope")).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> cache.objects(SandboxClient.SVC1, "qa"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * The defaults behave as Fastly documents it: a URL purge needs no token (docs/fastly-api.md §3a: Fastly-Key is
     * optional unless the service requires auth) and is answered in the cache node's spaced JSON
     * (docs/fastly-api.md §3b); purge_all counts against 1,000 requests an hour (docs/fastly-api.md §9); a token
     * restricted to other services sees 404, not 403 (docs/fastly-api.md §8.3); a scoped token may not read
     * /current_user (docs/fastly-api.md §10.4). The port is a free one, so sandboxes never clash.
     */
    @Test
    void defaultsBehaveAsFastlyDocuments() {
        try (SandboxClient sbx = SandboxClient.start(SandboxConfig.defaults())) {
            assertThat(sbx.server.port()).isPositive();
            HttpResponse<String> url = sbx.post("/purge/" + UrlPurgeTest.ARTICLE, null);
            assertThat(url.statusCode()).isEqualTo(200);
            assertThat(url.body()).matches("\\{ \"status\": \"ok\", \"id\": \"" + UrlPurgeTest.ID + "\" }");
            HttpResponse<String> all = sbx.post("/service/" + SandboxClient.SVC1 + "/purge_all", DemoAccount.GLOBAL_TOKEN);
            assertThat(all.statusCode()).isEqualTo(200);
            assertThat(all.headers().firstValue("Fastly-RateLimit-Remaining")).hasValue("999");
            HttpResponse<String> restricted = sbx.post("/service/" + SandboxClient.SVC2 + "/purge/logo",
                    DemoAccount.RESTRICTED_TOKEN);
            assertThat(restricted.statusCode()).isEqualTo(404);
            assertThat(sbx.get("/current_user", DemoAccount.PURGE_SELECT_TOKEN).statusCode()).isEqualTo(403);
        }
    }
}
