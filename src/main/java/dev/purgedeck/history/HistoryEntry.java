package dev.purgedeck.history;

import dev.purgedeck.fastly.PurgeKind;
import dev.purgedeck.files.RandomUuids;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One purged item as the history stores it: one line of the history file ({@link HistoryStore#FILE_NAME}). Never
 * holds a token.
 *
 * <p>Times are kept to the millisecond (what the file stores), and empty optional texts are null, so an entry read
 * back from the file or an export equals the one written.
 *
 * @param jobId        shared by the items purged together
 * @param time         when the outcome became known (UTC)
 * @param profile      the connection profile's name, if any
 * @param endpointKind {@code fastly}, {@code sandbox} or {@code custom}
 * @param endpoint     the API base URL
 * @param serviceId    the service purged (may be null for URL purges)
 * @param serviceName  the service's name when known
 * @param kind         url, key or all
 * @param target       the URL, key, or service ID for purge-all
 * @param soft         soft purge (mark stale) rather than hard
 * @param environment  {@code production} or {@code staging}
 * @param outcome      ok, failed or cancelled
 * @param purgeId      Fastly's purge ID when it gave one
 * @param httpStatus   the final HTTP status, 0 when no answer arrived
 * @param error        the plain-language reason for a failed or cancelled item
 * @param attempts     requests sent for the item
 * @param durationMs   how long the item's request took
 * @param user         the OS user who ran the purge
 * @param appVersion   the PurgeDeck version that ran it
 * @param retryOf      the job whose failed items this job sent again ("Retry failed"); null otherwise, and in files
 *                     written before retries were linked
 * @param secondPurgeId the purge ID of the second purge when the item was purged twice
 * @param verdict      what a look at the page after the purge said ({@code fresh}, {@code old_copy}, … as
 *                     {@code edge.Freshness} ids), null when the purge was not verified
 * @param verdictReason the verdict's reason in plain words
 * @param id           the entry's own unique ID (a random UUID) or null for lines written before entries had one;
 *                     {@link #stableId()} is never null
 */
public record HistoryEntry(String jobId, Instant time, String profile, String endpointKind, String endpoint,
                           String serviceId, String serviceName, PurgeKind kind, String target, boolean soft,
                           String environment, Outcome outcome, String purgeId, int httpStatus, String error,
                           int attempts, long durationMs, String user, String appVersion, String retryOf,
                           String secondPurgeId, String verdict, String verdictReason,
                           String id) {

    public HistoryEntry {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(outcome, "outcome");
        if (time.getNano() % 1_000_000 != 0) {
            time = time.truncatedTo(ChronoUnit.MILLIS);
        }
        profile = blankToNull(profile);
        endpointKind = blankToNull(endpointKind);
        endpoint = blankToNull(endpoint);
        serviceId = blankToNull(serviceId);
        serviceName = blankToNull(serviceName);
        environment = blankToNull(environment);
        purgeId = blankToNull(purgeId);
        error = blankToNull(error);
        user = blankToNull(user);
        appVersion = blankToNull(appVersion);
        retryOf = blankToNull(retryOf);
        secondPurgeId = blankToNull(secondPurgeId);
        verdict = blankToNull(verdict);
        verdictReason = blankToNull(verdictReason);
        id = blankToNull(id);
    }

    /** An entry of a job that retries none, purged once and not verified. */
    public HistoryEntry(String jobId, Instant time, String profile, String endpointKind, String endpoint,
                        String serviceId, String serviceName, PurgeKind kind, String target, boolean soft,
                        String environment, Outcome outcome, String purgeId, int httpStatus, String error,
                        int attempts, long durationMs, String user, String appVersion) {
        this(jobId, time, profile, endpointKind, endpoint, serviceId, serviceName, kind, target, soft, environment,
                outcome, purgeId, httpStatus, error, attempts, durationMs, user, appVersion, null);
    }

    /** An entry purged once and not verified, as every entry was before purge twice and verification. */
    public HistoryEntry(String jobId, Instant time, String profile, String endpointKind, String endpoint,
                        String serviceId, String serviceName, PurgeKind kind, String target, boolean soft,
                        String environment, Outcome outcome, String purgeId, int httpStatus, String error,
                        int attempts, long durationMs, String user, String appVersion, String retryOf) {
        this(jobId, time, profile, endpointKind, endpoint, serviceId, serviceName, kind, target, soft, environment,
                outcome, purgeId, httpStatus, error, attempts, durationMs, user, appVersion, retryOf, null, null,
                null, null);
    }

    /** This entry with the verdict of a look at its page after the purge. */
    public HistoryEntry withVerdict(String verdictId, String reason) {
        return new HistoryEntry(jobId, time, profile, endpointKind, endpoint, serviceId, serviceName, kind, target,
                soft, environment, outcome, purgeId, httpStatus, error, attempts, durationMs, user, appVersion,
                retryOf, secondPurgeId, verdictId, reason, id);
    }

    /** This entry with its own unique ID (lines written before IDs existed have none). */
    public HistoryEntry withId(String newId) {
        return new HistoryEntry(jobId, time, profile, endpointKind, endpoint, serviceId, serviceName, kind, target,
                soft, environment, outcome, purgeId, httpStatus, error, attempts, durationMs, user, appVersion,
                retryOf, secondPurgeId, verdict, verdictReason, newId);
    }

    /** Where this process's entry IDs start and how many it gave; drawn on first use, not where entries are read. */
    private static final class Ids {
        static final UUID BASE = RandomUuids.next();
        static final AtomicLong COUNTER = new AtomicLong();
    }

    /**
     * A new unique ID for an entry being recorded now, shaped as a random (version 4) UUID. The first one of a process
     * is a random UUID ({@link RandomUuids}); each next one adds an odd constant to its lower half, which repeats only after
     * 2^62 IDs, so the IDs of one process never collide and those of two processes only as two random UUIDs would.
     * A job of 1,000 URLs spent more CPU on 1,000 draws from the system's secure random generator than on writing
     * its history (docs/performance.md §11); nothing depends on an ID being unpredictable, only on it being unique.
     */
    public static String newId() {
        long n = Ids.COUNTER.getAndIncrement();
        long low = (Ids.BASE.getLeastSignificantBits() + n * 0x9E3779B97F4A7C15L) & 0x3FFFFFFFFFFFFFFFL
                | 0x8000000000000000L; // the IETF variant, as randomUUID sets it
        return new UUID(Ids.BASE.getMostSignificantBits(), low).toString();
    }

    /**
     * The ID that names this entry everywhere, the team database included: its own, or for an older line one derived
     * from what identifies the item (job, time, kind, target, outcome, purge ID, attempts), so the same line yields
     * the same ID on every load and ships once. Two byte-identical old lines yield one ID: nothing tells them apart.
     */
    public String stableId() {
        if (id != null) {
            return id;
        }
        String key = jobId + '\n' + time.toEpochMilli() + '\n' + kind.id() + '\n' + target + '\n' + outcome.id()
                + '\n' + purgeId + '\n' + attempts + '\n' + httpStatus;
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * The profile and the kind of endpoint, e.g. "work (sandbox)" or "production (Fastly)", for a table: sandbox purges
     * must not pass for real ones. Empty when neither is known.
     */
    public String profileLabel() {
        String where = endpointKind == null ? "" : switch (endpointKind) {
            case "fastly" -> "Fastly";
            case "sandbox" -> "sandbox";
            default -> "custom";
        };
        String name = profile == null ? "" : profile;
        return name.isEmpty() ? where : where.isEmpty() ? name : name + " (" + where + ")";
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** How the item ended; written in lower case ({@code ok}, {@code failed}, {@code cancelled}). */
    public enum Outcome {
        OK, FAILED, CANCELLED;

        private final String id = name().toLowerCase(Locale.ROOT);

        /** The lower-case name used in files and exports. */
        public String id() {
            return id;
        }

        /** The outcome named {@code id} (any case); throws IllegalArgumentException for anything else. */
        public static Outcome of(String id) {
            switch (id == null ? "" : id) { // the exact spellings first: a load meets them a million times
                case "ok":
                    return OK;
                case "failed":
                    return FAILED;
                case "cancelled":
                    return CANCELLED;
                default:
                    break;
            }
            for (Outcome o : values()) {
                if (o.id.equalsIgnoreCase(id)) {
                    return o;
                }
            }
            throw new IllegalArgumentException("unknown outcome: " + id);
        }
    }

    /** The purge kind named {@code id} ({@code url}, {@code key}, {@code all}, any case). */
    static PurgeKind kindOf(String id) {
        switch (id == null ? "" : id) {
            case "url":
                return PurgeKind.URL;
            case "key":
                return PurgeKind.KEY;
            case "all":
                return PurgeKind.ALL;
            default:
                break;
        }
        for (PurgeKind k : PurgeKind.values()) {
            if (k.id().equalsIgnoreCase(id)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown kind: " + id);
    }
}
