package dev.purgedeck.fastly;

import static dev.purgedeck.testsupport.Clients.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.sandbox.DemoAccount;
import dev.purgedeck.sandbox.SandboxConfig;
import dev.purgedeck.sandbox.SandboxServer;
import dev.purgedeck.testsupport.Clients;
import dev.purgedeck.testsupport.Sandboxes;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The service list follows Link pages to the end, and restricted tokens see only their services. */
class ServiceListTest {
    @Test
    void followsLinkPagesAcross255Services() throws Throwable {
        try (SandboxServer s = Sandboxes.start(SandboxConfig.builder().manyServices(true).build())) {
            List<ServiceInfo> services = await(Clients.client(s.baseUri(), DemoAccount.GLOBAL_TOKEN, Clients.FAST_RETRY).listServices());
            assertThat(services).hasSize(s.account().services().size()).hasSizeGreaterThanOrEqualTo(255);
            assertThat(services).extracting(ServiceInfo::id).doesNotHaveDuplicates()
                    .containsExactlyElementsOf(s.account().services().stream().map(d -> d.id()).toList());
            assertThat(services.get(0).name()).isEqualTo(s.account().services().get(0).name());
            assertThat(s.requests().count()).isEqualTo((services.size() + 99) / 100);
        }
    }

    @Test
    void restrictedTokenSeesItsServiceOnly() throws Throwable {
        try (SandboxServer s = Sandboxes.start()) {
            List<ServiceInfo> services =
                    await(Clients.client(s.baseUri(), DemoAccount.RESTRICTED_TOKEN, Clients.FAST_RETRY).listServices());
            assertThat(services).extracting(ServiceInfo::id).containsExactly(Sandboxes.firstService(s).id());
        }
    }

    @Test
    void purgeOnlyTokenCannotListServices() {
        try (SandboxServer s = Sandboxes.start()) {
            Throwable e = Clients.failure(Clients.client(s.baseUri(), DemoAccount.PURGE_SELECT_TOKEN, Clients.FAST_RETRY).listServices());
            assertThat(e).isInstanceOfSatisfying(FastlyApiException.class,
                    f -> assertThat(f.kind()).isEqualTo(FastlyApiException.Kind.FORBIDDEN));
        }
    }

    @Test
    void oneServiceByIdTakesOneRequestHoweverManyThereAre() throws Throwable {
        try (SandboxServer s = Sandboxes.start(SandboxConfig.builder().manyServices(true).build())) {
            var last = s.account().services().get(s.account().services().size() - 1);
            ServiceInfo one = await(Clients.client(s.baseUri(), DemoAccount.GLOBAL_TOKEN, Clients.FAST_RETRY).service(last.id()));
            assertThat(one.id()).isEqualTo(last.id());
            assertThat(one.name()).isEqualTo(last.name());
            assertThat(s.requests().all()).singleElement()
                    .satisfies(r -> assertThat(r.rawPathAndQuery()).isEqualTo("/service/" + last.id()));
        }
    }

    @Test
    void anUnknownOrForbiddenServiceIsAPlainFailure() {
        try (SandboxServer s = Sandboxes.start()) {
            Throwable unknown = Clients.failure(Clients.client(s.baseUri(), DemoAccount.GLOBAL_TOKEN, Clients.FAST_RETRY)
                    .service("AAAAAAAAAAAAAAAAAAAAAA"));
            assertThat(unknown).isInstanceOfSatisfying(FastlyApiException.class,
                    f -> assertThat(f.status()).isEqualTo(400));
            Throwable forbidden = Clients.failure(Clients.client(s.baseUri(), DemoAccount.PURGE_SELECT_TOKEN, Clients.FAST_RETRY)
                    .service(Sandboxes.firstService(s).id()));
            assertThat(forbidden).isInstanceOfSatisfying(FastlyApiException.class,
                    f -> assertThat(f.kind()).isEqualTo(FastlyApiException.Kind.FORBIDDEN));
            Throwable invalid = Clients.failure(Clients.client(s.baseUri(), DemoAccount.GLOBAL_TOKEN, Clients.FAST_RETRY)
                    .service("not an id"));
            assertThat(invalid).isInstanceOf(InvalidInputException.class);
        }
    }
}
