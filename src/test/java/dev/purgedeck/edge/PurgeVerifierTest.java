package dev.purgedeck.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.purgedeck.fastly.PurgeKind;
import dev.purgedeck.fastly.RetryScheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** One verdict per purged item, from what the pages say after the purge; no real waiting (the test drives time). */
class PurgeVerifierTest {
    private static final String NEWS = "https://www.dailycourier.example/news";
    private static final Instant NOW = Instant.parse("2026-12-06T00:30:00Z");
    private static final Instant SENT = NOW.minusMillis(300);

    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private final RetryScheduler immediate = (delay, task) -> {
        waits.add(delay);
        task.run();
    };
    private final List<PageVerdict> heard = new CopyOnWriteArrayList<>();

    private Verification verification(Function<String, CompletableFuture<PageReport>> pages, VerifySettings s) {
        return new PurgeVerifier(pages::apply, immediate, Clock.fixed(NOW, ZoneOffset.UTC), s).begin(heard::add);
    }

    private Verification verification(Function<String, CompletableFuture<PageReport>> pages) {
        return verification(pages, VerifySettings.DEFAULT);
    }

    private static Verification.Item url(int index, String url, boolean soft) {
        return new Verification.Item(index, url, PurgeKind.URL, soft, SENT, List.of(url), Map.of());
    }

    private static PageVerdict done(CompletableFuture<PageVerdict> f) throws Exception {
        return f.get(5, TimeUnit.SECONDS);
    }

    @Test
    void aMissFromTheOriginAfterTheHardPurgeIsFresh() throws Exception {
        PageVerdict v = done(verification(u -> CompletableFuture.completedFuture(Pages.fromOrigin(u, "\"v2\"")))
                .check(url(0, NEWS, false)));
        assertThat(v.freshness()).isEqualTo(Freshness.FRESH);
        assertThat(v.reason()).contains("origin");
        assertThat(v.last()).isTrue();
        assertThat(heard).containsExactly(v);
        // The first look waits for Fastly's ~150 ms propagation, counted from when the purge was sent.
        assertThat(waits).containsExactly(Duration.ZERO);
    }

    @Test
    void aCopyYoungerThanThePurgeIsFreshAndAnOlderOneIsTheOldCopy() throws Exception {
        Verification v = verification(u -> CompletableFuture.completedFuture(
                u.endsWith("young") ? Pages.edgeHit(u, 0, "3599.0") : Pages.shieldedHit(u, 500)));
        assertThat(done(v.check(url(0, NEWS + "?young", false))).freshness()).isEqualTo(Freshness.FRESH);
        PageVerdict old = done(v.check(url(1, NEWS, false)));
        assertThat(old.freshness()).isEqualTo(Freshness.OLD_COPY);
        assertThat(old.reason()).contains("500 s old").contains("shielding race").contains("Purge again");
        assertThat(old.report()).isPresent();
    }

    @Test
    void aNewEtagMeansNewContentEvenWhenTheAgeLooksOld() throws Exception {
        PageReport before = Pages.edgeHit(NEWS, 400, "100.0");
        PageReport after = Pages.answer(NEWS, 200, "X-Cache", "HIT", "Age", "900", "Fastly-Debug-TTL",
                "(H cache-fra19179-FRA 10.0 0.000 900)", "ETag", "\"v2\"");
        Verification.Item item = new Verification.Item(0, NEWS, PurgeKind.URL, false, SENT, List.of(NEWS),
                Map.of(NEWS, before));
        PageVerdict v = done(verification(u -> CompletableFuture.completedFuture(after)).check(item));
        assertThat(v.freshness()).isEqualTo(Freshness.FRESH);
        assertThat(v.reason()).contains("new ETag");
    }

    @Test
    void aSoftPurgeIsRefreshingFirstAndFreshOnceALaterLookShowsTheNewCopy() throws Exception {
        Deque<PageReport> answers = new ArrayDeque<>(List.of(Pages.edgeHit(NEWS, 700, "-5.0"),
                Pages.edgeHit(NEWS, 0, "3600.0")));
        PageVerdict v = done(verification(u -> CompletableFuture.completedFuture(answers.poll()))
                .check(url(0, NEWS, true)));
        assertThat(heard).extracting(PageVerdict::freshness, PageVerdict::last)
                .containsExactly(tuple(Freshness.REFRESHING, false),
                        tuple(Freshness.FRESH, true));
        assertThat(v.freshness()).isEqualTo(Freshness.FRESH);
        assertThat(waits).containsExactly(Duration.ZERO, Duration.ofSeconds(1));
    }

    @Test
    void aSoftPurgeStillStaleAfterEveryLookStaysRefreshing() throws Exception {
        VerifySettings s = VerifySettings.DEFAULT;
        PageVerdict v = done(verification(u -> CompletableFuture.completedFuture(Pages.edgeHit(u, 700, "-5.0")), s)
                .check(url(0, NEWS, true)));
        assertThat(v.freshness()).isEqualTo(Freshness.REFRESHING);
        assertThat(v.last()).isTrue();
        assertThat(waits).hasSize(s.looks());
    }

    @Test
    void answersThatCannotTellSayWhy() throws Exception {
        Verification v = verification(u -> CompletableFuture.completedFuture(switch (u) {
            case "https://docs.northwind.example/" -> Pages.answer(u, 200, "X-Cache", "HIT", "Age", "30");
            case "https://www.northwind.example/" -> Pages.answer(u, 301, "Location", "https://shop.northwind.example/",
                    "X-Cache", "HIT", "Fastly-Debug-TTL", "(M cache-acc9624-ACC - - -)");
            case "https://shop.northwind.example/gone" -> Pages.answer(u, 404, "X-Cache", "MISS", "Fastly-Debug-TTL",
                    "(M cache-acc9624-ACC - - -)");
            default -> Pages.answer(u, 200, "X-Cache", "MISS", "Cache-Control", "private",
                    "Fastly-Debug-TTL", "(M cache-acc9624-ACC - - -)");
        }));
        PageVerdict stripped = done(v.check(url(0, "https://docs.northwind.example/", false)));
        PageVerdict redirect = done(v.check(url(1, "https://www.northwind.example/", false)));
        PageVerdict error = done(v.check(url(2, "https://shop.northwind.example/gone", false)));
        PageVerdict pass = done(v.check(url(3, "https://shop.northwind.example/account", false)));
        assertThat(stripped.freshness()).isEqualTo(Freshness.CANT_TELL);
        assertThat(stripped.reason()).contains("strips Fastly's debug headers");
        assertThat(redirect.freshness()).isEqualTo(Freshness.CANT_TELL);
        assertThat(redirect.reason()).contains("redirect").contains("https://shop.northwind.example/");
        assertThat(error.freshness()).isEqualTo(Freshness.CANT_TELL);
        assertThat(error.reason()).contains("404");
        assertThat(pass.freshness()).isEqualTo(Freshness.NOT_CACHED);
    }

    @Test
    void aPageThatCannotBeReadCannotTellAndSaysWhatWentWrong() throws Exception {
        PageVerdict v = done(verification(u -> CompletableFuture.failedFuture(new PageFetchException(
                "The host name www.nowhere.invalid could not be found (DNS)."))).check(url(0, NEWS, false)));
        assertThat(v.freshness()).isEqualTo(Freshness.CANT_TELL);
        assertThat(v.reason()).contains("could not be found");
    }

    @Test
    void aKeyIsJudgedOnItsSamplePagesAndTakesTheWorst() throws Exception {
        Verification v = verification(u -> CompletableFuture.completedFuture(
                u.endsWith("/a") ? Pages.fromOrigin(u, "\"x\"") : Pages.shieldedHit(u, 900)));
        PageVerdict key = done(v.check(new Verification.Item(0, "news", PurgeKind.KEY, false, SENT,
                List.of(NEWS + "/a", NEWS + "/b"), Map.of())));
        assertThat(key.freshness()).isEqualTo(Freshness.OLD_COPY);
        assertThat(key.url()).contains(NEWS + "/b");
        assertThat(key.reason()).contains("1 of 2 pages");
    }

    @Test
    void withoutSamplePagesAKeyIsNotVerifiedNeverFresh() throws Exception {
        AtomicInteger fetches = new AtomicInteger();
        PageVerdict v = done(verification(u -> {
            fetches.incrementAndGet();
            return CompletableFuture.completedFuture(Pages.fromOrigin(u, "\"x\""));
        }).check(new Verification.Item(0, "news", PurgeKind.KEY, false, SENT, List.of(), Map.of())));
        assertThat(v.freshness()).isEqualTo(Freshness.NOT_VERIFIED);
        assertThat(v.reason()).contains("sample URLs");
        assertThat(fetches).hasValue(0);
    }

    @Test
    void aPurgeAllWaitsLongerThanAUrlPurgeBeforeLooking() throws Exception {
        Verification v = verification(u -> CompletableFuture.completedFuture(Pages.fromOrigin(u, "\"x\"")));
        Instant justNow = NOW;
        done(v.check(new Verification.Item(0, "SVC", PurgeKind.ALL, false, justNow, List.of(NEWS), Map.of())));
        done(v.check(new Verification.Item(1, NEWS, PurgeKind.URL, false, justNow, List.of(NEWS), Map.of())));
        assertThat(waits).containsExactly(Duration.ofSeconds(20), Duration.ofMillis(150));
    }

    @Test
    void aHangingPageBlocksNoOtherAndEndsAsCantTellAtItsTimeout() throws Exception {
        VerifySettings s = VerifySettings.DEFAULT.withConcurrency(2);
        s = new VerifySettings(2, s.urlWait(), s.allWait(), s.lookAgain(), s.looks(), Duration.ofMillis(300));
        Verification v = verification(u -> u.contains("hang") ? new CompletableFuture<>()
                : CompletableFuture.completedFuture(Pages.fromOrigin(u, "\"x\"")), s);
        CompletableFuture<PageVerdict> hanging = v.check(url(0, "https://hang.example.invalid/", false));
        PageVerdict quick = done(v.check(url(1, NEWS, false)));
        assertThat(quick.freshness()).isEqualTo(Freshness.FRESH);
        PageVerdict timedOut = done(hanging);
        assertThat(timedOut.freshness()).isEqualTo(Freshness.CANT_TELL);
        assertThat(timedOut.reason()).contains("did not answer");
    }

    @Test
    void noMoreFetchesRunAtOnceThanAllowed() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<CompletableFuture<PageReport>> open = Collections.synchronizedList(new ArrayList<>());
        Verification v = verification(u -> {
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            CompletableFuture<PageReport> f = new CompletableFuture<>();
            open.add(f);
            return f.whenComplete((r, e) -> inFlight.decrementAndGet());
        }, VerifySettings.DEFAULT.withConcurrency(4));
        List<CompletableFuture<PageVerdict>> all = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            all.add(v.check(url(i, NEWS + "/" + i, false)));
        }
        assertThat(open).hasSize(4);
        while (!all.stream().allMatch(CompletableFuture::isDone)) {
            CompletableFuture<PageReport> next;
            synchronized (open) {
                next = open.stream().filter(f -> !f.isDone()).findFirst().orElseThrow();
            }
            next.complete(Pages.fromOrigin(NEWS, "\"x\""));
        }
        assertThat(most).hasValue(4);
        assertThat(open).hasSize(40);
    }

    @Test
    void cancellingEndsEveryOpenVerdictAsNotVerifiedAtOnce() throws Exception {
        Map<String, CompletableFuture<PageReport>> open = new ConcurrentHashMap<>();
        Verification v = verification(u -> open.computeIfAbsent(u, k -> new CompletableFuture<>()),
                VerifySettings.DEFAULT.withConcurrency(1));
        CompletableFuture<PageVerdict> first = v.check(url(0, NEWS + "/1", false));
        CompletableFuture<PageVerdict> queued = v.check(url(1, NEWS + "/2", false));
        v.cancel();
        assertThat(done(first).freshness()).isEqualTo(Freshness.NOT_VERIFIED);
        assertThat(done(queued).freshness()).isEqualTo(Freshness.NOT_VERIFIED);
        assertThat(done(queued).target()).isEqualTo(NEWS + "/2");
        assertThat(open).containsOnlyKeys(NEWS + "/1"); // the queued page was never fetched
        assertThat(open.get(NEWS + "/1")).isCancelled();
        assertThat(done(v.check(url(2, NEWS, false))).freshness()).isEqualTo(Freshness.NOT_VERIFIED);
    }

    @Test
    void aLookBeforeThePurgeKeepsWhatAnsweredWithinItsBudgetAndDropsTheRest() throws Exception {
        PurgeVerifier verifier = new PurgeVerifier(u -> u.contains("slow") ? new CompletableFuture<>()
                : u.contains("broken") ? CompletableFuture.failedFuture(new PageFetchException("refused"))
                : CompletableFuture.completedFuture(Pages.edgeHit(u, 10, "100.0")), immediate,
                Clock.fixed(NOW, ZoneOffset.UTC), VerifySettings.DEFAULT);
        Map<String, PageReport> before = verifier.snapshot(List.of(NEWS, NEWS + "/slow", NEWS + "/broken"),
                Duration.ofMillis(200)).get(5, TimeUnit.SECONDS);
        assertThat(before).containsOnlyKeys(NEWS);
        assertThat(before.get(NEWS).etag()).contains("\"v1\"");
    }
}
