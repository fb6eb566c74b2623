package dev.purgedeck.keysets;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A key set's sample URLs: pages looked at after its purge, checked at the field and carried through files. */
class KeySetSampleUrlsTest {
    private static final Instant T = Instant.parse("2026-12-06T02:45:00Z");

    @Test
    void sampleUrlsAreNormalisedDeduplicatedAndLookedAtOverHttpsWithoutAScheme() {
        KeySet s = KeySet.of("Home", List.of("home")).withSampleUrls(List.of("www.dailycourier.example/news",
                "https://www.dailycourier.example/news", "http://shop.example/cart"));
        assertThat(s.sampleUrls()).containsExactly("https://www.dailycourier.example/news", "http://shop.example/cart");
        assertThat(KeySet.of("Old", List.of("k")).sampleUrls()).as("the old constructor").isEmpty();
    }

    @Test
    void aBadOrTwentyFirstSampleUrlIsRefusedWithAPlainMessage() {
        assertThatThrownBy(() -> KeySet.of("Home", List.of()).withSampleUrls(List.of("ftp://x.example/a")))
                .isInstanceOf(InvalidKeySetException.class).hasMessageContaining("Sample URL 1 'ftp://x.example/a'")
                .hasMessageContaining("only http and https");
        List<String> many = IntStream.rangeClosed(1, 21).mapToObj(i -> "https://a.example/" + i).toList();
        assertThatThrownBy(() -> KeySet.of("Home", List.of()).withSampleUrls(many))
                .hasMessage("A key set holds at most 20 sample URLs; this one has 21.");
        assertThat(SampleUrls.problemAdding(many.subList(0, 20), "https://b.example/")).contains(
                "At most 20 pages: remove one first.");
        assertThat(SampleUrls.problemAdding(List.of("https://a.example/1"), "a.example/1"))
                .contains("This page is already in the list.");
        assertThat(SampleUrls.problemAdding(List.of(), "not a url")).get().asString().startsWith("'not a url' ");
    }

    @Test
    void exportThenImportKeepsTheSampleUrlsAndOldFilesStillLoad() throws Exception {
        KeySet home = new KeySet("Home", "", "", "", List.of("home"), false, T, T,
                List.of("https://www.dailycourier.example/", "https://www.dailycourier.example/news"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        KeySetFiles.writeJson(List.of(home, KeySet.of("Plain", List.of("k")).withTimes(T, T)), out);
        String text = out.toString(UTF_8);
        assertThat(text).contains("\"sample_urls\": [").containsOnlyOnce("sample_urls");
        ImportResult back = KeySetFiles.readJson(new ByteArrayInputStream(out.toByteArray()));
        assertThat(back.problems()).isEmpty();
        assertThat(back.sets().get(0)).isEqualTo(home);
        assertThat(back.sets().get(1).sampleUrls()).isEmpty();

        ImportResult old = KeySetFiles.readJson(new ByteArrayInputStream(
                "{\"version\":1,\"key_sets\":[{\"name\":\"a\",\"keys\":[\"k\"]}]}".getBytes(UTF_8)));
        assertThat(old.sets()).containsExactly(KeySet.of("a", List.of("k")));
    }

    @Test
    void aBadSampleUrlInAFileIsReportedAndTheSetKeptWithTheGoodOnes() throws Exception {
        ImportResult r = KeySetFiles.readJson(new ByteArrayInputStream("""
                [{"name": "a", "keys": ["k"], "sample_urls": ["https://x.example/", "mailto:x@y", 3]},
                 {"name": "b", "keys": ["k"], "sample_urls": "https://x.example/"}]
                """.getBytes(UTF_8)));
        assertThat(r.sets()).extracting(KeySet::name).containsExactly("a", "b");
        assertThat(r.sets().get(0).sampleUrls()).containsExactly("https://x.example/");
        assertThat(r.problems()).hasSize(3);
        assertThat(r.problems().get(0).reason()).startsWith("sample URL is a 'mailto:' link");
        assertThat(r.problems().get(2).reason()).contains("\"sample_urls\" is not a list");
    }

    @Test
    void theStoreKeepsSampleUrlsAcrossAReload(@TempDir Path dir) throws Exception {
        KeySetStore store = KeySetStore.open(dir, java.time.Clock.systemUTC());
        store.create(KeySet.of("Home", List.of("home")).withSampleUrls(List.of("https://a.example/")));
        assertThat(KeySetStore.open(dir, java.time.Clock.systemUTC()).find("Home").orElseThrow().sampleUrls()).containsExactly(
                "https://a.example/");
    }
}
