package dev.purgedeck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.purgedeck.fastly.ApiToken;
import dev.purgedeck.fastly.InvalidInputException;
import dev.purgedeck.fastly.TextLines;
import dev.purgedeck.fastly.UrlListParser;
import dev.purgedeck.fastly.Validation;
import dev.purgedeck.fastly.ValidationIssue;
import dev.purgedeck.keysets.ImportProblem;
import dev.purgedeck.keysets.ImportResult;
import dev.purgedeck.keysets.KeySet;
import dev.purgedeck.keysets.KeySetFiles;
import dev.purgedeck.settings.Connection;
import dev.purgedeck.settings.Endpoints;
import dev.purgedeck.settings.InvalidEndpointException;
import dev.purgedeck.testsupport.HostileInput;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Property-based fuzzing of everything that reads input (issue 13): validators, list parsers, key-set imports and
 * the command line get generated hostile input. For every input: no exception escapes, a rejection names the item
 * and a reason, and whatever is accepted can be sent (it builds the request the client would send). A failure
 * prints the seed; rerun it with {@code -Dpurgedeck.fuzzSeed=N}.
 */
class HostileInputFuzzTest extends SandboxCliTest {
    private static final long SEED = Long.getLong("purgedeck.fuzzSeed", 20261205L);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final FuzzTally TOTAL = new FuzzTally("all");
    private final HostileInput gen = new HostileInput(SEED);

    @AfterAll
    static void summary() {
        System.out.println(TOTAL.line() + " (seed " + SEED + ")");
    }

    private FuzzTally run(String area, int n, FuzzTally.Property property) {
        FuzzTally t = new FuzzTally(area);
        for (int i = 0; i < n; i++) {
            t.check(property);
        }
        System.out.println(t.line());
        TOTAL.add(t);
        assertThat(t.escaped()).as("seed " + SEED + ": inputs that broke a property").isEmpty();
        return t;
    }

    @Test
    void urlsAreRejectedWithAReasonOrSendable() {
        run("urls", 6_000, t -> {
            String s = gen.random().nextBoolean() ? gen.url() : gen.text();
            Optional<String> problem = Validation.urlProblem(s);
            if (problem.isPresent()) {
                assertThat(problem.get()).isNotBlank();
                try {
                    Validation.requireUrls(List.of(s));
                    throw new AssertionError("requireUrls accepted what urlProblem refused: " + problem.get());
                } catch (InvalidInputException e) {
                    assertThat(e.getMessage()).contains("item 1: '").contains(problem.get());
                }
                return t.rejected(s);
            }
            String sent = Validation.normalizeUrl(s);
            assertThat(sent.length()).isLessThanOrEqualTo(Validation.MAX_URL_CHARS);
            assertThat(sent.chars().allMatch(c -> c > 0x20 && c < 0x7F)).as(sent).isTrue();
            HttpRequest.newBuilder(URI.create("https://api.fastly.com/purge/" + sent));
            // The client normalises what a job holds once more before sending it: that must change nothing.
            assertThat(Validation.normalizeUrl(sent)).isEqualTo(sent);
            URI edge = Validation.absolute(sent);
            assertThat(edge.getHost()).isNotBlank();
            HttpRequest.newBuilder(edge).method("PURGE", HttpRequest.BodyPublishers.noBody());
            return t.accepted(s);
        });
    }

    @Test
    void keysAndTokensAreRejectedWithAReasonOrSendable() {
        run("keys", 6_000, t -> {
            String s = gen.text();
            Optional<String> problem = Validation.keyProblem(s);
            if (problem.isPresent()) {
                assertThat(problem.get()).isNotBlank();
                return t.rejected(s);
            }
            assertThat(s.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(Validation.MAX_KEY_BYTES);
            HttpRequest.newBuilder(URI.create("https://example.invalid")).header("Surrogate-Key", s);
            assertThat(JSON.readValue(JSON.writeValueAsBytes(Map.of("surrogate_keys", List.of(s))), Map.class))
                    .isEqualTo(Map.of("surrogate_keys", List.of(s)));
            return t.accepted(s);
        });
        run("tokens", 3_000, t -> {
            String s = gen.text();
            ApiToken token;
            try {
                token = ApiToken.of(s);
            } catch (IllegalArgumentException e) {
                assertThat(e.getMessage()).isNotBlank();
                if (s.strip().length() >= 8) {
                    assertThat(e.getMessage()).doesNotContain(s.strip());
                }
                return t.rejected(s);
            }
            HttpRequest.newBuilder(URI.create("https://example.invalid")).header("Fastly-Key", token.secret());
            return t.accepted(s);
        });
    }

    @Test
    void endpointsAreRefusedOrSafeToSendATokenTo() {
        ApiToken token = ApiToken.of("abcdefghijklmnopqrstuvwxyz012345");
        run("endpoints", 3_000, t -> {
            String s = gen.random().nextBoolean() ? gen.url() : gen.text();
            URI u;
            try {
                u = Endpoints.validateCustom(s);
            } catch (InvalidEndpointException e) {
                assertThat(e.getMessage()).isNotBlank();
                return t.rejected(s);
            }
            assertThat(u.getScheme()).isIn("https", "http");
            if (u.getScheme().equals("http")) {
                assertThat(Endpoints.isLoopback(u)).as(u.toString()).isTrue();
            }
            new Connection(Connection.kindOf(u), u, token);
            HttpRequest.newBuilder(URI.create(u + "/service/x/purge"));
            return t.accepted(s);
        });
    }

    @Test
    void listsAndImportsReportEachBadLineWhereItIs() {
        run("url lists", 1_000, t -> {
            String text = gen.lines();
            UrlListParser.Result r = UrlListParser.parse(text);
            int lines = TextLines.split(text).size();
            for (ValidationIssue i : r.issues()) {
                assertThat(i.index()).isBetween(0, lines - 1);
                assertThat(i.reason()).isNotBlank();
            }
            r.urls().forEach(u -> assertThat(Validation.urlProblem(u)).isEmpty());
            return r.issues().isEmpty() ? t.accepted(text) : t.rejected(text);
        });
        run("key-set text imports", 1_000, t -> {
            byte[] bytes = gen.bytes();
            ImportResult r = KeySetFiles.readText("Fuzz", new ByteArrayInputStream(bytes));
            return checked(t, r, bytes);
        });
        run("key-set JSON imports", 1_000, t -> {
            byte[] bytes = gen.random().nextBoolean() ? gen.bytes() : JSON.writeValueAsBytes(Map.of("name",
                    gen.text(), "service_id", gen.text(), "keys", List.of(gen.text(), gen.text(), "ok-key")));
            try {
                return checked(t, KeySetFiles.readJson(new ByteArrayInputStream(bytes)), bytes);
            } catch (IOException e) {
                assertThat(e.getMessage()).isNotBlank();
                return t.rejected(bytes);
            }
        });
    }

    private static FuzzTally.Outcome checked(FuzzTally t, ImportResult r, Object input) {
        for (ImportProblem p : r.problems()) {
            assertThat(p.reason()).isNotBlank();
            assertThat(p.item() + p.setName()).doesNotContain("\u001B", "\n", "\u2028");
        }
        for (KeySet set : r.sets()) {
            set.keys().forEach(k -> assertThat(Validation.keyProblem(k)).as(k).isEmpty());
        }
        return r.problems().isEmpty() ? t.accepted(input) : t.rejected(input);
    }

    @Test
    void theCommandLineNeverFailsUnexpectedlyAndSendsNothingOnAUsageError() throws IOException {
        Path file = tmp.resolve("hostile.txt");
        run("command lines", 200, t -> {
            Files.write(file, gen.bytes());
            String[] args = arguments(file);
            SANDBOX.server().requests().clear();
            CliHarness.Result r = cli.run(args);
            assertThat(r.code()).as(r.toString()).isBetween(0, 2);
            assertThat(r.err()).doesNotContain("unexpected error").doesNotContain("\u001B");
            assertThat(r.out()).doesNotContain("\u001B");
            assertThat(r.err().length()).isLessThan(20_000);
            if (r.code() == Cli.USAGE) {
                assertThat(SANDBOX.server().requests().count()).as("requests on exit 2: " + r).isZero();
                assertThat(r.err()).isNotBlank();
                return t.rejected(String.join(" ", args));
            }
            return t.accepted(String.join(" ", args));
        });
    }

    private String[] arguments(Path file) {
        String h = gen.text();
        return switch (gen.random().nextInt(16)) {
            case 0 -> new String[] {"purge", "--url", gen.url()};
            case 1 -> new String[] {"purge", "--key", h, "-s", service};
            case 2 -> new String[] {"purge", "--urls-file", file.toString()};
            case 3 -> new String[] {"purge", "--keys-file", file.toString(), "-s", service, "--soft"};
            case 4 -> new String[] {"purge", "--all", "-s", service, h};
            case 5 -> new String[] {"purge", "--concurrency", h, "--url", "https://www.dailycourier.example/"};
            case 6 -> new String[] {"history", "--outcome", h};
            case 7 -> new String[] {"history", "--kind=" + h, "--since", gen.text()};
            case 8 -> new String[] {"history", "--limit", h, "--search", gen.text()};
            case 9 -> new String[] {"keysets", "show", h};
            case 10 -> new String[] {"purge", "--keyset", h};
            case 11 -> new String[] {"keysets", "import", file.toString(), "--name", h, "--on-conflict",
                gen.random().nextBoolean() ? "replace" : gen.text()};
            case 12 -> new String[] {"keysets", "import", file.toString(), "--format", h};
            case 13 -> new String[] {"keysets", "export", h, "--format", gen.random().nextBoolean() ? "json" : h,
                "-o", file.resolveSibling("export.out").toString()};
            case 14 -> new String[] {"purge", "--url", gen.url(), "--timeout", h, "--retries", gen.text(),
                "--deadline", gen.text()};
            default -> new String[] {h, gen.text()};
        };
    }
}
