package dev.purgedeck.history;

import dev.purgedeck.fastly.PurgeKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Realistic history for the benchmark: a few services, jobs of about 1,000 URLs (60-90 characters, a few
 * milliseconds apart) or keys (in batches of 256 that end at one moment), the odd purge-all, 2 % failures with
 * Fastly-style messages.
 */
public final class BenchData {
    private static final String[][] SERVICES = {
        {"SU1Z0isxPaozGVKXdv0eY", "www.shop-example.com", "Shop production"},
        {"7kQm2XvR9tLp4WnB8cYd3F", "blog.example.org", "Blog"},
        {"2hJd8sLq0PzXc5VbN1mKa4", "media.example.net", "Media CDN"},
        {"9TfR3wQe6YuI1oPa5SdF7g", "api.example.io", "Public API"},
        {"4GhJ6kLz8XcV0bNm2QwE1r", "static.example.com", "Static assets"}};
    private static final String[] SECTIONS = {"products", "checkout", "category/shoes", "articles/2025",
        "images/large", "help/faq", "account/orders", "search/results"};
    private static final String[] ERRORS = {
        "Fastly answered 503 Service Unavailable after 3 attempts.",
        "The request timed out after 10 seconds; the purge may not have happened.",
        "Fastly returned no purge ID for this key, so it may not have been purged.",
        "Rate limited by Fastly (429); gave up after 3 attempts."};
    private final Random random;
    private Instant time = Instant.parse("2025-01-01T08:00:00Z");
    private long purgeSeq = 1_000_000;

    public BenchData(long seed) {
        this.random = new Random(seed);
    }

    /** One job of {@code size} items (or a single purge-all now and then). */
    public List<HistoryEntry> job(int size) {
        String[] service = SERVICES[random.nextInt(SERVICES.length)];
        String jobId = UUID.randomUUID().toString();
        int roll = random.nextInt(100);
        PurgeKind kind = roll < 45 ? PurgeKind.URL : PurgeKind.KEY;
        boolean soft = random.nextInt(4) == 0;
        String user = random.nextBoolean() ? "alice" : "bob";
        time = time.plusSeconds(600 + random.nextInt(3600));
        List<HistoryEntry> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            // A URL is a request of its own; the keys of a batch of 256 end together, at one moment.
            if (kind == PurgeKind.URL || i % 256 == 0) {
                time = time.plusMillis(kind == PurgeKind.URL ? 1 + random.nextInt(8) : 20 + random.nextInt(30));
            }
            boolean all = roll == 99 && i == size - 1; // keep the count exact while sprinkling purge-alls
            PurgeKind k = all ? PurgeKind.ALL : kind;
            String target = all ? service[0] : kind == PurgeKind.URL ? url(service[1]) : key();
            boolean failed = random.nextInt(50) == 0;
            out.add(new HistoryEntry(jobId, time, "production", "fastly", "https://api.fastly.com", service[0],
                    service[2], k, target, soft && !all, "production",
                    failed ? HistoryEntry.Outcome.FAILED : HistoryEntry.Outcome.OK,
                    failed ? null : "19940-" + time.getEpochSecond() + "-" + purgeSeq++, failed ? 503 : 200,
                    failed ? ERRORS[random.nextInt(ERRORS.length)] : null, failed ? 3 : 1, 15 + random.nextInt(200),
                    user, "1.4.2"));
        }
        return out;
    }

    private String url(String host) {
        StringBuilder b = new StringBuilder("https://").append(host).append('/')
                .append(SECTIONS[random.nextInt(SECTIONS.length)]).append('/');
        int targetLength = 60 + random.nextInt(31);
        while (b.length() < targetLength - 8) {
            b.append((char) ('a' + random.nextInt(26)));
            if (random.nextInt(7) == 0) {
                b.append('-');
            }
        }
        return b.append('-').append(100_000 + random.nextInt(900_000)).toString();
    }

    private String key() {
        return switch (random.nextInt(3)) {
            case 0 -> "product-" + random.nextInt(1_000_000);
            case 1 -> "category/" + SECTIONS[random.nextInt(SECTIONS.length)];
            default -> "sku_" + Long.toHexString(random.nextLong() & 0xffffffffffL);
        };
    }
}
