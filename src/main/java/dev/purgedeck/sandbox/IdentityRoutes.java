package dev.purgedeck.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;

/** Who-am-I endpoints: {@code /tokens/self}, {@code /current_user}, {@code /verify} and the CLI's OIDC discovery. */
final class IdentityRoutes {
    static final String OIDC_PATH = "/realms/fastly/.well-known/openid-configuration";

    private final SandboxContext ctx;

    IdentityRoutes(SandboxContext ctx) {
        this.ctx = ctx;
    }

    /** The docs/fastly-api.md §10.3 shape; every valid token may read itself, whatever its scope. */
    void tokenSelf(ApiExchange ex) {
        DemoToken t = ctx.auth().require(ex);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id());
        m.put("user_id", DemoAccount.USER_ID);
        m.put("customer_id", DemoAccount.CUSTOMER_ID);
        m.put("name", t.name());
        m.put("last_used_at", ServiceJson.iso(ctx.clock().instant()));
        m.put("created_at", ServiceJson.iso(t.createdAt()));
        m.put("expires_at", ServiceJson.iso(t.expiresAt()));
        m.put("ip", ex.remoteAddress());
        m.put("user_agent", ex.header("User-Agent").orElse(""));
        m.put("sudo_expires_at", null);
        m.put("scopes", t.scopes());
        m.put("scope", t.scope());
        m.put("services", t.services());
        ex.responseHeaders().set("Cache-Control", "no-cache");
        ex.json(200, m);
    }

    /**
     * The docs/fastly-api.md §10.4 shape; the Fastly CLI warns that scoped tokens may be refused here, so that is
     * configurable.
     */
    void currentUser(ApiExchange ex) {
        DemoToken t = ctx.auth().require(ex);
        if (ctx.config().currentUserForbiddenForScopedTokens()) {
            ctx.auth().requireScope(t, "global");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", DemoAccount.USER_ID);
        m.put("created_at", ServiceJson.iso(DemoAccount.USER_CREATED));
        m.put("updated_at", ServiceJson.iso(DemoAccount.USER_CREATED));
        m.put("name", DemoAccount.USER_NAME);
        m.put("customer_id", DemoAccount.CUSTOMER_ID);
        m.put("require_new_password", false);
        m.put("role", "superuser");
        m.put("login", DemoAccount.USER_LOGIN);
        m.put("deleted_at", null);
        m.put("locked", false);
        m.put("two_factor_auth_enabled", null);
        m.put("limit_services", false);
        m.put("last_active_at", ServiceJson.iso(ctx.clock().instant()));
        ex.json(200, m);
    }

    /** The undocumented shape {@code fastly whoami} uses (docs/fastly-api.md §10.5): the services this token sees. */
    void verify(ApiExchange ex) {
        DemoToken t = ctx.auth().require(ex);
        Map<String, String> services = new LinkedHashMap<>();
        ctx.account().services().stream().filter(s -> t.allows(s.id())).forEach(s -> services.put(s.id(), s.name()));
        Map<String, Object> token = new LinkedHashMap<>();
        token.put("id", t.id());
        token.put("name", t.name());
        token.put("created_at", ServiceJson.iso(t.createdAt()));
        token.put("expires_at", ServiceJson.iso(t.expiresAt()));
        token.put("scope", t.scope());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("customer", Map.of("id", DemoAccount.CUSTOMER_ID, "name", DemoAccount.CUSTOMER_NAME));
        m.put("user", Map.of("id", DemoAccount.USER_ID, "name", DemoAccount.USER_NAME,
                "login", DemoAccount.USER_LOGIN));
        m.put("services", services);
        m.put("token", token);
        ex.json(200, m);
    }

    /** The Fastly CLI fetches this before every command (docs/fastly-api.md §14.3); any loopback URLs satisfy it. */
    void openIdConfiguration(ApiExchange ex) {
        String realm = "http://" + ex.authority() + "/realms/fastly";
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("issuer", realm);
        m.put("authorization_endpoint", realm + "/protocol/openid-connect/auth");
        m.put("token_endpoint", realm + "/protocol/openid-connect/token");
        m.put("jwks_uri", realm + "/protocol/openid-connect/certs");
        m.put("userinfo_endpoint", realm + "/protocol/openid-connect/userinfo");
        m.put("end_session_endpoint", realm + "/protocol/openid-connect/logout");
        ex.json(200, m);
    }
}
