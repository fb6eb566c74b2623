package dev.purgedeck.ui.purge;

import static dev.purgedeck.testsupport.ConsoleHarness.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.fastly.SandboxAdmin;
import dev.purgedeck.testsupport.ConsoleTest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** The cache panel's "Publish new version" changes the page at the sandbox origin, not at the edge (issue 15). */
class SandboxCachePublishTest extends ConsoleTest {
    private static final String NEWS = "https://www.dailycourier.example/news";

    @Test
    void publishingTheSelectedPageLeavesTheEdgeOnTheOldVersionUntilAPurge(FxRobot robot) throws Exception {
        waitUntil(() -> console.window().purge().services().selectedProperty().get() != null);
        ListView<SandboxAdmin.CachedItem> list = robot.lookup("#sandboxCacheList").queryListView();
        waitUntil(() -> list.getItems().stream().anyMatch(o -> o.url().equals(NEWS)));
        assertThat(robot.lookup("#publishVersion").queryAs(Button.class).isDisabled()).isTrue();

        robot.interact(() -> list.getSelectionModel().select(
                list.getItems().stream().filter(o -> o.url().equals(NEWS)).findFirst().orElseThrow()));
        robot.clickOn("#publishVersion");

        Label notice = robot.lookup("#sandboxCacheNotice").queryAs(Label.class);
        waitUntil(() -> notice.getText().startsWith("Version 2 is published"));
        assertThat(notice.getText()).contains("keeps serving version 1");
        assertThat(list.getItems()).filteredOn(o -> o.url().equals(NEWS)).singleElement()
                .extracting(SandboxAdmin.CachedItem::version).isEqualTo(1);
        assertThat(list.getSelectionModel().getSelectedItem().url()).as("still selected after the refresh")
                .isEqualTo(NEWS);
        assertThat(pageVersion()).isEqualTo(1);
        HttpResponse<String> purge = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(SANDBOX.server().baseUri() + "/purge/" + NEWS)).POST(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(purge.statusCode()).isEqualTo(200);
        assertThat(pageVersion()).isEqualTo(2);
    }

    /** The version in the page body, fetched as the app fetches demo pages: through the sandbox as a proxy. */
    private static int pageVersion() throws IOException, InterruptedException {
        HttpClient pages = HttpClient.newBuilder()
                .proxy(ProxySelector.of(new InetSocketAddress("127.0.0.1", SANDBOX.server().port()))).build();
        String body = pages.send(HttpRequest.newBuilder(URI.create(NEWS.replace("https:", "http:")))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
        int at = body.indexOf("<meta name=\"version\" content=\"");
        assertThat(at).as("a version in " + body).isNotNegative();
        int from = at + "<meta name=\"version\" content=\"".length();
        return Integer.parseInt(body.substring(from, body.indexOf('"', from)));
    }
}
