package dev.purgedeck.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The real captures of docs/fastly-edge.md §1.2 read back into what a person needs to know. */
class DebugHeadersTest {
    private static final URI PAGE = URI.create("https://www.example.com/node/1");

    /** Shielded, hit at the edge (WLG), miss at the shield (FRA): uselagoon/lagoon's Drupal guide. */
    @Test
    void shieldedEdgeHitNamesBothPopsAndReadsAgeAndKeys() {
        PageReport r = parse(200,
                "cache-control", "max-age=601, public, s-maxage=2764800",
                "surrogate-control", "max-age=2764800, public, stale-while-revalidate=3600, stale-if-error=3600",
                "fastly-debug-path", "(D cache-wlg10427-WLG 1612906144) (F cache-wlg10426-WLG 1612906141) "
                        + "(D cache-fra19179-FRA 1612906141) (F cache-fra19122-FRA 1612906141)",
                "fastly-debug-ttl", "(H cache-wlg10427-WLG - - 3) (M cache-fra19179-FRA - - 0)",
                "fastly-debug-digest", "1118d9fefc8a514ca49d49cb6ece04649e1acf1663398212650bb462ba84c381",
                "x-served-by", "cache-fra19179-FRA, cache-wlg10427-WLG",
                "x-cache", "MISS, HIT",
                "x-cache-hits", "0, 1",
                "surrogate-key", "articles articles/1 articles/2");
        assertThat(r.verdict()).isEqualTo(Verdict.EDGE_HIT);
        assertThat(r.edge()).isEqualTo(CacheState.HIT);
        assertThat(r.shield()).isEqualTo(CacheState.MISS);
        assertThat(r.edgePop()).contains("WLG");
        assertThat(r.shieldPop()).contains("FRA");
        assertThat(r.pops()).containsExactly("FRA", "WLG");
        assertThat(r.ageSeconds()).hasValue(3);
        // The node said "-": estimated from Surrogate-Control (2764800 s) minus the age.
        assertThat(r.ttlSeconds()).contains(2764797.0);
        assertThat(r.ttlEstimated()).isTrue();
        assertThat(r.digest()).contains("1118d9fefc8a514ca49d49cb6ece04649e1acf1663398212650bb462ba84c381");
        assertThat(r.surrogateKeys()).containsExactly("articles", "articles/1", "articles/2");
        assertThat(r.debugHeaders()).isTrue();
        assertThat(r.summary()).first().asString().contains("Served from Fastly's cache at the edge (WLG)");
        assertThat(String.join("\n", r.summary())).contains("shield (FRA) fetched it from the origin",
                "3 s old", "About 31 d left", "3 surrogate keys");
    }

    /** Unshielded hit whose node knows the TTL: nullify005/automaton's serve-stale README. */
    @Test
    void unshieldedHitWithAKnownTtlHasNoShieldAndAnExactTimeLeft() {
        PageReport r = parse(200, "Via", "1.1 varnish", "Age", "9",
                "Fastly-Debug-Path", "(D cache-syd18926-SYD 1571100894) (F cache-syd18927-SYD 1571100579)",
                "Fastly-Debug-TTL", "(H cache-syd18926-SYD 1.019 43200.000 9)",
                "X-Served-By", "cache-syd18926-SYD", "X-Cache", "HIT", "X-Cache-Hits", "4");
        assertThat(r.verdict()).isEqualTo(Verdict.EDGE_HIT);
        assertThat(r.shield()).isEqualTo(CacheState.NONE);
        assertThat(r.shieldPop()).isEmpty();
        assertThat(r.pops()).containsExactly("SYD");
        assertThat(r.ageSeconds()).hasValue(9);
        assertThat(r.ttlSeconds()).contains(1.019);
        assertThat(r.ttlEstimated()).isFalse();
        assertThat(r.surrogateKeys()).isEmpty();
        assertThat(r.summary()).contains("The page carries no surrogate keys: purge it by its URL.");
    }

    /** The docs example, without debug headers: the service (or the request) shows no keys. */
    @Test
    void docsExampleWithoutDebugHeadersSaysTheServiceHidesThem() {
        PageReport r = parse(200, "Age", "142", "X-Served-By", "cache-jfk1041-JFK, cache-ord1720-ORD",
                "X-Cache", "HIT, HIT", "X-Cache-Hits", "1, 7");
        assertThat(r.verdict()).isEqualTo(Verdict.EDGE_HIT);
        assertThat(r.edgePop()).contains("ORD");
        assertThat(r.shieldPop()).contains("JFK");
        assertThat(r.shield()).isEqualTo(CacheState.HIT);
        assertThat(r.ageSeconds()).hasValue(142);
        assertThat(r.debugHeaders()).isFalse();
        assertThat(String.join("\n", r.summary())).contains("hides Fastly's debug headers", "2 min old");
    }

    /** go-fastly's content/check.yaml: a synthetic Force-TLS redirect that X-Cache calls a HIT. */
    @Test
    void syntheticRedirectIsARedirectNotCachedContent() {
        PageReport r = parse(301, "location", "https://go-fastly-deliver-test.global.ssl.fastly.net/",
                "fastly-debug-path", "(D cache-acc9624-ACC 1744214929)",
                "fastly-debug-ttl", "(M cache-acc9624-ACC - - -)",
                "fastly-debug-digest", "b750", "x-served-by", "cache-acc9624-ACC", "x-cache", "HIT",
                "x-cache-hits", "0", "x-timer", "S1744214928.337135,VS0,VE248", "content-length", "0");
        assertThat(r.verdict()).isEqualTo(Verdict.REDIRECT);
        assertThat(r.redirectTarget()).contains("https://go-fastly-deliver-test.global.ssl.fastly.net/");
        assertThat(r.ageSeconds()).isEmpty();
        assertThat(r.digest()).as("not a SHA-256: not shown as one").isEmpty();
        assertThat(r.summary().get(0)).contains("purges the redirect, not the target");
    }

    @Test
    void staleCopyAfterASoftPurgeHasANegativeTtl() {
        PageReport r = parse(200, "Age", "130", "X-Cache", "HIT", "X-Served-By", "cache-lhr7000-LHR",
                "Fastly-Debug-TTL", "(H cache-lhr7000-LHR -12.000 3600.000 130)", "Surrogate-Key", "news");
        assertThat(r.stale()).isTrue();
        assertThat(r.ttlSeconds()).contains(-12.0);
        assertThat(String.join("\n", r.summary())).contains("It is stale: its time ran out 12 s ago");
    }

    @Test
    void edgeMissServedByTheShieldAndOriginFetches() {
        PageReport shieldHit = parse(200, "X-Cache", "HIT, MISS", "X-Served-By", "cache-fra1-FRA, cache-lhr2-LHR");
        assertThat(shieldHit.verdict()).isEqualTo(Verdict.SHIELD_HIT);
        assertThat(shieldHit.summary().get(0)).isEqualTo("Not in the edge cache (LHR); the shield (FRA) served its "
                + "cached copy.");
        PageReport origin = parse(200, "X-Cache", "MISS, MISS", "X-Served-By", "cache-fra1-FRA, cache-lhr2-LHR");
        assertThat(origin.verdict()).isEqualTo(Verdict.ORIGIN);
        assertThat(origin.summary().get(0)).startsWith("Not in the cache: fetched from the origin through the "
                + "shield (FRA)");
    }

    @Test
    void privatePagesArePassedAndPurgingThemChangesNothing() {
        PageReport r = parse(200, "Cache-Control", "private, no-store", "X-Cache", "MISS",
                "X-Served-By", "cache-ams1-AMS", "Fastly-Debug-TTL", "(M cache-ams1-AMS - - 0)");
        assertThat(r.verdict()).isEqualTo(Verdict.NOT_CACHED);
        assertThat(r.summary().get(0)).contains("Not cached", "Purging it changes nothing");
        assertThat(parse(200, "Set-Cookie", "cart=1", "X-Cache", "MISS").verdict()).isEqualTo(Verdict.NOT_CACHED);
        assertThat(parse(200, "Surrogate-Control", "max-age=600", "Cache-Control", "private", "X-Cache", "MISS")
                .verdict()).as("Surrogate-Control wins over Cache-Control").isEqualTo(Verdict.ORIGIN);
    }

    @Test
    void errorsAndPagesWithoutFastlyHeadersSaySoInsteadOfGuessing() {
        assertThat(parse(503, "X-Cache", "MISS").verdict()).isEqualTo(Verdict.ERROR);
        assertThat(parse(503, "X-Cache", "MISS").summary().get(0)).contains("error (HTTP 503)");
        PageReport plain = parse(200, "Server", "nginx", "Cache-Control", "max-age=60");
        assertThat(plain.verdict()).isEqualTo(Verdict.NO_CACHE_HEADERS);
        assertThat(plain.edge()).isEqualTo(CacheState.UNKNOWN);
        assertThat(plain.summary()).hasSize(1);
    }

    @Test
    void headersSplitOverSeveralLinesAndInAnyCaseCountAsOne() {
        Map<String, List<String>> h = new LinkedHashMap<>();
        h.put("x-cache", List.of("MISS", "HIT"));
        h.put("X-SERVED-BY", List.of("cache-fra1-FRA", "cache-wlg2-WLG"));
        h.put("Surrogate-Key", List.of("a b", "b c"));
        PageReport r = DebugHeaders.parse(PAGE, 200, h, 0);
        assertThat(r.edge()).isEqualTo(CacheState.HIT);
        assertThat(r.pops()).containsExactly("FRA", "WLG");
        assertThat(r.surrogateKeys()).containsExactly("a", "b", "c");
        assertThat(r.headers().get("X-Cache")).containsExactly("MISS", "HIT");
    }

    @Test
    void popsComeFromTheDebugPathWhenXServedByIsRemovedAndNewStyleNodeNamesWork() {
        PageReport r = parse(200, "Fastly-Debug-Path", "(D cache-lcy1128-LCY 1415969775) (F cache-lcy1130-LCY "
                + "1415969775) (D cache-sjc3132-SJC 1415969775) (F cache-sjc3128-SJC 1415969775)",
                "Fastly-Debug-TTL", "(H cache-lcy1128-LCY 41733294.335 864000.000 2273)");
        assertThat(r.edgePop()).contains("LCY");
        assertThat(r.shieldPop()).contains("SJC");
        assertThat(DebugHeaders.pop("cache-ewr-kewr1740093-EWR")).isEqualTo("EWR");
        assertThat(r.ageSeconds()).hasValue(2273);
        assertThat(r.verdict()).isEqualTo(Verdict.EDGE_HIT);
    }

    @Test
    void theDocumentedUnbracketedTtlFormIsReadToo() {
        assertThat(DebugHeaders.ttlGroups("H cache-jfk1026-JFK 41733294.335 864000.000 2273"))
                .containsExactly(new DebugHeaders.TtlGroup(true, "cache-jfk1026-JFK", 41733294.335, 2273L));
    }

    @Test
    void garbageNeverThrowsAndIsShownAsUnknown() {
        PageReport r = parse(200, "X-Cache", "WHATEVER", "Age", "NaN", "Fastly-Debug-TTL", "((((", "Surrogate-Key",
                "   ");
        assertThat(r.edge()).isEqualTo(CacheState.UNKNOWN);
        assertThat(r.ageSeconds()).isEmpty();
        assertThat(r.surrogateKeys()).isEmpty();
        assertThat(r.etag()).isEqualTo(Optional.empty());
    }

    private static PageReport parse(int status, String... nameValues) {
        Map<String, List<String>> h = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            h.put(nameValues[i], List.of(nameValues[i + 1]));
        }
        return DebugHeaders.parse(PAGE, status, h, 0);
    }
}
