package dev.purgedeck.fastly;

import java.time.Duration;

/**
 * Fastly's answer to one URL purge or purge-all.
 *
 * @param target     the URL as sent, or the service ID for purge-all
 * @param purgeId    Fastly's purge ID, or null when Fastly gave none (purge-all usually does not)
 * @param httpStatus the HTTP status of the final attempt
 * @param attempts   how many requests were sent
 * @param elapsed    time from the first attempt to the answer
 */
public record PurgeResponse(String target, String purgeId, int httpStatus, int attempts, Duration elapsed) {
}
