package dev.purgedeck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * {@code purgedeck inspect} with the Sandbox profile (no token set): the demo pages come from the sandbox's edge, as
 * in the window.
 */
class InspectSandboxCliTest extends SandboxCliTest {
    @Test
    void theSandboxProfileInspectsTheDemoPagesThroughTheSandbox() throws Exception {
        cli.env.remove("FASTLY_API_TOKEN");
        CliHarness.Result r = cli.run("inspect", "--json", "https://www.dailycourier.example/news",
                "https://www.northwind.example/");
        assertThat(r.code()).as(r.toString()).isEqualTo(Cli.OK);
        JsonNode pages = new ObjectMapper().readTree(r.out()).get("pages");
        assertThat(pages.get(0).get("surrogate_keys")).extracting(JsonNode::asText).contains("news", "article/4711");
        assertThat(pages.get(0).get("shield").get("pop").isTextual()).isTrue();
        assertThat(pages.get(1).get("verdict").asText()).isEqualTo("redirect");
        assertThat(pages.get(1).get("redirect_target").asText()).isEqualTo("https://shop.northwind.example/");

        CliHarness.Result text = cli.run("inspect", "https://www.dailycourier.example/news");
        assertThat(text.out()).contains("Served from Fastly's cache at the edge").containsPattern("surrogate keys +.*news");
    }
}
