package dev.purgedeck.stats;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What a purge did, from the per-second series around it: the hit ratio before, at its lowest and when back, and
 * the origin fetches' peak against the baseline.
 *
 * @param baselineHitRatio   pooled hit ratio of the seconds before the purge
 * @param lowestHitRatio     the lowest per-second hit ratio from the purge on
 * @param recoveredHitRatio  the hit ratio of the first second back near the baseline, NaN if not back yet
 * @param recoveredAfter     seconds from the purge to that second, -1 if not back yet
 * @param baselineFetches    mean origin fetches per second before the purge
 * @param peakFetches        the most origin fetches in one second from the purge on
 * @param secondsAfter       seconds of data from the purge on
 */
public record ImpactSummary(double baselineHitRatio, double lowestHitRatio, double recoveredHitRatio,
        long recoveredAfter, double baselineFetches, long peakFetches, long secondsAfter) {
    /** Back means within this many points of the baseline. */
    static final double RECOVERED_WITHIN = 0.05;
    /** A summary stops changing once the ratio is back, or after this long regardless. */
    static final long SETTLE_LIMIT_SECONDS = 300;

    /** Empty when the series has no second with requests before or after the purge. */
    public static Optional<ImpactSummary> of(List<StatsSecond> series, long purgeSecond) {
        long baseRequests = 0;
        long baseHits = 0;
        long baseFetches = 0;
        int baseSeconds = 0;
        double lowest = Double.NaN;
        long lowestAt = -1;
        long peak = 0;
        long lastAfter = -1;
        for (StatsSecond s : series) {
            if (s.recorded() < purgeSecond) {
                baseRequests += s.edgeRequests();
                baseHits += s.edgeHits();
                baseFetches += s.originFetches();
                baseSeconds++;
                continue;
            }
            lastAfter = Math.max(lastAfter, s.recorded());
            peak = Math.max(peak, s.originFetches());
            double r = s.hitRatio();
            if (!Double.isNaN(r) && (Double.isNaN(lowest) || r < lowest)) {
                lowest = r;
                lowestAt = s.recorded();
            }
        }
        if (baseRequests == 0 || Double.isNaN(lowest)) {
            return Optional.empty();
        }
        double baseline = (double) baseHits / baseRequests;
        double recovered = Double.NaN;
        long after = -1;
        for (StatsSecond s : series) {
            double r = s.hitRatio();
            if (s.recorded() >= lowestAt && !Double.isNaN(r) && r >= baseline - RECOVERED_WITHIN) {
                recovered = r;
                after = s.recorded() - purgeSecond;
                break;
            }
        }
        return Optional.of(new ImpactSummary(baseline, lowest, recovered, after,
                (double) baseFetches / baseSeconds, peak, lastAfter - purgeSecond + 1));
    }

    public boolean recovered() {
        return recoveredAfter >= 0;
    }

    /** Back near the baseline, or watched long enough that waiting longer tells nothing new. */
    public boolean settled() {
        return recovered() || secondsAfter >= SETTLE_LIMIT_SECONDS;
    }

    /** How many times the baseline the origin fetches peaked at; empty when the baseline had none. */
    public OptionalDouble peakFactor() {
        return baselineFetches > 0 ? OptionalDouble.of(peakFetches / baselineFetches) : OptionalDouble.empty();
    }

    /** "hit ratio 97 % → 41 % at the lowest, back to 90 % after 48 s; origin fetches peaked at 12× the baseline". */
    public String text() {
        StringBuilder sb = new StringBuilder();
        sb.append("hit ratio ").append(percent(baselineHitRatio)).append(" → ").append(percent(lowestHitRatio))
                .append(" at the lowest, ");
        if (recovered()) {
            sb.append("back to ").append(percent(recoveredHitRatio)).append(" after ").append(recoveredAfter)
                    .append(" s");
        } else {
            sb.append("not back yet after ").append(secondsAfter).append(" s");
        }
        sb.append("; origin fetches peaked at ");
        OptionalDouble factor = peakFactor();
        if (factor.isPresent()) {
            double f = factor.getAsDouble();
            sb.append(f >= 10 ? String.format(Locale.ROOT, "%.0f", f) : String.format(Locale.ROOT, "%.1f", f))
                    .append("× the baseline");
        } else {
            sb.append(peakFetches).append("/s (none before)");
        }
        return sb.toString();
    }

    private static String percent(double ratio) {
        return Math.round(ratio * 100) + " %";
    }
}
