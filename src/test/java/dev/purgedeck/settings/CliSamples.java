package dev.purgedeck.settings;

import java.util.List;

/**
 * Sample Fastly CLI config files, shaped like the ones the CLI writes (fastly/cli {@code pkg/config}: {@code auth.go}
 * for {@code [auth]}, {@code config.go} for {@code [profile.*]}, {@code testdata/*.toml}). go-toml v1 writes keys in
 * alphabetical order and leaves out empty optional fields, as here. The tokens are made up.
 */
final class CliSamples {
    static final String WORK = "tokWORKaaaaaaaaaaaaaaaaaaaaaaa01";
    static final String PURGER = "tokPURGERbbbbbbbbbbbbbbbbbbbbb02";
    static final String SSO_OK = "tokSSOcccccccccccccccccccccccc03";
    static final String SSO_STALE = "tokSTALEddddddddddddddddddddddd04";
    static final String OLD_USER = "tokOLDUSEReeeeeeeeeeeeeeeeeeeee05";
    static final String OLD_STAGING = "tokSTAGINGfffffffffffffffffffff06";
    static final String OLD_SSO = "tokOLDSSOggggggggggggggggggggggg07";
    static final String SHADOWED = "tokSHADOWEDhhhhhhhhhhhhhhhhhhhh08";
    static final String LEGACY_ONLY = "tokLEGACYiiiiiiiiiiiiiiiiiiiiiii09";
    static final List<String> ALL = List.of(WORK, PURGER, SSO_OK, SSO_STALE, OLD_USER, OLD_STAGING, OLD_SSO, SHADOWED,
            LEGACY_ONLY);

    /** CLI v11+ after its migration: named tokens in [auth], no [profile] left. */
    static final String NEW_FORMAT = """
            config_version = 6

            [auth]
            default = "work"

            [auth.tokens]

            [auth.tokens.purge-only]
            api_token_id = "7JbKc2zFZ2Qq9xWl0aBcDe"
            api_token_name = "ci purge token"
            api_token_scope = "purge_select purge_all"
            token = "%s"
            type = "static"

            [auth.tokens.sso-ok]
            access_expires_at = "2026-11-20T13:00:00Z"
            access_token = "eyJhbGciOiJSUzI1NiJ9.e30.c2lnbmF0dXJl"
            account_id = "51MumwLiSJyFTWhtbByYgR"
            email = "bob@example.com"
            label = "Example Corp (bob@example.com)"
            refresh_expires_at = "2026-12-20T12:00:00Z"
            refresh_token = "eyJhbGciOiJIUzI1NiJ9.e30.cmVmcmVzaA"
            token = "%s"
            type = "sso"

            [auth.tokens.sso-stale]
            email = "carol@example.com"
            needs_reauth = true
            token = "%s"
            type = "sso"

            [auth.tokens.sso-unfinished]
            email = "dave@example.com"
            token = ""
            type = "sso"

            [auth.tokens.work]
            account_id = "51MumwLiSJyFTWhtbByYgR"
            api_token_expires_at = "2027-06-01T00:00:00Z"
            api_token_name = "alice laptop"
            api_token_scope = "global"
            email = "alice@example.com"
            token = "%s"
            type = "static"

            [cli]
            metadata_notice_displayed = true
            version = "13.2.0"

            [fastly]
            account_endpoint = "https://accounts.fastly.com"
            api_endpoint = "https://api.fastly.com"

            [language]

            [language.rust]
            toolchain_constraint = ">= 1.78.0"
            wasm_wasi_target = "wasm32-wasip1"

            [[starter-kits.rust]]
            description = "A basic starter kit."
            name = "Default"
            path = "https://github.com/fastly/compute-starter-kit-rust-default"

            [viceroy]
            last_checked = "2026-11-01T09:00:00Z"
            latest_version = "0.12.0"
            ttl = "24h"
            """.formatted(PURGER, SSO_OK, SSO_STALE, WORK);

    /** CLI v4 to v10: [profile.NAME] tables, one marked default; SSO profiles carry timestamps and lifetimes. */
    static final String OLD_FORMAT = """
            config_version = 4

            [cli]
            metadata_notice_displayed = true
            version = "10.8.3"

            [fastly]
            account_endpoint = "https://accounts.fastly.com"
            api_endpoint = "https://api.fastly.com"

            [profile]

            [profile.half-made]
            access_token = ""
            access_token_created = 0
            access_token_ttl = 0
            default = false
            email = ""
            refresh_token = ""
            refresh_token_created = 0
            refresh_token_ttl = 0
            token = ""

            [profile.old-sso]
            access_token = "eyJhbGciOiJSUzI1NiJ9.e30.b2xk"
            access_token_created = 1700000000
            access_token_ttl = 3600
            customer_id = "51MumwLiSJyFTWhtbByYgR"
            customer_name = "Example Corp"
            default = false
            email = "erin@example.com"
            refresh_token = "eyJhbGciOiJIUzI1NiJ9.e30.b2xkcmVmcmVzaA"
            refresh_token_created = 1700000000
            refresh_token_ttl = 86400
            token = "%s"

            [profile.staging]
            access_token = ""
            access_token_created = 0
            access_token_ttl = 0
            default = false
            email = "alice+staging@example.com"
            refresh_token = ""
            refresh_token_created = 0
            refresh_token_ttl = 0
            token = "%s"

            [profile.user]
            access_token = ""
            access_token_created = 0
            access_token_ttl = 0
            default = true
            email = "alice@example.com"
            refresh_token = ""
            refresh_token_created = 0
            refresh_token_ttl = 0
            token = "%s"

            [wasm-metadata]
            build_info = "enable"
            machine_info = "enable"
            package_info = "enable"
            """.formatted(OLD_SSO, OLD_STAGING, OLD_USER);

    /** A file an older CLI wrote into after a newer one: both sections, one name in both. */
    static final String MIXED = """
            [auth]
            default = ""

            [auth.tokens.work]
            email = "alice@example.com"
            token = "%s"
            type = "static"

            [fastly]
            api_endpoint = "https://api.fastly.com"

            [profile.legacy-only]
            default = true
            email = "alice@example.com"
            token = "%s"

            [profile.work]
            default = false
            email = "someone-else@example.com"
            token = "%s"
            """.formatted(WORK, LEGACY_ONLY, SHADOWED);

    /** The CLI's own invalid sample (testdata/static/config-invalid.toml), plus a token after the broken line. */
    static final String MALFORMED = """
            [fastly]
            api_endpoint = "https://api.fastly.com # missing end quote

            [auth.tokens.work]
            token = "%s"
            """.formatted(WORK);

    private CliSamples() {
    }
}
