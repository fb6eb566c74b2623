package dev.purgedeck.team;

import java.time.Instant;

/**
 * One row of the team history: a purged item and who purged it.
 *
 * @param id          the entry's stable ID
 * @param time        when the outcome became known
 * @param user        the OS user who purged
 * @param computer    the computer it was purged from
 * @param tokenEmail  the API token owner's e-mail, null where unknown
 * @param profile     the profile's name
 * @param serviceId   the service purged
 * @param serviceName the service's name
 * @param kind        url, key or all
 * @param target      the URL, key or service ID
 * @param soft        soft purge
 * @param outcome     ok, failed or cancelled
 * @param purgeId     Fastly's purge ID
 * @param httpStatus  the final HTTP status
 * @param error       why it failed
 * @param verdict     the latest verdict noted for the entry's page (an {@code edge.Freshness} id), or null
 * @param impact      the latest impact summary noted for its job, or null
 */
public record TeamRow(String id, Instant time, String user, String computer, String tokenEmail, String profile,
                      String serviceId, String serviceName, String kind, String target, boolean soft, String outcome,
                      String purgeId, int httpStatus, String error, String verdict, String impact) {
    /** "alice on laptop-7 (alice@example.com)": who purged, as far as known. */
    public String who() {
        String w = user == null ? "?" : user;
        if (computer != null) {
            w += " on " + computer;
        }
        return tokenEmail == null ? w : w + " (" + tokenEmail + ")";
    }
}
