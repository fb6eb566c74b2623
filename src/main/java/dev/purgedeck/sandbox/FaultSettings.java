package dev.purgedeck.sandbox;

import java.time.Duration;

/**
 * Faults the sandbox injects into API answers (never into {@code /_sandbox/*}); immutable, changed with withers.
 *
 * @param latency           fixed extra delay per request, on top of the configured latency
 * @param latencyJitter     extra random delay between zero and this value
 * @param errorRate         share of requests (0..1) answered with {@code errorStatus}
 * @param errorStatus       the status used for injected errors, e.g. 503
 * @param rateLimitAfter    when set, after this many more requests every request answers 429 until the reset
 * @param rateLimitReset    how long the injected 429 lasts; {@code Fastly-RateLimit-Reset} is now plus this
 * @param retryAfterSeconds when set, injected 429 and 503 answers carry {@code Retry-After}
 * @param dropRate          share of requests whose connection is closed without any answer
 * @param malformedRate     share of requests answered 200 with a truncated, non-JSON body
 */
public record FaultSettings(Duration latency, Duration latencyJitter, double errorRate, int errorStatus,
        Integer rateLimitAfter, Duration rateLimitReset, Integer retryAfterSeconds,
        double dropRate, double malformedRate) {

    static final Duration DEFAULT_RATE_LIMIT_RESET = Duration.ofSeconds(60);
    static final int DEFAULT_ERROR_STATUS = 503;

    /** Validates ranges; null durations mean zero (or the default reset) so JSON input can omit them. */
    public FaultSettings {
        latency = nonNegative(latency == null ? Duration.ZERO : latency, "latency");
        latencyJitter = nonNegative(latencyJitter == null ? Duration.ZERO : latencyJitter, "latencyJitter");
        rateLimitReset = nonNegative(rateLimitReset == null ? DEFAULT_RATE_LIMIT_RESET : rateLimitReset,
                "rateLimitReset");
        checkRate(errorRate, "errorRate");
        checkRate(dropRate, "dropRate");
        checkRate(malformedRate, "malformedRate");
        if (errorStatus < 400 || errorStatus > 599) {
            throw new IllegalArgumentException("errorStatus must be 400..599: " + errorStatus);
        }
        if (rateLimitAfter != null && rateLimitAfter < 0) {
            throw new IllegalArgumentException("rateLimitAfter must be >= 0: " + rateLimitAfter);
        }
        if (retryAfterSeconds != null && retryAfterSeconds < 0) {
            throw new IllegalArgumentException("retryAfterSeconds must be >= 0: " + retryAfterSeconds);
        }
    }

    /** No faults at all. */
    public static FaultSettings none() {
        return new FaultSettings(Duration.ZERO, Duration.ZERO, 0, DEFAULT_ERROR_STATUS, null,
                DEFAULT_RATE_LIMIT_RESET, null, 0, 0);
    }

    public FaultSettings withLatency(Duration d) {
        return new FaultSettings(d, latencyJitter, errorRate, errorStatus, rateLimitAfter, rateLimitReset,
                retryAfterSeconds, dropRate, malformedRate);
    }

    public FaultSettings withLatencyJitter(Duration d) {
        return new FaultSettings(latency, d, errorRate, errorStatus, rateLimitAfter, rateLimitReset,
                retryAfterSeconds, dropRate, malformedRate);
    }

    public FaultSettings withErrorRate(double rate, int status) {
        return new FaultSettings(latency, latencyJitter, rate, status, rateLimitAfter, rateLimitReset,
                retryAfterSeconds, dropRate, malformedRate);
    }

    public FaultSettings withRateLimitAfter(int n, Duration resetIn) {
        return new FaultSettings(latency, latencyJitter, errorRate, errorStatus, n, resetIn,
                retryAfterSeconds, dropRate, malformedRate);
    }

    /** Turns the injected rate limit off again. */
    public FaultSettings withoutRateLimit() {
        return new FaultSettings(latency, latencyJitter, errorRate, errorStatus, null, rateLimitReset,
                retryAfterSeconds, dropRate, malformedRate);
    }

    public FaultSettings withRetryAfter(Integer seconds) {
        return new FaultSettings(latency, latencyJitter, errorRate, errorStatus, rateLimitAfter, rateLimitReset,
                seconds, dropRate, malformedRate);
    }

    public FaultSettings withDropRate(double rate) {
        return new FaultSettings(latency, latencyJitter, errorRate, errorStatus, rateLimitAfter, rateLimitReset,
                retryAfterSeconds, rate, malformedRate);
    }

    public FaultSettings withMalformedRate(double rate) {
        return new FaultSettings(latency, latencyJitter, errorRate, errorStatus, rateLimitAfter, rateLimitReset,
                retryAfterSeconds, dropRate, rate);
    }

    private static Duration nonNegative(Duration d, String name) {
        if (d.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative: " + d);
        }
        return d;
    }

    private static void checkRate(double rate, String name) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException(name + " must be within 0..1: " + rate);
        }
    }
}
