package dev.purgedeck.fastly;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.purgedeck.testsupport.Clients;
import dev.purgedeck.testsupport.SandboxExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The client of the sandbox's edge controls talks to the real endpoints over HTTP. */
class SandboxAdminTest {
    @RegisterExtension
    static final SandboxExtension SANDBOX = new SandboxExtension();

    private final SandboxAdmin admin = new SandboxAdmin(HttpClient.newHttpClient(), Clients.MAPPER,
            SANDBOX.server().baseUri());

    @Test
    void publishAnswersTheNewVersionAndCountsUp() throws Throwable {
        assertThat(Clients.await(admin.publish("https://shop.northwind.example/category/kitchen"))).isEqualTo(2);
        assertThat(Clients.await(admin.publish("https://shop.northwind.example/category/kitchen"))).isEqualTo(3);
        assertThat(Clients.failure(admin.publish("https://shop.northwind.example/nope")))
                .isInstanceOfSatisfying(FastlyApiException.class,
                        e -> assertThat(e.kind()).isEqualTo(FastlyApiException.Kind.NOT_FOUND));
    }

    @Test
    void configureEdgeSetsSeedAndDelay() throws Throwable {
        Clients.await(admin.configureEdge(42, Duration.ofMillis(1500)));

        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(SANDBOX.server().baseUri() + "/_sandbox/edge")).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode edge = Clients.MAPPER.readTree(r.body());
        assertThat(edge.get("seed").asLong()).isEqualTo(42);
        assertThat(edge.get("max_propagation_delay_ms").asLong()).isEqualTo(1500);
        Clients.await(admin.configureEdge(20250615L, Duration.ZERO));
    }
}
