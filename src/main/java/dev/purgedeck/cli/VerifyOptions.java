package dev.purgedeck.cli;

import dev.purgedeck.context.Version;
import dev.purgedeck.edge.FetchLimits;
import dev.purgedeck.edge.Freshness;
import dev.purgedeck.edge.PageFetcher;
import dev.purgedeck.edge.PageVerdict;
import dev.purgedeck.edge.PurgeVerifier;
import dev.purgedeck.edge.VerifyPlan;
import dev.purgedeck.edge.VerifySettings;
import dev.purgedeck.fastly.InvalidInputException;
import dev.purgedeck.fastly.PurgeKind;
import dev.purgedeck.fastly.PurgeTwice;
import dev.purgedeck.fastly.Validation;
import dev.purgedeck.keysets.KeySet;
import dev.purgedeck.settings.Connection;
import java.time.Duration;
import java.util.List;

/** {@code purge --verify/--check/--twice/--twice-delay}: checked before anything is sent, then the job's plan. */
final class VerifyOptions {
    static final int MAX_CHECK_PAGES = 100;
    static final Duration MAX_TWICE_DELAY = Duration.ofMinutes(10);

    private VerifyOptions() {
    }

    /** Usage errors (exit 2, nothing sent) for options that cannot work together or values out of range. */
    static void check(boolean verify, List<String> pages, Duration twiceDelay) {
        if (!pages.isEmpty() && !verify) {
            throw CliFailure.usage("--check names pages for --verify; add --verify, or leave out --check");
        }
        if (pages.size() > MAX_CHECK_PAGES) {
            throw CliFailure.usage("--check given " + pages.size() + " times; verify on at most " + MAX_CHECK_PAGES
                    + " pages");
        }
        if (twiceDelay != null && twiceDelay.compareTo(MAX_TWICE_DELAY) > 0) {
            throw CliFailure.usage("--twice-delay must be at most 10m (Fastly advises 2s for URLs and keys, 30s for "
                    + "--all)");
        }
        if (!pages.isEmpty()) {
            try {
                Validation.requireUrls(pages);
            } catch (InvalidInputException e) {
                throw CliFailure.usage("--check: " + e.getMessage() + "; nothing was purged");
            }
        }
    }

    /** The pages given with --check, else the sample URLs of the key set purged (none for other targets). */
    static List<String> pages(List<String> check, KeySet set) {
        return check.isEmpty() && set != null ? set.sampleUrls() : check;
    }

    static VerifyPlan plan(boolean verify, List<String> pages, boolean twice, Duration delay, PurgeKind kind) {
        VerifyPlan plan = verify ? VerifyPlan.verify(pages.isEmpty() ? List.of() : Validation.requireUrls(pages))
                : VerifyPlan.NONE;
        return twice ? plan.twice(delay != null ? delay : PurgeTwice.advisedDelay(kind)) : plan;
    }

    /** Pages are read where the purge goes: through the sandbox for a sandbox profile, directly otherwise. */
    static PurgeVerifier verifier(Connection connection, CliClient client) {
        PageFetcher fetcher = PageFetcher.forConnection(connection, Version.userAgent(), FetchLimits.DEFAULT,
                client.executor());
        return PurgeVerifier.of(fetcher, VerifySettings.DEFAULT);
    }

    /** Says on stderr which pages still get the old copy; true when any does (exit code 1). */
    static boolean warnOldCopies(CliContext ctx, List<PageVerdict> verdicts) {
        if (verdicts == null) {
            return false;
        }
        boolean any = false;
        for (PageVerdict v : verdicts) {
            if (v.freshness() == Freshness.OLD_COPY) {
                any = true;
                ctx.warn("purgedeck: old copy still served: " + v.target() + ": " + v.reason());
            }
        }
        return any;
    }
}
