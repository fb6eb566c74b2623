package dev.purgedeck.settings;

import dev.purgedeck.fastly.TokenInfo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Plain-language warnings that help the UI adapt to what a token may do and how long it still works. */
public final class TokenWarnings {
    /** How far ahead an expiry is worth a warning. */
    public static final Duration SOON = Duration.ofDays(7);

    private TokenWarnings() {
    }

    /** "expires in 3 days (2026-11-29)" within {@link #SOON}, "expired on 2026-11-29" after; empty otherwise. */
    public static Optional<String> expiry(TokenInfo info, Clock clock) {
        if (info == null || info.expiresAt().isEmpty()) {
            return Optional.empty();
        }
        Instant at = info.expiresAt().get();
        Instant now = clock.instant();
        LocalDate day = LocalDate.ofInstant(at, clock.getZone());
        if (!at.isAfter(now)) {
            return Optional.of("expired on " + day);
        }
        Duration left = Duration.between(now, at);
        if (left.compareTo(SOON) > 0) {
            return Optional.empty();
        }
        return Optional.of("expires " + in(left) + " (" + day + ")");
    }

    /** What the token may not do, one sentence each, from its scopes (docs/fastly-api.md §8.1); empty when unknown. */
    public static List<String> limits(TokenInfo info) {
        List<String> out = new ArrayList<>();
        if (info == null) {
            return out;
        }
        if (!info.canPurgeSelect()) {
            out.add("This token may not purge URLs or surrogate keys (it needs the purge_select or global scope).");
        }
        if (!info.canPurgeAll()) {
            out.add("This token may not purge a whole service (it needs the purge_all or global scope).");
        }
        if (!info.canListServices()) {
            out.add("This token cannot list services, so type the service ID (listing needs global:read or global).");
        }
        if (!info.serviceIds().isEmpty()) {
            int n = info.serviceIds().size();
            out.add("This token is limited to " + n + (n == 1 ? " service." : " services."));
        }
        return out;
    }

    private static String in(Duration left) {
        long days = left.toDays();
        if (days >= 1) {
            return "in " + days + (days == 1 ? " day" : " days");
        }
        long hours = left.toHours();
        if (hours >= 1) {
            return "in " + hours + (hours == 1 ? " hour" : " hours");
        }
        return "within the hour";
    }
}
