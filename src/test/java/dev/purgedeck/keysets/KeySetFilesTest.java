package dev.purgedeck.keysets;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class KeySetFilesTest {
    private static final Instant T = Instant.parse("2026-11-26T09:45:12Z");
    private static final KeySet HOME = new KeySet("Homepage", "front page", "SU1Z0isxPaozGVKXdv0eY", "Daily Courier",
            List.of("home", "nav"), true, T, T.plusSeconds(60));
    private static final KeySet BIG = KeySet.of("Catalogue", IntStream.rangeClosed(1, 10_000)
            .mapToObj(i -> "product-" + i).toList()).withTimes(T, T);

    @Test
    void jsonRoundTripKeepsEverySetExactlyAndWritesTheSameBytesAgain() throws Exception {
        byte[] written = json(List.of(HOME, BIG, KeySet.of("empty", List.of())));
        ImportResult read = KeySetFiles.readJson(in(written));
        assertThat(read.problems()).isEmpty();
        assertThat(read.sets()).containsExactly(HOME, BIG, KeySet.of("empty", List.of()));
        assertThat(json(read.sets())).isEqualTo(written);
        assertThat(new String(written, UTF_8)).startsWith("{\n  \"version\": 1,\n  \"key_sets\": [\n").endsWith("}\n")
                .contains("\"keys\": []").doesNotContain("\r");
    }

    @Test
    void jsonReadAcceptsOneSetAListOrTheFileShapeWithABomAndUnknownFields() throws Exception {
        String one = "{\"name\":\"a\",\"keys\":[\"k\"],\"colour\":\"red\"}";
        assertThat(readJson(one).sets()).containsExactly(KeySet.of("a", List.of("k")));
        assertThat(readJson("[" + one + "," + one.replace("\"a\"", "\"b\"") + "]").sets())
                .extracting(KeySet::name).containsExactly("a", "b");
        assertThat(readJson("\uFEFF{\"version\":7,\"key_sets\":[" + one + "],\"future\":{}}").sets())
                .containsExactly(KeySet.of("a", List.of("k")));
        assertThat(readJson("[]").sets()).isEmpty();
    }

    @Test
    void jsonThatIsBrokenOrNotKeySetsIsAnErrorWithAPlainMessage() {
        assertThatThrownBy(() -> readJson("{\"name\": ")).isInstanceOf(IOException.class).hasMessageStartingWith("It is not valid JSON");
        assertThatThrownBy(() -> readJson("")).isInstanceOf(IOException.class).hasMessage("It is empty.");
        assertThatThrownBy(() -> readJson("{\"key_sets\": 3}")).hasMessageContaining("does not hold key sets");
        assertThatThrownBy(() -> readJson("\"keys\"")).hasMessageContaining("does not hold key sets");
    }

    @Test
    void invalidKeysInJsonAreReportedByPositionAndTheValidOnesKept() throws Exception {
        ImportResult r = readJson("""
                [{"name": "A", "keys": ["ok", "has space", 7, "ok", "also-ok"], "soft": "yes"},
                 {"name": "a", "keys": ["dup"]},
                 {"name": "", "keys": ["x"]},
                 {"name": "B", "service_id": "nope", "service_name": "www", "created": "yesterday"},
                 "just text"]""");
        assertThat(r.sets()).containsExactly(KeySet.of("A", List.of("ok", "also-ok")), KeySet.of("B", List.of()));
        assertThat(r.problems()).extracting(ImportProblem::setName, ImportProblem::line, ImportProblem::item).containsExactly(
                tuple("A", 2, "has space"),
                tuple("A", 3, "7"),
                tuple("A", 0, "yes"),
                tuple("a", 0, "a"),
                tuple("", 0, ""),
                tuple("B", 0, "nope"),
                tuple("B", 0, "yesterday"),
                tuple("", 0, "just text"));
        assertThat(r.problems().get(0).reason()).startsWith("contains a space");
        assertThat(r.problems().get(3).reason()).contains("only the first was kept");
        assertThat(r.problems().get(5).reason()).contains("kept without a service");
    }

    @Test
    void aTextExportIsExactlyWhatTheFastlyCliFileFlagReads() throws Exception {
        KeySet set = KeySet.of("Homepage", List.of("home", "nav", "article/42", "a:b"));
        byte[] file = text(set);
        assertThat(file).isEqualTo("home\nnav\narticle/42\na:b\n".getBytes(UTF_8));
        assertThat(fastlyCliKeys(file)).isEqualTo(set.keys());
        assertThat(KeySetFiles.readText("Homepage", in(file)).sets()).containsExactly(set);
        assertThat(text(KeySet.of("empty", List.of()))).isEmpty();
    }

    @Test
    void aCliKeysFileReadsToTheKeysTheCliWouldSend() throws Exception {
        byte[] cliFile = "home\r\nnav\r\nlast-without-newline".getBytes(UTF_8);
        ImportResult r = KeySetFiles.readText("From CLI", in(cliFile));
        assertThat(r.problems()).isEmpty();
        assertThat(r.sets().get(0).keys()).isEqualTo(fastlyCliKeys(cliFile)).containsExactly("home", "nav", "last-without-newline");
    }

    @Test
    void tenThousandKeysRoundTripAsText() throws Exception {
        byte[] file = text(BIG);
        assertThat(fastlyCliKeys(file)).hasSize(10_000);
        ImportResult r = KeySetFiles.readText("Catalogue", in(file));
        assertThat(r.problems()).isEmpty();
        assertThat(r.sets().get(0).keys()).isEqualTo(BIG.keys());
    }

    @Test
    void textImportToleratesBomWindowsLineEndingsBlankLinesAndSurroundingWhitespace() throws Exception {
        String file = "\uFEFFhome\r\n\r\n   \r\n\tnav  \r\nhome\rold-mac\n\n";
        ImportResult r = KeySetFiles.readText("  Mixed  ", in(file.getBytes(UTF_8)));
        assertThat(r.problems()).isEmpty();
        assertThat(r.sets()).containsExactly(KeySet.of("Mixed", List.of("home", "nav", "old-mac")));
    }

    @Test
    void invalidLinesAreReportedWithTheirLineNumbersAndTheValidKeysKept() throws Exception {
        String file = "good-1\n\nhas space\ngood-2\r\ncafé\n" + "x".repeat(1025) + "\nctl\u0007char\ngood-3";
        ImportResult r = KeySetFiles.readText("Set", in(file.getBytes(UTF_8)));
        assertThat(r.sets().get(0).keys()).containsExactly("good-1", "good-2", "good-3");
        assertThat(r.problems()).extracting(ImportProblem::line).containsExactly(3, 5, 6, 7);
        assertThat(r.problems()).extracting(ImportProblem::setName).containsOnly("Set");
        assertThat(r.problems().get(0).reason()).startsWith("contains a space");
        assertThat(r.problems().get(1).item()).isEqualTo("café");
        assertThat(r.problems().get(2).reason()).contains("longer than 1024 bytes");
        assertThat(r.problems().get(3).item()).isEqualTo("ctl\\u0007char");
        assertThatThrownBy(() -> KeySetFiles.readText(" ", in(new byte[0]))).isInstanceOf(InvalidKeySetException.class);
    }

    @Test
    void streamsAreLeftOpenForTheCaller() throws Exception {
        var out = new ByteArrayOutputStream() {
            boolean closed;

            @Override
            public void close() {
                closed = true;
            }
        };
        KeySetFiles.writeJson(List.of(HOME), out);
        KeySetFiles.writeText(HOME, out);
        assertThat(out.closed).isFalse();
        var input = new ByteArrayInputStream(json(List.of(HOME))) {
            boolean closed;

            @Override
            public void close() {
                closed = true;
            }
        };
        KeySetFiles.readJson(input);
        assertThat(input.closed).isFalse();
    }

    /**
     * The keys {@code fastly purge --file} sends for a file: Go's {@code bufio.ScanLines} ends a line at '\n', drops
     * one '\r' before it, returns a last line that has no '\n', and trims or skips nothing.
     */
    static List<String> fastlyCliKeys(byte[] file) {
        List<String> keys = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= file.length; i++) {
            boolean eol = i < file.length && file[i] == '\n';
            boolean lastLine = i == file.length && start < file.length;
            if (eol || lastLine) {
                int end = i > start && file[i - 1] == '\r' ? i - 1 : i;
                keys.add(new String(file, start, end - start, UTF_8));
                start = i + 1;
            }
        }
        return keys;
    }

    private static byte[] json(List<KeySet> sets) throws IOException {
        var out = new ByteArrayOutputStream();
        KeySetFiles.writeJson(sets, out);
        return out.toByteArray();
    }

    private static byte[] text(KeySet set) throws IOException {
        var out = new ByteArrayOutputStream();
        KeySetFiles.writeText(set, out);
        return out.toByteArray();
    }

    private static ImportResult readJson(String s) throws IOException {
        return KeySetFiles.readJson(in(s.getBytes(UTF_8)));
    }

    private static InputStream in(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }
}
