package dev.purgedeck.edge;

import dev.purgedeck.fastly.PurgeKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;

/**
 * The verification of one purge job: each purged item handed to {@link #check} gets exactly one final verdict,
 * through the listener and through its own future, after the pages were looked at. Cancelling ends every verdict
 * not reached yet as {@link Freshness#NOT_VERIFIED} at once.
 */
public final class Verification {
    private static final String CANCELLED = "Verification was stopped before the page was looked at.";

    private final PurgeVerifier verifier;
    private final VerdictListener listener;
    private final Map<Integer, CompletableFuture<PageVerdict>> verdicts = new ConcurrentHashMap<>();
    private final Set<CompletableFuture<PageReport>> inFlight = ConcurrentHashMap.newKeySet();
    private final Set<Integer> ended = ConcurrentHashMap.newKeySet();
    private final Map<Integer, String> targets = new ConcurrentHashMap<>();
    private volatile boolean cancelled;

    Verification(PurgeVerifier verifier, VerdictListener listener) {
        this.verifier = verifier;
        this.listener = listener;
    }

    /**
     * One purged item and the pages that show whether it worked.
     *
     * @param index    the item's position in the job
     * @param target   the URL, key or service ID
     * @param kind     url, key or all
     * @param soft     whether the purge was soft
     * @param sentAt   when the (last) purge request for it was sent
     * @param urls     the pages to look at: the URL itself, or sample pages of a key or service
     * @param before   looks taken before the purge, by URL, for their validators (may be empty)
     */
    public record Item(int index, String target, PurgeKind kind, boolean soft, Instant sentAt, List<String> urls,
                       Map<String, PageReport> before) {
        public Item {
            urls = List.copyOf(urls);
            before = Map.copyOf(before);
        }
    }

    /** Starts looking at the item's pages; without any, its verdict is "not verified" at once. */
    public CompletableFuture<PageVerdict> check(Item item) {
        targets.put(item.index(), item.target());
        CompletableFuture<PageVerdict> out = slot(item.index());
        if (item.urls().isEmpty()) {
            finish(PageVerdict.unverified(item.index(), item.target(), PageVerdict.NO_PAGE, now()));
            return out;
        }
        if (cancelled) {
            finish(PageVerdict.unverified(item.index(), item.target(), CANCELLED, now()));
            return out;
        }
        List<CompletableFuture<PageVerdict>> pages = new ArrayList<>();
        for (String url : item.urls()) {
            CompletableFuture<PageVerdict> page = new CompletableFuture<>();
            pages.add(page);
            Duration wait = Duration.between(now(), item.sentAt().plus(verifier.waitAfter(item.kind())));
            look(item, url, 1, page, wait.isNegative() ? Duration.ZERO : wait);
        }
        CompletableFuture.allOf(pages.toArray(CompletableFuture[]::new)).thenRun(() ->
                finish(combine(item, pages.stream().map(CompletableFuture::join).toList())));
        return out;
    }

    /** Records that an item is not verified (it failed, or verification is off for it), with the reason. */
    public CompletableFuture<PageVerdict> skip(int index, String target, String reason) {
        CompletableFuture<PageVerdict> out = slot(index);
        finish(PageVerdict.unverified(index, target, reason, now()));
        return out;
    }

    /** The final verdict of item {@code index}, once it is reached. */
    public CompletableFuture<PageVerdict> verdict(int index) {
        return slot(index);
    }

    /** Stops: nothing new is fetched, and every item without a final verdict gets "not verified" now. */
    public void cancel() {
        cancelled = true;
        List.copyOf(inFlight).forEach(f -> f.cancel(true));
        verdicts.forEach((i, f) -> {
            if (!f.isDone()) {
                finish(PageVerdict.unverified(i, targets.getOrDefault(i, ""), CANCELLED, now()));
            }
        });
    }

    public boolean cancelled() {
        return cancelled;
    }

    private void look(Item item, String url, int n, CompletableFuture<PageVerdict> page, Duration after) {
        verifier.scheduler().schedule(after, () -> {
            if (cancelled || page.isDone()) {
                page.complete(PageVerdict.unverified(item.index(), item.target(), CANCELLED, now()));
                return;
            }
            CompletableFuture<PageReport> fetch = verifier.fetch(url, () -> cancelled || slot(item.index()).isDone());
            inFlight.add(fetch);
            if (cancelled) {
                fetch.cancel(true);
            }
            fetch.whenComplete((report, error) -> {
                inFlight.remove(fetch);
                Instant at = now();
                if (error != null) {
                    Throwable e = error instanceof CompletionException && error.getCause() != null
                            ? error.getCause() : error;
                    page.complete(e instanceof CancellationException
                            ? PageVerdict.unverified(item.index(), item.target(), CANCELLED, at)
                            : verdict(item, url, lookFailed(e), Optional.empty(), at, true));
                    return;
                }
                FreshnessRules.Look l = FreshnessRules.judge(report, Optional.ofNullable(item.before().get(url)),
                        item.sentAt(), at, item.soft());
                boolean again = l.freshness() == Freshness.REFRESHING && n < verifier.settings().looks();
                if (!again) {
                    page.complete(verdict(item, url, l, Optional.of(report), at, true));
                    return;
                }
                if (n == 1) {
                    tell(verdict(item, url, l, Optional.of(report), at, false));
                }
                look(item, url, n + 1, page, verifier.settings().lookAgain());
            });
        });
    }

    private FreshnessRules.Look lookFailed(Throwable e) {
        if (e instanceof TimeoutException) {
            return new FreshnessRules.Look(Freshness.CANT_TELL, "The page did not answer within "
                    + verifier.settings().fetchTimeout().toSeconds() + " s; PurgeDeck stopped waiting.");
        }
        return FreshnessRules.failed(e);
    }

    private static PageVerdict verdict(Item item, String url, FreshnessRules.Look l, Optional<PageReport> report,
                                       Instant at, boolean last) {
        return new PageVerdict(item.index(), item.target(), l.freshness(), l.reason(), Optional.of(url), report, at,
                last);
    }

    /** A key's or a service's verdict is that of its worst page: one old page means the purge did not reach it. */
    private PageVerdict combine(Item item, List<PageVerdict> pages) {
        PageVerdict worst = pages.stream().min(Comparator.comparingInt(v -> v.freshness().severity())).orElseThrow();
        if (pages.size() == 1) {
            return worst;
        }
        long same = pages.stream().filter(v -> v.freshness() == worst.freshness()).count();
        String reason = worst.url().map(u -> u + ": ").orElse("") + worst.reason() + " (" + same + " of "
                + pages.size() + " pages " + worst.freshness().label().toLowerCase(Locale.ROOT) + ")";
        return new PageVerdict(item.index(), item.target(), worst.freshness(), reason, worst.url(), worst.report(),
                now(), true);
    }

    /** Ends an item once: the listener hears the verdict before the item's future completes with it. */
    private void finish(PageVerdict v) {
        if (ended.add(v.index())) {
            tell(v);
            slot(v.index()).complete(v);
        }
    }

    private void tell(PageVerdict v) {
        try {
            listener.onVerdict(v);
        } catch (RuntimeException e) {
            System.getLogger(Verification.class.getName()).log(System.Logger.Level.WARNING, "Verdict listener failed",
                    e);
        }
    }

    private CompletableFuture<PageVerdict> slot(int index) {
        return verdicts.computeIfAbsent(index, i -> new CompletableFuture<>());
    }

    private Instant now() {
        return verifier.clock().instant();
    }
}
