package dev.purgedeck.history;

import dev.purgedeck.fastly.ItemOutcome;

/**
 * What the app knows about a job when it starts; together with each {@link ItemOutcome} it makes a history entry.
 * It deliberately has no place for the token.
 *
 * @param jobId        the job's ID, shared by all its entries
 * @param profile      the connection profile's name, if any
 * @param endpointKind {@code fastly}, {@code sandbox} or {@code custom}
 * @param endpoint     the API base URL
 * @param serviceId    the service purged (may be null for URL purges)
 * @param serviceName  the service's name when known
 * @param soft         soft purge
 * @param environment  {@code production} or {@code staging}
 * @param user         the OS user, usually {@link #currentUser()}
 * @param appVersion   the PurgeDeck version
 */
public record JobContext(String jobId, String profile, String endpointKind, String endpoint, String serviceId,
                         String serviceName, boolean soft, String environment, String user, String appVersion) {

    /** The entry for one item of this job, with a new unique ID. */
    public HistoryEntry entry(ItemOutcome o) {
        return new HistoryEntry(jobId, o.finishedAt(), profile, endpointKind, endpoint, serviceId, serviceName,
                o.kind(), o.target(), soft, environment, outcome(o.status()), o.purgeId(), o.httpStatus(),
                o.message(), o.attempts(), o.duration() == null ? 0 : o.duration().toMillis(), user, appVersion,
                HistoryEntry.newId());
    }

    /** The OS user name of this process. */
    public static String currentUser() {
        return System.getProperty("user.name");
    }

    static HistoryEntry.Outcome outcome(ItemOutcome.Status status) {
        return switch (status) {
            case OK -> HistoryEntry.Outcome.OK;
            case FAILED -> HistoryEntry.Outcome.FAILED;
            case CANCELLED -> HistoryEntry.Outcome.CANCELLED;
        };
    }
}
