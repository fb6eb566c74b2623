package dev.purgedeck.fastly;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.purgedeck.sandbox.CachedObject;
import dev.purgedeck.sandbox.DemoAccount;
import dev.purgedeck.sandbox.ObjectState;
import dev.purgedeck.sandbox.RecordedRequest;
import dev.purgedeck.testsupport.Clients;
import dev.purgedeck.testsupport.SandboxExtension;
import dev.purgedeck.testsupport.Sandboxes;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PurgeCommandsTest {
    @RegisterExtension
    static final SandboxExtension SANDBOX = new SandboxExtension();

    private static final String SVC = "SU1Z0isxPaozGVKXdv0eY";
    private static final PurgeCommands FASTLY = new PurgeCommands(ClientConfig.FASTLY_API, true);

    @Test
    void quotedWordsReachTheCommandExactlyAsGivenWhateverTheyHold() throws Exception {
        List<String> hostile = List.of("plain", "a b", "it's", "$HOME", "`id`", "$(id)", "\"q\"", "=x", "-n", "a\\b",
                "*", "!1", "~", "x;y", "a'b'c", "line\nbreak", "https://x.example/a?b=1&c=[2]");
        StringBuilder script = new StringBuilder("printf '%s\\0'");
        hostile.forEach(w -> script.append(' ').append(ShellWords.quote(w)));

        assertThat(Arrays.asList(sh(script.toString(), null).split("\0", -1)).subList(0, hostile.size()))
                .containsExactlyElementsOf(hostile);
        assertThat(ShellWords.quote("homepage")).isEqualTo("homepage");
        assertThat(ShellWords.quote("=x")).isEqualTo("'=x'");
    }

    @Test
    void aUrlPurgeIsOnePostPerUrlWithTheTokenAsAVariable() {
        JobRequest r = JobRequest.urls(null, List.of("https://www.example.com/a?x=$1&y=2"), PurgeOptions.SOFT, 1);

        assertThat(FASTLY.curl(List.of(r))).isEqualTo("curl -sS -X POST --globoff "
                + "'https://api.fastly.com/purge/https://www.example.com/a?x=$1&y=2' -H 'Accept: application/json' "
                + "-H \"Fastly-Key: $FASTLY_API_TOKEN\" -H 'Fastly-Soft-Purge: 1'\n");
    }

    @Test
    void noTokenHeaderWhenTheAppSendsNone() {
        PurgeCommands tokenless = new PurgeCommands(URI.create("https://api.fastly.com/"), false);

        assertThat(tokenless.curl(List.of(JobRequest.urls(null, List.of("https://a.example/"), PurgeOptions.HARD, 1))))
                .doesNotContain("Fastly-Key").contains(" https://api.fastly.com/purge/https://a.example/ ");
    }

    @Test
    void keysGoInBatchesOf256WithAJsonBodyAsTheAppSendsThem() throws Exception {
        List<String> keys = IntStream.range(0, 300).mapToObj(i -> "k" + i).collect(java.util.stream.Collectors.toList());
        keys.set(7, "quote\"and'back\\slash");
        JobRequest r = JobRequest.keys(SVC, keys, new PurgeOptions(false, PurgeOptions.Environment.STAGING), 1);

        String[] lines = FASTLY.curl(List.of(r)).split("\n");

        assertThat(lines).hasSize(2).allSatisfy(l -> assertThat(l)
                .startsWith("curl -sS -X POST --globoff https://api.fastly.com/service/" + SVC + "/purge ")
                .contains("-H 'Fastly-Purge-Environment: staging'", "-H 'Content-Type: application/json'")
                .doesNotContain("Fastly-Soft-Purge"));
        List<String> words = shellWords(lines[0]);
        JsonNode body = Clients.MAPPER.readTree(words.get(words.indexOf("--data-binary") + 1));
        assertThat(body.get("surrogate_keys")).hasSize(256);
        assertThat(body.get("surrogate_keys").get(7).asText()).isEqualTo("quote\"and'back\\slash");
        words = shellWords(lines[1]);
        assertThat(Clients.MAPPER.readTree(words.get(words.indexOf("--data-binary") + 1)).get("surrogate_keys"))
                .hasSize(44);
    }

    @Test
    void theCopiedCurlCommandPurgesOnTheSandboxWithTheTokenFromTheEnvironment() throws Exception {
        String service = SANDBOX.service();
        CachedObject target = Sandboxes.object(SANDBOX.server(), service, o -> !o.surrogateKeys().isEmpty());
        String key = target.surrogateKeys().get(0);
        PurgeCommands sandbox = new PurgeCommands(SANDBOX.server().baseUri(), true);
        String command = sandbox.curl(List.of(JobRequest.keys(service, List.of(key), PurgeOptions.SOFT, 1)));

        assertThat(command).doesNotContain(DemoAccount.GLOBAL_TOKEN);
        String out = sh(command, DemoAccount.GLOBAL_TOKEN);

        assertThat(out).contains("\"" + key + "\"");
        RecordedRequest seen = SANDBOX.server().requests().all().get(0);
        assertThat(seen.headers()).containsEntry("fastly-soft-purge", "1").containsKey("fastly-key");
        assertThat(seen.body()).isEqualTo("{\"surrogate_keys\":[\"" + key + "\"]}");
        assertThat(Sandboxes.states(SANDBOX.server(), service)).containsEntry(target.url(), ObjectState.STALE);
    }

    @Test
    void theCliGetsAFileOf256KeysAtMostWrittenByAHereDoc() {
        List<String> keys = IntStream.range(0, 600).mapToObj(i -> "key-" + i).toList();
        String text = FASTLY.fastlyCli(List.of(JobRequest.keys(SVC, keys, PurgeOptions.SOFT, 1)));

        assertThat(text).startsWith("# The Fastly CLI reads your token from FASTLY_API_TOKEN.\n")
                .contains("cat > purge-keys-1.txt <<'END OF KEYS'\nkey-0\nkey-1\n",
                        "key-255\nEND OF KEYS\nfastly purge --service-id " + SVC + " --file purge-keys-1.txt --soft\n",
                        "cat > purge-keys-3.txt <<'END OF KEYS'\nkey-512\n",
                        "key-599\nEND OF KEYS\nfastly purge --service-id " + SVC + " --file purge-keys-3.txt --soft\n")
                .doesNotContain("purge-keys-4");
    }

    @Test
    void longKeysAreSplitSoEachFilesHeaderStaysWithin16KB() {
        List<String> keys = IntStream.range(0, 40).mapToObj(i -> String.format("%04d", i).repeat(250)).toList();

        List<List<String>> batches = PurgeCommands.cliBatches(keys);

        assertThat(batches).extracting(List::size).containsExactly(16, 16, 8);
        assertThat(batches).allSatisfy(b -> assertThat(String.join(" ", b).length())
                .isLessThanOrEqualTo(PurgeCommands.MAX_HEADER_BYTES));
    }

    @Test
    void theCliPurgesUrlsKeysAndEverythingAgainstTheSandboxEndpoint() {
        PurgeCommands sandbox = new PurgeCommands(URI.create("http://127.0.0.1:8123"), true);
        List<JobRequest> requests = List.of(JobRequest.urls(null, List.of("https://a.example/x&y"), PurgeOptions.HARD, 1),
                JobRequest.keys(SVC, List.of("-odd$key"), PurgeOptions.HARD, 1),
                JobRequest.all(SVC, PurgeOptions.HARD),
                JobRequest.keys(SVC, List.of("a"), new PurgeOptions(false, PurgeOptions.Environment.STAGING), 1));

        String env = "FASTLY_API_ENDPOINT=http://127.0.0.1:8123 FASTLY_ACCOUNT_ENDPOINT=http://127.0.0.1:8123 ";
        assertThat(sandbox.fastlyCli(requests).split("\n")).containsExactly(
                "# The Fastly CLI reads your token from FASTLY_API_TOKEN.",
                env + "fastly purge --url 'https://a.example/x&y'",
                env + "fastly purge --service-id " + SVC + " --key '-odd$key'",
                env + "fastly purge --service-id " + SVC + " --all",
                "# Left out: 1 staging purge(s); the Fastly CLI cannot purge staging (Fastly-Purge-Environment)."
                        + " Copy as curl instead.");
        assertThat(FASTLY.fastlyCli(requests)).doesNotContain("FASTLY_API_ENDPOINT");
    }

    @Test
    void rowsAreGroupedIntoRequestsByKindServiceAndOptions() {
        List<PurgeCommands.Item> items = List.of(
                new PurgeCommands.Item(PurgeKind.URL, "A", "https://a.example/1", PurgeOptions.HARD),
                new PurgeCommands.Item(PurgeKind.KEY, "A", "k1", PurgeOptions.HARD),
                new PurgeCommands.Item(PurgeKind.URL, "B", "https://b.example/2", PurgeOptions.HARD),
                new PurgeCommands.Item(PurgeKind.KEY, "B", "k1", PurgeOptions.HARD),
                new PurgeCommands.Item(PurgeKind.KEY, "A", "k2", PurgeOptions.SOFT),
                new PurgeCommands.Item(PurgeKind.KEY, "A", "k1", PurgeOptions.HARD));

        assertThat(PurgeCommands.group(items)).extracting(JobRequest::kind, JobRequest::serviceId, JobRequest::targets)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(PurgeKind.URL, null,
                                List.of("https://a.example/1", "https://b.example/2")),
                        org.assertj.core.groups.Tuple.tuple(PurgeKind.KEY, "A", List.of("k1")),
                        org.assertj.core.groups.Tuple.tuple(PurgeKind.KEY, "B", List.of("k1")),
                        org.assertj.core.groups.Tuple.tuple(PurgeKind.KEY, "A", List.of("k2")));
    }

    @Test
    void theTokenOfTheClientNeverAppears() {
        String secret = "realSecretToken0000000000000042";
        PurgeCommands commands = PurgeCommands.of(ClientConfig.of(ClientConfig.FASTLY_API, ApiToken.of(secret), "t"));
        List<JobRequest> all = List.of(JobRequest.urls(null, List.of("https://a.example/"), PurgeOptions.HARD, 1),
                JobRequest.keys(SVC, List.of("k"), PurgeOptions.HARD, 1), JobRequest.all(SVC, PurgeOptions.HARD));

        assertThat(commands.curl(all) + commands.fastlyCli(all)).doesNotContain(secret).contains("$FASTLY_API_TOKEN");
    }

    /** The words the shell makes of a command line, as printf sees them. */
    private static List<String> shellWords(String line) throws Exception {
        String out = sh("set -- " + line.substring("curl ".length()) + "; printf '%s\\0' \"$@\"", null);
        return new ArrayList<>(Arrays.asList(out.split("\0")));
    }

    private static String sh(String script, String token) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", script).redirectErrorStream(true);
        pb.environment().remove("FASTLY_API_TOKEN");
        if (token != null) {
            pb.environment().put("FASTLY_API_TOKEN", token);
        }
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        return new String(out, StandardCharsets.UTF_8);
    }
}
