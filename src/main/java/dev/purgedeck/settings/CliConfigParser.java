package dev.purgedeck.settings;

import com.fasterxml.jackson.databind.JsonNode;
import dev.purgedeck.fastly.ApiToken;
import dev.purgedeck.fastly.ClientConfig;
import dev.purgedeck.settings.FastlyCliConfig.CliToken;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the Fastly CLI's config tree into tokens, following the CLI's own rules (fastly/cli {@code pkg/config}):
 * {@code [auth.tokens.NAME]} wins over a {@code [profile.NAME]} of the same name, as the CLI's migration does, and
 * the default is {@code [auth] default}, else the profile marked {@code default = true}, else the old {@code [user]}.
 */
final class CliConfigParser {
    /** Stands for an api_endpoint that is not even a URI; only shown, never connected to. */
    static final URI UNUSABLE = URI.create("invalid:api_endpoint");
    private static final List<String> SECTIONS = List.of("auth", "profile", "user");

    /** {@code renewable}: an SSO token, which the CLI renews on its next run while its refresh token is valid. */
    private record Entry(String name, String email, String token, String format, boolean markedDefault, Instant expires,
                         boolean renewable) {
    }

    private final Instant now;
    private final List<Entry> entries = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private URI endpoint;
    private String endpointProblem;

    private CliConfigParser(Instant now) {
        this.now = now;
    }

    static CliConfigParser parse(JsonNode root, Instant now) {
        CliConfigParser p = new CliConfigParser(now);
        p.readEndpoint(root.path("fastly"));
        JsonNode auth = root.path("auth");
        Set<String> authNames = new HashSet<>();
        for (Map.Entry<String, JsonNode> e : fields(auth.path("tokens"))) {
            authNames.add(e.getKey());
            p.readAuthToken(e.getKey(), e.getValue(), text(auth, "default").equals(e.getKey()));
        }
        Set<String> names = new HashSet<>(authNames);
        for (Map.Entry<String, JsonNode> e : fields(root.path("profile"))) {
            if (names.add(e.getKey())) { // else the CLI has migrated it into [auth.tokens] and uses that entry
                p.readProfile(e.getKey(), e.getValue());
            }
        }
        // [user] predates profiles (CLI 0.x); the CLI migrates it to a default profile "user", or "legacy" if taken.
        JsonNode user = root.path("user");
        if (user.isObject() && !text(user, "token").isEmpty()) {
            p.add(new Entry(names.contains("user") ? "legacy" : "user", text(user, "email"), text(user, "token"),
                    "user", true, null, false), "[user]");
        }
        return p;
    }

    private void readEndpoint(JsonNode fastly) {
        String text = text(fastly, "api_endpoint");
        if (text.isBlank() || text.strip().replaceAll("/+$", "").equals(ClientConfig.FASTLY_API.toString())) {
            return;
        }
        try {
            endpoint = Endpoints.validateCustom(text);
        } catch (InvalidEndpointException e) {
            endpointProblem = "The Fastly CLI's api_endpoint is refused: " + DiscoveredProfiles.sentence(e.getMessage())
                    + " Its tokens cannot be used until it is fixed in the CLI's config.toml; nothing is sent to "
                    + "another endpoint instead.";
            notes.add(endpointProblem);
            try {
                endpoint = new URI(text.strip());
            } catch (URISyntaxException bad) {
                endpoint = UNUSABLE;
            }
        }
    }

    private void readAuthToken(String name, JsonNode t, boolean isDefault) {
        String where = "[auth.tokens." + name + "]";
        boolean sso = "sso".equals(text(t, "type"));
        if (sso && t.path("needs_reauth").asBoolean(false)) {
            notes.add(skipped(where) + "its SSO login must be renewed first (fastly auth login).");
            return;
        }
        // An SSO entry's token is a session token that the CLI renews with its refresh token; PurgeDeck cannot.
        Instant expires = instant(text(t, sso ? "access_expires_at" : "api_token_expires_at"));
        add(new Entry(name, text(t, "email"), text(t, "token"), "auth", isDefault, expires, sso), where);
    }

    private void readProfile(String name, JsonNode p) {
        // SSO profiles (CLI v10) say when their token lapses as a creation time plus a lifetime in seconds.
        long created = p.path("access_token_created").asLong(0);
        long ttl = p.path("access_token_ttl").asLong(0);
        Instant expires = created > 0 && ttl > 0 ? Instant.ofEpochSecond(created).plusSeconds(ttl) : null;
        add(new Entry(name, text(p, "email"), text(p, "token"), "profile", p.path("default").asBoolean(false), expires,
                expires != null), "[profile." + name + "]");
    }

    private void add(Entry e, String where) {
        Optional<String> tokenProblem = ApiToken.problem(e.token().strip());
        if (e.token().isBlank()) {
            // Entries without a token: `fastly profile create` aborted half-way, or an SSO login never finished or
            // was cleared. There is nothing to connect with, and the CLI itself would ask for a login.
            notes.add(skipped(where) + "it has no token.");
        } else if (tokenProblem.isPresent()) {
            notes.add(skipped(where) + tokenProblem.get());
        } else if (e.expires() != null && !e.expires().isAfter(now)) {
            notes.add(skipped(where) + "its token expired on " + LocalDate.ofInstant(e.expires(), ZoneOffset.UTC)
                    + (e.renewable() ? "; renew the SSO login with the Fastly CLI (fastly auth login), then refresh."
                            : "."));
        } else {
            entries.add(e);
        }
    }

    List<CliToken> tokens() {
        String defaultName = entries.stream().filter(Entry::markedDefault)
                .min(Comparator.comparing((Entry e) -> SECTIONS.indexOf(e.format())).thenComparing(Entry::name))
                .map(Entry::name).orElse(null);
        return entries.stream()
                .map(e -> new CliToken(e.name(), e.email(), ApiToken.of(e.token()), endpoint,
                        e.name().equals(defaultName), e.format(), e.expires(), endpointProblem))
                .sorted(Comparator.comparing((CliToken t) -> !t.isDefault())
                        .thenComparing(t -> SECTIONS.indexOf(t.format()))
                        .thenComparing(CliToken::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    List<String> notes() {
        return notes;
    }

    private static String skipped(String where) {
        return "Skipped " + where + " from the Fastly CLI: ";
    }

    private static List<Map.Entry<String, JsonNode>> fields(JsonNode table) {
        List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
        if (table.isObject()) {
            table.fields().forEachRemaining(e -> {
                if (e.getValue().isObject()) {
                    out.add(e);
                }
            });
        }
        return out;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isTextual() ? v.asText() : "";
    }

    private static Instant instant(String text) {
        try {
            return text.isBlank() ? null : OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            return null; // an unreadable date only means PurgeDeck cannot warn ahead of time
        }
    }
}
