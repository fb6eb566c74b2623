package dev.purgedeck.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

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

    @Test
    void configDefaults() {
        SandboxConfig c = SandboxConfig.defaults();

        assertThat(c.port()).isZero();
        assertThat(c.prettyKeyPurgeJson()).isTrue();
        assertThat(c.purgeAllHourlyLimit()).isEqualTo(1000);
        assertThat(c.currentUserForbiddenForScopedTokens()).isTrue();
        assertThat(c.restrictedServiceStatus()).isEqualTo(404);
        assertThat(c.urlPurgeRequiresAuth()).isFalse();
        assertThat(c.faults()).isEqualTo(FaultSettings.none());
    }
}
