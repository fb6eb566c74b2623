package dev.purgedeck.history;

import dev.purgedeck.fastly.ItemOutcome;
import dev.purgedeck.fastly.ServiceInfo;
import java.util.Map;

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
 * @param itemServices for a job without a service (URLs): the service each target's host routes to, where known
 * @param retryOf      the job whose failed items this one sends again, or null
 */
public record JobContext(String jobId, String profile, String endpointKind, String endpoint, String serviceId,
                         String serviceName, boolean soft, String environment, String user, String appVersion,
                         Map<String, ServiceInfo> itemServices, String retryOf) {

    public JobContext {
        itemServices = itemServices == null ? Map.of() : Map.copyOf(itemServices);
    }

    /** A job whose items all record the job's service (or none) and that retries none. */
    public JobContext(String jobId, String profile, String endpointKind, String endpoint, String serviceId,
                      String serviceName, boolean soft, String environment, String user, String appVersion) {
        this(jobId, profile, endpointKind, endpoint, serviceId, serviceName, soft, environment, user, appVersion,
                Map.of(), null);
    }

    /** This context for a job that sends the failed items of {@code earlierJobId} again. */
    public JobContext retrying(String earlierJobId) {
        return new JobContext(jobId, profile, endpointKind, endpoint, serviceId, serviceName, soft, environment, user,
                appVersion, itemServices, earlierJobId);
    }

    /** The entry for one item of this job, with a new unique ID. */
    public HistoryEntry entry(ItemOutcome o) {
        return entry(o, null, null);
    }

    /** The entry for one item of this job with the verdict of a look at its page after the purge. */
    public HistoryEntry entry(ItemOutcome o, String verdict, String verdictReason) {
        ServiceInfo routed = serviceId == null ? itemServices.get(o.target()) : null;
        String id = routed == null ? serviceId : routed.id();
        String name = routed == null ? serviceName : routed.name();
        return new HistoryEntry(jobId, o.finishedAt(), profile, endpointKind, endpoint, id, name,
                o.kind(), o.target(), soft, environment, outcome(o.status()), o.purgeId(), o.httpStatus(),
                o.message(), o.attempts(), o.duration() == null ? 0 : o.duration().toMillis(), user, appVersion,
                retryOf, o.secondPurgeId(), verdict, verdictReason, HistoryEntry.newId());
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
