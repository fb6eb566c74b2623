package dev.purgedeck.fastly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 13 items 9–11: whatever validation accepts can be sent, and damaged text is refused with its reason. */
class InputLimitsTest {
    @Test
    void anIpv6HostIsRefusedUpFrontInsteadOfFailingWhenSent() {
        assertThat(Validation.urlProblem("https://[::1]/x")).hasValueSatisfying(r -> assertThat(r).contains("IPv6"));
        assertThat(Validation.urlProblem("http://[2001:db8::1]:8080/a")).isPresent();
    }

    @Test
    void urlsAreLimitedTo8KiBBeforeAndAfterEncoding() {
        String base = "https://example.com/";
        assertThat(Validation.urlProblem(base + "a".repeat(Validation.MAX_URL_CHARS - base.length()))).isEmpty();
        assertThat(Validation.urlProblem(base + "a".repeat(Validation.MAX_URL_CHARS))).hasValueSatisfying(
                r -> assertThat(r).contains("longer than 8192"));
        assertThat(Validation.urlProblem(base + "é".repeat(3000))).hasValueSatisfying(
                r -> assertThat(r).contains("once encoded"));
        assertThat(Validation.urlProblem(base + "a".repeat(1 << 20))).isPresent();
    }

    @Test
    void everyAcceptedUrlMakesTheRequestTheClientSends() {
        for (String url : List.of("example.com/a?b[]=1", "https://example.com/%zz", "https://ex.com/a{b}",
                "HTTPS://EXAMPLE.COM:443/x?y=z#f", "example.com:8080/ü?ä=ö")) {
            if (Validation.urlProblem(url).isEmpty()) {
                URI.create("https://api.fastly.com/purge/" + Validation.normalizeUrl(url));
            }
        }
    }

    @Test
    void replacementCharactersBrokenSurrogatesAndUnicodeSeparatorsAreNamed() {
        assertThat(Validation.urlProblem("https://example.com/caf\uFFFD")).hasValueSatisfying(
                r -> assertThat(r).contains("U+FFFD").contains("UTF-8"));
        assertThat(Validation.keyProblem("caf\uFFFD")).hasValueSatisfying(r -> assertThat(r).contains("U+FFFD"));
        assertThat(Validation.urlProblem("https://example.com/\uD800x")).hasValueSatisfying(
                r -> assertThat(r).contains("surrogate"));
        assertThat(Validation.urlProblem("https://example.com/a\u2028b")).hasValueSatisfying(
                r -> assertThat(r).contains("U+2028").contains("line separator"));
        assertThat(Validation.urlProblem("https://example.com/a\u2029")).hasValueSatisfying(
                r -> assertThat(r).contains("U+2029"));
        assertThat(Validation.keyProblem("a\u0085b")).hasValueSatisfying(r -> assertThat(r).contains("U+0085"));
    }

    @Test
    void linesEndOnlyAtLineFeedsAndCarriageReturnsSoOtherSeparatorsAreReportedOnTheirLine() {
        assertThat(TextLines.split("a\r\nb\rc\nd\u2028e\u2029f\u0085g\n")).containsExactly("a", "b", "c",
                "d\u2028e\u2029f\u0085g");
        UrlListParser.Result r = UrlListParser.parse("https://example.com/ok\n\nhttps://example.com/a\u2028b\n"
                + "https://example.com/c\u0085\n");
        assertThat(r.urls()).containsExactly("https://example.com/ok");
        assertThat(r.issues()).extracting(ValidationIssue::index).containsExactly(2, 3);
        assertThat(r.issues().get(0).reason()).contains("U+2028");
    }

    @Test
    void tokensMustBeVisibleAsciiAndTheMessageNeverRepeatsThem() {
        assertThatThrownBy(() -> ApiToken.of("abcdefghij\r\nX-Evil: 1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line break").hasMessageNotContaining("abcdefghij");
        assertThatThrownBy(() -> ApiToken.of("tökenvalue1234")).hasMessageContaining("not plain ASCII");
        assertThatThrownBy(() -> ApiToken.of("x".repeat(5000))).hasMessageContaining("longer than");
        assertThat(ApiToken.of("  aB3-_xyz0123456789  ").secret()).isEqualTo("aB3-_xyz0123456789");
    }

    @Test
    void printableEscapesEscapesBidiOverridesAndCutsLongValues() {
        assertThat(Validation.printable("\u001B[31mred\u202Eevil")).isEqualTo("\\u001b[31mred\\u202eevil");
        assertThat(Validation.printable("x".repeat(300), 10)).isEqualTo("x".repeat(10) + "…");
        assertThat(Validation.printable("emoji \uD83D\uDE00 stays")).isEqualTo("emoji \uD83D\uDE00 stays");
    }
}
