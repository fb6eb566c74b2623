package dev.purgedeck.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParsingTest {

    @Test
    void urlKeyDropsSchemeAndDefaultPortKeepsQuery() {
        assertThat(UrlKey.parse("https://WWW.Example.com/a/b?x=1")).isEqualTo(new UrlKey("www.example.com", "/a/b?x=1"));
        assertThat(UrlKey.parse("http://www.example.com:80/a")).isEqualTo(new UrlKey("www.example.com", "/a"));
        assertThat(UrlKey.parse("www.example.com")).isEqualTo(new UrlKey("www.example.com", "/"));
        assertThat(UrlKey.parse("www.example.com?x=1")).isEqualTo(new UrlKey("www.example.com", "/?x=1"));
        assertThat(UrlKey.parse("https:/www.example.com//a")).isEqualTo(new UrlKey("www.example.com", "//a"));
        assertThat(UrlKey.parse("example.com:8080/a").host()).isEqualTo("example.com:8080");
    }

    @Test
    void pathSegmentsDecodePercentButNotPlus() {
        assertThat(PathCodec.decodeSegment("a%2Fb%20c+d")).isEqualTo("a/b c+d");
        assertThat(PathCodec.decodeSegment("caf%C3%A9")).isEqualTo("café");
        assertThat(PathCodec.decodeSegment("100%")).isEqualTo("100%");
        assertThat(PathCodec.decodeSegment("%zz")).isEqualTo("%zz");
    }

    @Test
    void queryKeepsFirstValue() {
        assertThat(PathCodec.query("a=1&b=x+y&a=2&c")).containsEntry("a", "1").containsEntry("b", "x y")
                .containsEntry("c", "");
        assertThat(PathCodec.query(null)).isEmpty();
    }

    @Test
    void surrogateKeyHeaderSplitsOnSpacesAndDropsEmpties() {
        assertThat(SurrogateKeys.splitHeader(" a  bb c ")).extracting(SurrogateKeys.HeaderKey::key)
                .containsExactly("a", "bb", "c");
        assertThat(SurrogateKeys.splitHeader("a bb")).extracting(SurrogateKeys.HeaderKey::endByte)
                .containsExactly(1, 4);
    }

    @Test
    void keyValidity() {
        assertThat(SurrogateKeys.valid("product-4711")).isTrue();
        assertThat(SurrogateKeys.valid("a/b+c%d~")).isTrue();
        assertThat(SurrogateKeys.valid("k".repeat(1024))).isTrue();
        assertThat(SurrogateKeys.valid("k".repeat(1025))).isFalse();
        assertThat(SurrogateKeys.valid("tab\there")).isFalse();
        assertThat(SurrogateKeys.valid("café")).isFalse();
        assertThat(SurrogateKeys.valid("")).isFalse();
    }

    @Test
    void keysPastSixteenKilobytesOfHeaderAreIgnored() {
        String big = "k".repeat(1000);
        List<SurrogateKeys.HeaderKey> keys = SurrogateKeys.splitHeader(String.join(" ", java.util.Collections
                .nCopies(17, big)));

        assertThat(keys.stream().filter(SurrogateKeys::withinHeaderLimit)).hasSize(16);
    }
}
