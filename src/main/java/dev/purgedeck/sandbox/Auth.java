package dev.purgedeck.sandbox;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** Checks the {@code Fastly-Key} token, its scopes and its service allow-list (docs/fastly-api.md §8, §16). */
final class Auth {
    static final String HEADER = "Fastly-Key";
    static final String INVALID = "Provided credentials are missing or invalid";

    private final DemoAccount account;
    private final Clock clock;
    private final int restrictedServiceStatus;

    Auth(DemoAccount account, Clock clock, int restrictedServiceStatus) {
        this.account = account;
        this.clock = clock;
        this.restrictedServiceStatus = restrictedServiceStatus;
    }

    DemoToken require(ApiExchange ex) {
        return optional(ex).orElseThrow(() -> ApiError.msg(401, INVALID));
    }

    /** Empty when no key was sent; a key that was sent must be valid and unexpired. */
    Optional<DemoToken> optional(ApiExchange ex) {
        Optional<String> key = ex.header(HEADER);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        DemoToken token = account.token(key.get().trim()).orElseThrow(() -> ApiError.msg(401, INVALID));
        if (token.expiredAt(clock.instant())) {
            // Fastly echoes the whole token here; we mask it on purpose so a body can never leak a secret.
            throw ApiError.msg(401, "Token " + Mask.token(token.value()) + " expired at "
                    + token.expiresAt().truncatedTo(ChronoUnit.SECONDS));
        }
        return Optional.of(token);
    }

    /** The first scope named is the one reported as missing. */
    void requireScope(DemoToken token, String required, String... alsoAccepted) {
        if (token.hasAnyScope(required) || token.hasAnyScope(alsoAccepted)) {
            return;
        }
        throw ApiError.msg(403, "Forbidden", "This token does not have the required scope: " + required);
    }

    /** Unknown services are 404 at Fastly; a service outside the allow-list is 404 or 403 as configured. */
    DemoService requireService(DemoToken token, String serviceId) {
        DemoService service = account.service(serviceId)
                .orElseThrow(() -> ApiError.msg(404, "Record not found", "Cannot find 'service'"));
        requireAllowed(token, serviceId);
        return service;
    }

    void requireAllowed(DemoToken token, String serviceId) {
        if (token.allows(serviceId)) {
            return;
        }
        if (restrictedServiceStatus == 403) {
            throw ApiError.msg(403, "Forbidden", "This token is not authorized for service '" + serviceId + "'");
        }
        throw ApiError.msg(404, "Record not found", "Cannot find 'service'");
    }
}
