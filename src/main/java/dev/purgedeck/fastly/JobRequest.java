package dev.purgedeck.fastly;

import java.util.Collection;
import java.util.List;

/**
 * A validated bulk purge: what to purge, where and how. Build it with {@link #urls}, {@link #keys} or {@link #all};
 * each validates every item first and throws {@link InvalidInputException} naming the bad ones.
 *
 * @param serviceId   the service (may be null for URL purges)
 * @param kind        url, key or all
 * @param targets     de-duplicated, normalised targets in the order given
 * @param options     soft/hard and environment
 * @param concurrency how many requests may be in flight at once
 */
public record JobRequest(String serviceId, PurgeKind kind, List<String> targets, PurgeOptions options, int concurrency) {
    /**
     * Requests in flight unless the user says otherwise: URL and key purges do not count against Fastly's hourly
     * API limit, and 16 keep a 1,000-URL job within 1.2x of its ideal time at 20 ms latency (PurgeBenchmark), where
     * 32 is bound by the CPU of a two-core machine.
     */
    public static final int DEFAULT_CONCURRENCY = 16;

    public JobRequest {
        targets = List.copyOf(targets);
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1");
        }
    }

    /** The same request with {@code concurrency} requests in flight. */
    public JobRequest withConcurrency(int concurrency) {
        return new JobRequest(serviceId, kind, targets, options, concurrency);
    }

    /** URLs purged one request each; a service is optional and only recorded. */
    public static JobRequest urls(String serviceId, Collection<String> urls, PurgeOptions options, int concurrency) {
        return new JobRequest(serviceId, PurgeKind.URL, Validation.requireUrls(urls), options, concurrency);
    }

    /** Surrogate keys, sent in batches of at most 256. */
    public static JobRequest keys(String serviceId, Collection<String> keys, PurgeOptions options, int concurrency) {
        String service = Validation.requireServiceId(serviceId);
        return new JobRequest(service, PurgeKind.KEY, Validation.requireKeys(keys), options, concurrency);
    }

    /** Everything on a service; never soft. */
    public static JobRequest all(String serviceId, PurgeOptions options) {
        if (options.soft()) {
            throw new InvalidInputException("A purge-all cannot be soft: Fastly always removes everything at once.");
        }
        String service = Validation.requireServiceId(serviceId);
        return new JobRequest(service, PurgeKind.ALL, List.of(service), options, 1);
    }

    /** How many HTTP requests this job sends when nothing is retried. */
    public int requestCount() {
        return kind == PurgeKind.KEY ? KeyBatcher.requestCount(targets.size()) : targets.size();
    }
}
