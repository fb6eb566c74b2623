package dev.purgedeck.fastly;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Fastly's answer to one batch of at most 256 surrogate keys.
 *
 * @param keys       the keys sent, in order
 * @param purgeIds   key → purge ID as Fastly returned them; a key Fastly ignored is absent
 * @param httpStatus the HTTP status of the final attempt
 * @param attempts   how many requests were sent
 * @param elapsed    time from the first attempt to the answer
 */
public record KeyBatchResponse(List<String> keys, Map<String, String> purgeIds, int httpStatus, int attempts,
                               Duration elapsed) {
}
