package dev.purgedeck.fastly;

import java.time.Duration;
import java.time.Instant;

/**
 * How one URL, key or purge-all of a job ended; every item ends in exactly one of these.
 *
 * @param index      the item's position in the job
 * @param kind       url, key or all
 * @param target     the URL, key, or service ID for purge-all
 * @param status     ok, failed or cancelled
 * @param purgeId    Fastly's purge ID when it gave one
 * @param httpStatus the final HTTP status, 0 when no answer arrived
 * @param attempts   requests sent for this item (shared by the keys of one batch)
 * @param duration   how long the item's request took
 * @param message    a plain-language reason for failed and cancelled items, empty for ok
 * @param errorKind  the kind of failure, null unless failed by Fastly or the network
 * @param finishedAt when the outcome became known
 * @param secondPurgeId the purge ID of the second purge when the item was purged twice (docs/fastly-edge.md §2),
 *                      null otherwise
 */
public record ItemOutcome(int index, PurgeKind kind, String target, Status status, String purgeId, int httpStatus,
                          int attempts, Duration duration, String message, FastlyApiException.Kind errorKind,
                          Instant finishedAt, String secondPurgeId) {
    /** How the message of a cancelled item that never left PurgeDeck begins. */
    public static final String NOT_SENT = "Not sent";
    /** The message of an item purged once whose second purge was cancelled (it stays purged). */
    public static final String SECOND_CANCELLED = "The second purge was cancelled.";

    /** An item purged once. */
    public ItemOutcome(int index, PurgeKind kind, String target, Status status, String purgeId, int httpStatus,
                       int attempts, Duration duration, String message, FastlyApiException.Kind errorKind,
                       Instant finishedAt) {
        this(index, kind, target, status, purgeId, httpStatus, attempts, duration, message, errorKind, finishedAt,
                null);
    }

    /** The three ways an item can end. */
    public enum Status { OK, FAILED, CANCELLED }

    /**
     * This item after its second purge {@code second} (of the same target): it keeps the first purge's ID and adds
     * the second's, or says why the second did not happen; an item purged once stays purged whatever the second does.
     */
    public ItemOutcome withSecond(ItemOutcome second) {
        if (second.ok()) {
            return new ItemOutcome(index, kind, target, status, purgeId, second.httpStatus, attempts + second.attempts,
                    second.duration, message, errorKind, second.finishedAt, second.purgeId);
        }
        String why = second.status == Status.CANCELLED ? SECOND_CANCELLED
                : "The second purge failed: " + second.message;
        return new ItemOutcome(index, kind, target, status, purgeId, httpStatus, attempts + second.attempts, duration,
                why, errorKind, finishedAt, null);
    }

    /** When the (last) purge request of this item was sent: its outcome's time less the request's duration. */
    public Instant sentAt() {
        return duration == null ? finishedAt : finishedAt.minus(duration);
    }

    /** Purged once, and the second purge of a purge-twice job was cancelled before it was sent. */
    public boolean secondCancelled() {
        return status == Status.OK && SECOND_CANCELLED.equals(message);
    }

    public boolean ok() {
        return status == Status.OK;
    }

    /** Cancelled before its request was sent: purging it again cannot purge anything twice. */
    public boolean notSent() {
        return status == Status.CANCELLED && message.startsWith(NOT_SENT);
    }
}
