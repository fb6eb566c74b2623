package dev.purgedeck.fastly;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What Fastly says about the token in use: whose it is and what it may do.
 *
 * @param id          the token's ID (not its secret)
 * @param name        the token's name
 * @param owner       the user's login or name when known, else the user ID
 * @param customerId  the customer (account) ID
 * @param scopes      scopes such as global, purge_select, purge_all, global:read; empty when unknown
 * @param serviceIds  services the token is limited to; empty means all
 * @param expiresAt   when it expires, if it does
 * @param scopesKnown false when only {@code /current_user} answered, which does not tell the scopes
 */
public record TokenInfo(String id, String name, String owner, String customerId, Set<String> scopes,
                        List<String> serviceIds, Optional<Instant> expiresAt, boolean scopesKnown) {
    /** A copy naming a friendlier owner, e.g. the user's login. */
    public TokenInfo withOwner(String newOwner) {
        return new TokenInfo(id, name, newOwner, customerId, scopes, serviceIds, expiresAt, scopesKnown);
    }

    /** Whether the token may purge everything on a service. */
    public boolean canPurgeAll() {
        return !scopesKnown || scopes.contains("global") || scopes.contains("purge_all");
    }

    /** Whether the token may purge URLs and keys. */
    public boolean canPurgeSelect() {
        return !scopesKnown || scopes.contains("global") || scopes.contains("purge_select");
    }

    /** Whether the token may list services. */
    public boolean canListServices() {
        return !scopesKnown || scopes.contains("global") || scopes.contains("global:read");
    }
}
