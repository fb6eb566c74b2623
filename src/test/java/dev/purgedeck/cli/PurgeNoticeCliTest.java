package dev.purgedeck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.sandbox.DemoAccount;
import dev.purgedeck.settings.WebhookStore;
import dev.purgedeck.testsupport.CannedServer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** After a command-line purge the profile's webhook gets a team notice; a failing one only warns. */
class PurgeNoticeCliTest extends SandboxCliTest {

    @Test
    void theProfilesWebhookGetsTheNoticeWithoutTheToken() throws Exception {
        CompletableFuture<String> received = new CompletableFuture<>();
        try (CannedServer hook = CannedServer.handling(ex -> {
            received.complete(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            ex.sendResponseHeaders(200, -1);
            ex.close();
        })) {
            new WebhookStore(cli.dataDir).set(ConnectionResolver.ENVIRONMENT, hook.baseUri() + "/hook");

            CliHarness.Result r = cli.run("purge", "-s", service, "--key", "homepage", "--soft");

            assertThat(r.code()).as(r.toString()).isZero();
            String body = received.get(10, TimeUnit.SECONDS);
            assertThat(body).contains("purged 1 key (soft) on").contains(service).contains("1 purged, 0 failed")
                    .contains("Purge IDs: ").doesNotContain(DemoAccount.GLOBAL_TOKEN);
            assertThat(r.err()).doesNotContain("Team notice not sent");
        }
    }

    @Test
    void aFailingWebhookNeverFailsThePurge() throws Exception {
        try (CannedServer hook = CannedServer.answering(500, "text/plain", "oops", Map.of())) {
            new WebhookStore(cli.dataDir).set(ConnectionResolver.ENVIRONMENT, hook.baseUri() + "/hook");

            CliHarness.Result r = cli.run("purge", "-s", service, "--key", "homepage");

            assertThat(r.code()).as(r.toString()).isZero();
            assertThat(r.err()).contains("Team notice not sent: the webhook answered HTTP 500.")
                    .doesNotContain(hook.baseUri().toString());
        }
    }
}
