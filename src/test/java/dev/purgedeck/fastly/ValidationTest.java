package dev.purgedeck.fastly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ValidationTest {
    @Test
    void acceptsHttpHttpsAndSchemeLessUrlsKeepingSchemeAndQuery() {
        assertThat(Validation.normalizeUrl("https://www.example.com/a/b?x=1&a=2")).isEqualTo("https://www.example.com/a/b?x=1&a=2");
        assertThat(Validation.normalizeUrl("http://www.example.com/")).isEqualTo("http://www.example.com/");
        assertThat(Validation.normalizeUrl("  www.example.com/path  ")).isEqualTo("www.example.com/path");
        assertThat(Validation.normalizeUrl("www.example.com:8080/path")).isEqualTo("www.example.com:8080/path");
        assertThat(Validation.normalizeUrl("HTTPS://Example.com/x")).isEqualTo("HTTPS://Example.com/x");
    }

    @Test
    void encodesCharactersThatCannotTravelRawAndDropsTheFragment() {
        assertThat(Validation.normalizeUrl("https://example.com/café?q=ü")).isEqualTo("https://example.com/caf%C3%A9?q=%C3%BC");
        assertThat(Validation.normalizeUrl("https://example.com/a|b\"c")).isEqualTo("https://example.com/a%7Cb%22c");
        assertThat(Validation.normalizeUrl("https://example.com/50%off")).isEqualTo("https://example.com/50%25off");
        assertThat(Validation.normalizeUrl("https://example.com/a%20b")).isEqualTo("https://example.com/a%20b");
        assertThat(Validation.normalizeUrl("https://example.com/page#section")).isEqualTo("https://example.com/page");
    }

    @Test
    void rejectsOtherSchemesMissingHostsSpacesAndControlCharactersWithAReason() {
        assertThat(Validation.urlProblem("ftp://example.com/x")).hasValueSatisfying(r -> assertThat(r).contains("only http and https"));
        assertThat(Validation.urlProblem("mailto:editor@example.com")).hasValueSatisfying(r -> assertThat(r).contains("'mailto:'"));
        assertThat(Validation.urlProblem("javascript:alert(1)")).hasValueSatisfying(r -> assertThat(r).contains("only http and https"));
        assertThat(Validation.urlProblem("https:///path")).hasValueSatisfying(r -> assertThat(r).contains("no host"));
        assertThat(Validation.urlProblem("/just/a/path")).hasValueSatisfying(r -> assertThat(r).contains("no host"));
        assertThat(Validation.urlProblem("https://example.com/a b")).hasValueSatisfying(r -> assertThat(r).contains("space"));
        assertThat(Validation.urlProblem("https://example.com/a\u0007")).hasValueSatisfying(r -> assertThat(r).contains("control"));
        assertThat(Validation.urlProblem("   ")).hasValue("is empty");
    }

    /**
     * A URL is parsed once, as a URL; what passes is also a valid path below the purge API, where it is sent:
     * brackets, which a URL takes in its query and in an IPv6 host only, and the characters an authority takes.
     */
    @Test
    void whatPassesAsAUrlIsSendableBelowThePurgeApi() {
        for (String url : List.of("https://www.example.com/list?ids[]=1&ids[]=2", "http://user:pw@www.example.com:8080/a;b",
                "www.example.com/a:b@c!$&'()*+,;=", "https://www.example.com/?q=[x]")) {
            String sent = Validation.normalizeUrl(url);
            assertThat(java.net.URI.create("https://api.fastly.com/purge/" + sent).getRawPath()).startsWith("/purge/");
            assertThat(Validation.normalizeUrl(sent)).isEqualTo(sent);
        }
        assertThat(Validation.urlProblem("https://www.example.com/a[1]")).hasValueSatisfying(
                r -> assertThat(r).contains("not a valid URL"));
        assertThat(Validation.urlProblem("http://[2001:db8::1]/x")).hasValueSatisfying(r -> assertThat(r).contains("IPv6"));
    }

    /**
     * The scheme is read at the URL's start as the rules written as regular expressions read it before: an http(s)
     * scheme with "//", a link of another kind, a host and its port, or nothing.
     */
    @Test
    void aSchemeIsReadAtTheStartAsTheRfcSpellsIt() {
        java.util.regex.Pattern slashes = java.util.regex.Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*)://");
        java.util.regex.Pattern other = java.util.regex.Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):(?!\\d)");
        for (String url : List.of("https://a.example/x", "HtTp://a.example/", "a+b.c-d://a.example/", "ftp://a.example/",
                "mailto:editor@example.com", "x:", "x:/y", "a.example:8080/path", "a.example:8x/", "a.example/?next=https://b",
                "1http://a.example/", "-x://a.example/", "+x:y", "a_b://a.example/", "www.example.com/a:b",
                "http:/a.example/", "http:8080", "localhost:", "ab:9", "https:///path")) {
            var s = slashes.matcher(url);
            var o = other.matcher(url);
            String expected = s.find() ? (s.group(1).equalsIgnoreCase("http") || s.group(1).equalsIgnoreCase("https")
                    ? "http(s)" : "uses '" + s.group(1).toLowerCase(java.util.Locale.ROOT) + "://'")
                    : o.find() ? "is a '" + o.group(1) + ":' link" : "no scheme";
            String actual = Validation.urlProblem(url)
                    .filter(r -> r.contains("only http and https"))
                    .map(r -> r.startsWith("uses") ? r.substring(0, r.indexOf("://'") + 4)
                            : r.substring(0, r.indexOf(" link") + 5))
                    .orElseGet(() -> schemeOf(url));
            assertThat(actual).as(url).isEqualTo(expected);
        }
        assertThat(Validation.absolute("a.example/?next=https://b").getScheme()).isEqualTo("http");
        assertThat(Validation.absolute("HTTPS://a.example/x").getHost()).isEqualTo("a.example");
    }

    /** For a URL with no problem of scheme: whether it kept an http(s) scheme or got none. */
    private static String schemeOf(String url) {
        return url.regionMatches(true, 0, "http://", 0, 7) || url.regionMatches(true, 0, "https://", 0, 8)
                ? "http(s)" : "no scheme";
    }

    @Test
    void keysArePrintableAsciiUpTo1024Bytes() {
        assertThat(Validation.keyProblem("product-4711")).isEmpty();
        assertThat(Validation.keyProblem("a/b+c%d!~")).isEmpty();
        assertThat(Validation.keyProblem("x".repeat(1024))).isEmpty();
        assertThat(Validation.keyProblem("x".repeat(1025))).hasValueSatisfying(r -> assertThat(r).contains("1024 bytes"));
        assertThat(Validation.keyProblem("two words")).hasValueSatisfying(r -> assertThat(r).contains("space"));
        assertThat(Validation.keyProblem("tab\there")).hasValueSatisfying(r -> assertThat(r).contains("control or white-space"));
        assertThat(Validation.keyProblem("naïve")).hasValueSatisfying(r -> assertThat(r).contains("printable ASCII"));
        assertThat(Validation.keyProblem("")).hasValue("is empty");
    }

    @Test
    void requireKeysDeduplicatesInOrderAndNamesEveryBadKey() {
        assertThat(Validation.requireKeys(List.of("b", "a", "b", "A"))).containsExactly("b", "a", "A");
        assertThatThrownBy(() -> Validation.requireKeys(List.of("ok", "bad key", "also bad\n")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.issues()).extracting(ValidationIssue::index).containsExactly(1, 2);
                    assertThat(e.getMessage()).contains("item 2: 'bad key'").contains("item 3: 'also bad\\u000a'");
                });
        assertThatThrownBy(() -> Validation.requireKeys(List.of())).hasMessageContaining("No surrogate keys");
    }

    @Test
    void serviceIdsAreLettersAndDigits() {
        assertThat(Validation.serviceIdProblem("SU1Z0isxPaozGVKXdv0eY")).isEmpty();
        assertThat(Validation.serviceIdProblem("kKJb5bOFI47uHeBVluGfX1")).isEmpty();
        assertThat(Validation.serviceIdProblem("abc")).isPresent();
        assertThat(Validation.serviceIdProblem("kKJb5bOFI47uHeBV/uGfX1")).isPresent();
        assertThat(Validation.serviceIdProblem("")).hasValueSatisfying(r -> assertThat(r).contains("empty"));
        assertThat(Validation.requireServiceId("  kKJb5bOFI47uHeBVluGfX1 ")).isEqualTo("kKJb5bOFI47uHeBVluGfX1");
    }

    @Test
    void batchesHoldAtMost256KeysInOrder() {
        List<String> keys = java.util.stream.IntStream.range(0, 10_000).mapToObj(i -> "k" + i).toList();
        List<List<String>> batches = KeyBatcher.batches(keys);
        assertThat(batches).hasSize(40);
        assertThat(batches.get(0)).hasSize(256).startsWith("k0");
        assertThat(batches.get(39)).hasSize(10_000 - 39 * 256).endsWith("k9999");
        assertThat(KeyBatcher.batches(keys.subList(0, 350))).extracting(List::size).containsExactly(256, 94);
        assertThat(KeyBatcher.requestCount(256)).isEqualTo(1);
        assertThat(KeyBatcher.requestCount(257)).isEqualTo(2);
        assertThat(KeyBatcher.requestCount(0)).isZero();
    }

    @Test
    void tokensNeverShowTheirValue() {
        ApiToken token = ApiToken.of("  abcdefghijklmnopqrstuvwxyz012345 ");
        assertThat(token.secret()).isEqualTo("abcdefghijklmnopqrstuvwxyz012345");
        assertThat(token.toString()).doesNotContain("abcdefghijklmnopqrstuvwxyz").endsWith("2345]");
        assertThat(token.scrub("Token abcdefghijklmnopqrstuvwxyz012345 expired")).doesNotContain("abcdefghij");
        assertThat(ClientConfig.of(ClientConfig.FASTLY_API, token, "x").toString()).doesNotContain("abcdefghij");
    }
}
