package dev.purgedeck.sandbox;

import static dev.purgedeck.sandbox.SandboxClient.SVC1;
import static dev.purgedeck.sandbox.SandboxClient.SVC2;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AuthMatrixTest {
    private static SandboxClient sbx;

    @BeforeAll
    static void start() {
        // A high limit so the purge_all column never runs into the hourly limit while the matrix runs.
        sbx = SandboxClient.start(SandboxConfig.builder().purgeAllHourlyLimit(100_000).build());
    }

    @AfterAll
    static void stop() {
        sbx.close();
    }

    /** Columns: key purge svc1, key purge svc2, purge_all svc1, list, get svc1, get svc2, tokens/self, current_user. */
    static Stream<Arguments> matrix() {
        return Stream.of(
                Arguments.of("none", null, new int[] {401, 401, 401, 401, 401, 401, 401, 401}),
                Arguments.of("unknown", "sbxNoSuchToken000000000000000000", new int[] {401, 401, 401, 401, 401, 401, 401, 401}),
                Arguments.of("expired", DemoAccount.EXPIRED_TOKEN, new int[] {401, 401, 401, 401, 401, 401, 401, 401}),
                Arguments.of("global", DemoAccount.GLOBAL_TOKEN, new int[] {200, 200, 200, 200, 200, 200, 200, 200}),
                Arguments.of("purge_select", DemoAccount.PURGE_SELECT_TOKEN, new int[] {200, 200, 403, 403, 403, 403, 200, 403}),
                Arguments.of("purge_all", DemoAccount.PURGE_ALL_TOKEN, new int[] {200, 200, 200, 403, 403, 403, 200, 403}),
                Arguments.of("read_only", DemoAccount.READ_ONLY_TOKEN, new int[] {403, 403, 403, 200, 200, 200, 200, 403}),
                Arguments.of("restricted", DemoAccount.RESTRICTED_TOKEN, new int[] {200, 404, 200, 200, 200, 404, 200, 200}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    void statusPerTokenAndEndpoint(String label, String token, int[] expected) {
        int[] actual = {
            sbx.post("/service/" + SVC1 + "/purge/homepage", token).statusCode(),
            sbx.post("/service/" + SVC2 + "/purge/logo", token).statusCode(),
            sbx.post("/service/" + SVC1 + "/purge_all", token).statusCode(),
            sbx.get("/service", token).statusCode(),
            sbx.get("/service/" + SVC1, token).statusCode(),
            sbx.get("/service/" + SVC2, token).statusCode(),
            sbx.get("/tokens/self", token).statusCode(),
            sbx.get("/current_user", token).statusCode(),
        };
        assertThat(actual).as(label).containsExactly(expected);
    }

    @Test
    void errorBodies() {
        assertThat(sbx.post("/service/" + SVC1 + "/purge/x", null).body())
                .isEqualTo("{\"msg\":\"Provided credentials are missing or invalid\"}");
        assertThat(sbx.post("/service/" + SVC1 + "/purge_all", DemoAccount.PURGE_SELECT_TOKEN).body())
                .isEqualTo("{\"msg\":\"Forbidden\",\"detail\":\"This token does not have the required scope: purge_all\"}");
        HttpResponse<String> unknown = sbx.post("/service/NoSuchService000000000/purge/x", DemoAccount.GLOBAL_TOKEN);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).isEqualTo("{\"msg\":\"Record not found\",\"detail\":\"Cannot find 'service'\"}");
        assertThat(sbx.post("/service/NoSuchService000000000/purge_all", DemoAccount.GLOBAL_TOKEN).statusCode())
                .isEqualTo(404);
    }

    @Test
    void expiredTokenIsMaskedInTheMessage() {
        HttpResponse<String> r = sbx.get("/tokens/self", DemoAccount.EXPIRED_TOKEN);

        assertThat(r.body()).isEqualTo("{\"msg\":\"Token ****0006 expired at 2025-01-01T00:00:00Z\"}");
        assertThat(r.body()).doesNotContain(DemoAccount.EXPIRED_TOKEN);
    }

    @Test
    void restrictedStatusAndCurrentUserAreConfigurable() {
        SandboxConfig cfg = SandboxConfig.builder().restrictedServiceStatus(403)
                .currentUserForbiddenForScopedTokens(false).build();
        try (SandboxClient other = SandboxClient.start(cfg)) {
            assertThat(other.post("/service/" + SVC2 + "/purge/logo", DemoAccount.RESTRICTED_TOKEN).statusCode())
                    .isEqualTo(403);
            assertThat(other.get("/service/" + SVC2, DemoAccount.RESTRICTED_TOKEN).statusCode()).isEqualTo(403);
            assertThat(other.get("/current_user", DemoAccount.PURGE_SELECT_TOKEN).statusCode()).isEqualTo(200);
        }
    }
}
