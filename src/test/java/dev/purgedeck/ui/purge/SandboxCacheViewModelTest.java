package dev.purgedeck.ui.purge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.fastly.PurgeOptions;
import dev.purgedeck.fastly.SandboxAdmin;
import dev.purgedeck.sandbox.DemoAccount;
import dev.purgedeck.testsupport.CannedServer;
import dev.purgedeck.testsupport.Clients;
import dev.purgedeck.testsupport.SandboxExtension;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The cache panel's model reads the sandbox over HTTP only; answers cross to a stand-in UI thread in one place. */
class SandboxCacheViewModelTest {
    @RegisterExtension
    static final SandboxExtension SANDBOX = new SandboxExtension();

    private final BlockingQueue<Runnable> ui = new LinkedBlockingQueue<>();

    private SandboxCacheViewModel model(java.net.URI endpoint) {
        return new SandboxCacheViewModel(new SandboxAdmin(HttpClient.newHttpClient(), Clients.MAPPER, endpoint), ui::add);
    }

    /** Runs the next step handed to the UI thread, waiting for the answer that brings it. */
    private void runUiStep() throws InterruptedException {
        Runnable step = ui.poll(10, TimeUnit.SECONDS);
        assertThat(step).as("an answer crossed to the UI thread").isNotNull();
        step.run();
    }

    @Test
    void showsADemoServicesObjectsAndTheirStatesAfterAPurge() throws Throwable {
        SandboxCacheViewModel model = model(SANDBOX.server().baseUri());
        model.show(SANDBOX.service());
        assertThat(model.objects()).as("nothing changes before the answer crosses to the UI").isEmpty();
        runUiStep();
        assertThat(model.objects()).isNotEmpty().allMatch(o -> o.state().equals("fresh"));
        int count = model.objects().size();
        assertThat(model.summaryProperty().get()).isEqualTo(count + " objects: " + count + " fresh, 0 stale, 0 gone");

        String url = model.objects().get(0).url();
        Clients.await(Clients.client(SANDBOX.server().baseUri(), DemoAccount.GLOBAL_TOKEN, Clients.FAST_RETRY)
                .purgeUrl(url, PurgeOptions.HARD));
        model.refresh();
        runUiStep();
        assertThat(model.objects()).anyMatch(o -> o.url().equals(url) && o.state().equals("gone"));
        assertThat(model.summaryProperty().get()).endsWith("1 gone");

        model.reseed();
        runUiStep(); // the reseed's answer, which asks again
        runUiStep();
        assertThat(model.objects()).allMatch(o -> o.state().equals("fresh"));
        assertThat(model.availableProperty().get()).isTrue();
    }

    @Test
    void publishSaysWhichVersionTheOriginNowHasAndThatTheEdgeKeepsTheOldOne() throws InterruptedException {
        SandboxCacheViewModel model = model(SANDBOX.server().baseUri());
        model.show(SANDBOX.service());
        runUiStep();
        SandboxAdmin.CachedItem first = model.objects().get(0);

        model.publish(first);
        assertThat(model.noticeProperty().get()).startsWith("Publishing ");
        runUiStep(); // the publish answer, which asks for the objects again
        runUiStep();

        assertThat(model.noticeProperty().get()).isEqualTo("Version 2 is published. The edge keeps serving version 1 "
                + "until you purge the page or its copy expires.");
        assertThat(model.objects()).filteredOn(o -> o.url().equals(first.url())).singleElement()
                .extracting(SandboxAdmin.CachedItem::version).isEqualTo(1);

        model.publish(new SandboxAdmin.CachedItem("https://www.dailycourier.example/no-such-page", List.of(),
                "fresh", null, 1));
        runUiStep();
        assertThat(model.noticeProperty().get())
                .isEqualTo("The demo origin has no page https://www.dailycourier.example/no-such-page.");
        assertThat(model.availableProperty().get()).isTrue();
    }

    @Test
    void aServiceTheSandboxDoesNotKnowShowsNothing() throws InterruptedException {
        SandboxCacheViewModel model = model(SANDBOX.server().baseUri());
        model.show("NotADemoService0000001");
        runUiStep();
        assertThat(model.objects()).isEmpty();
        assertThat(model.summaryProperty().get()).startsWith("Choose a demo service");
        assertThat(model.availableProperty().get()).isTrue();
    }

    @Test
    void anEndpointThatIsNoSandboxHidesThePanelAndSaysWhy() throws InterruptedException {
        try (CannedServer other = CannedServer.answering(200, "text/html", "<html>a dev proxy</html>", Map.of())) {
            SandboxCacheViewModel model = model(other.baseUri());
            model.show("SU1Z0isxPaozGVKXdv0eY");
            runUiStep();
            assertThat(model.availableProperty().get()).isFalse();
            assertThat(model.summaryProperty().get()).contains("is not a PurgeDeck sandbox");
        }
    }

    @Test
    void anOlderAnswerNeverReplacesANewerChoice() throws InterruptedException {
        SandboxCacheViewModel model = model(SANDBOX.server().baseUri());
        model.show(SANDBOX.service());
        model.show("NotADemoService0000001");
        runUiStep();
        runUiStep();
        assertThat(model.objects()).as("the first service's answer arrived for a choice no longer made").isEmpty();
    }
}
