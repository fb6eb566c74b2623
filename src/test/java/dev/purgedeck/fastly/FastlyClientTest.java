package dev.purgedeck.fastly;

import static dev.purgedeck.testsupport.Clients.await;
import static dev.purgedeck.testsupport.Clients.failure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.sandbox.CachedObject;
import dev.purgedeck.sandbox.DemoAccount;
import dev.purgedeck.sandbox.ObjectState;
import dev.purgedeck.sandbox.RecordedRequest;
import dev.purgedeck.sandbox.SandboxConfig;
import dev.purgedeck.sandbox.SandboxServer;
import dev.purgedeck.testsupport.Clients;
import dev.purgedeck.testsupport.SandboxExtension;
import dev.purgedeck.testsupport.Sandboxes;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every client operation against the sandbox over real HTTP on 127.0.0.1. */
class FastlyClientTest {
    @RegisterExtension
    static final SandboxExtension SANDBOX = new SandboxExtension(SandboxConfig.builder().purgeAllHourlyLimit(1000).build());
    private static final String PURGE_ID = "\\d+-\\d+-\\d+(-\\d+)?";
    private SandboxServer sandbox;
    private String service;
    private FastlyClient client;

    @BeforeEach
    void fresh() {
        sandbox = SANDBOX.server();
        service = SANDBOX.service();
        client = Clients.client(sandbox.baseUri(), DemoAccount.GLOBAL_TOKEN, Clients.FAST_RETRY);
    }

    private CachedObject anObject() {
        return Sandboxes.object(sandbox, service, o -> o.url().startsWith("https://") && !o.url().contains("?"));
    }

    private ObjectState stateOf(String url) {
        return Sandboxes.states(sandbox, service).get(url);
    }

    @Test
    void purgesAUrlWithItsSchemeAndTheObjectIsGone() throws Throwable {
        String url = anObject().url();
        PurgeResponse r = await(client.purgeUrl(url, PurgeOptions.HARD));
        assertThat(r.purgeId()).matches(PURGE_ID);
        assertThat(r.httpStatus()).isEqualTo(200);
        assertThat(r.attempts()).isEqualTo(1);
        assertThat(stateOf(url)).isEqualTo(ObjectState.GONE);
        RecordedRequest sent = sandbox.requests().all().get(0);
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.rawPathAndQuery()).isEqualTo("/purge/" + url);
        assertThat(sent.headers().get("user-agent")).startsWith("PurgeDeck/");
        assertThat(sent.headers().get("fastly-key")).doesNotContain(DemoAccount.GLOBAL_TOKEN);
    }

    @Test
    void softPurgeMarksTheObjectStale() throws Throwable {
        String url = anObject().url();
        await(client.purgeUrl(url, PurgeOptions.SOFT));
        assertThat(stateOf(url)).isEqualTo(ObjectState.STALE);
        assertThat(sandbox.requests().all().get(0).headers()).containsEntry("fastly-soft-purge", "1");
    }

    @Test
    void schemeLessUrlAndQueryStringAreKept() throws Throwable {
        CachedObject withQuery = Sandboxes.object(sandbox, service, o -> o.url().contains("?"));
        String schemeLess = withQuery.url().replaceFirst("^https?://", "");
        await(client.purgeUrl(schemeLess, PurgeOptions.HARD));
        assertThat(sandbox.requests().all().get(0).rawPathAndQuery()).isEqualTo("/purge/" + schemeLess);
        assertThat(stateOf(withQuery.url())).isEqualTo(ObjectState.GONE);
    }

    @Test
    void purgeMethodAtTheEdgeSendsNoTokenUnlessAsked() throws Throwable {
        String url = anObject().url().replaceFirst("^https://", "http://");
        HttpClient api = Clients.http(HttpClient.newHttpClient());
        HttpClient edge = Clients.http(HttpClient.newBuilder()
                .proxy(ProxySelector.of(new InetSocketAddress("127.0.0.1", sandbox.port()))).build());
        FastlyClient viaEdge = new FastlyClient(api, edge,
                client.config(), Clock.systemUTC());
        PurgeResponse r = await(viaEdge.purgeUrlAtEdge(url, PurgeOptions.SOFT, false));
        assertThat(r.purgeId()).matches(PURGE_ID);
        RecordedRequest sent = sandbox.requests().all().get(0);
        assertThat(sent.method()).isEqualTo("PURGE");
        assertThat(sent.headers()).doesNotContainKey("fastly-key");
        assertThat(stateOf(anObject().url())).isEqualTo(ObjectState.STALE);

        await(viaEdge.purgeUrlAtEdge(url, PurgeOptions.HARD, true));
        assertThat(sandbox.requests().all().get(1).headers()).containsKey("fastly-key");
    }

    @Test
    void keysArePurgedThroughTheBatchEndpointEachWithItsOwnId() throws Throwable {
        CachedObject tagged = Sandboxes.object(sandbox, service, o -> !o.surrogateKeys().isEmpty());
        String key = tagged.surrogateKeys().get(0);
        KeyBatchResponse r = await(client.purgeKeyBatch(service, List.of(key, "not-on-any-object"), PurgeOptions.SOFT));
        assertThat(r.purgeIds()).containsOnlyKeys(key, "not-on-any-object");
        assertThat(r.purgeIds().values()).allMatch(id -> id.matches(PURGE_ID)).doesNotHaveDuplicates();
        assertThat(stateOf(tagged.url())).isEqualTo(ObjectState.STALE);
        RecordedRequest sent = sandbox.requests().all().get(0);
        assertThat(sent.rawPathAndQuery()).isEqualTo("/service/" + service + "/purge");
        assertThat(sent.headers().get("content-type")).startsWith("application/json");
        assertThat(sent.body()).contains("\"surrogate_keys\"");
    }

    @Test
    void keysWithUrlUnsafeCharactersWork() throws Throwable {
        KeyBatchResponse r = await(client.purgeKeyBatch(service, List.of("a/b", "c+d", "e%20f", "g?h#i"), PurgeOptions.HARD));
        assertThat(r.purgeIds()).containsOnlyKeys("a/b", "c+d", "e%20f", "g?h#i");
    }

    @Test
    void anyNumberOfKeysIsDeduplicatedAndSplitIntoBatchesOf256() throws Throwable {
        List<String> keys = new ArrayList<>(IntStream.range(0, 600).mapToObj(i -> "key-" + i).toList());
        keys.addAll(List.of("key-1", "key-2"));
        List<KeyBatchResponse> batches = await(client.purgeKeys(service, keys, PurgeOptions.HARD));
        assertThat(batches).extracting(b -> b.keys().size()).containsExactly(256, 256, 88);
        assertThat(batches.stream().mapToInt(b -> b.purgeIds().size()).sum()).isEqualTo(600);
        assertThat(sandbox.requests().count()).isEqualTo(3);
    }

    @Test
    void aBatchAbove256KeysIsRefusedBeforeSending() {
        List<String> keys = IntStream.range(0, 257).mapToObj(i -> "k" + i).toList();
        assertThat(failure(client.purgeKeyBatch(service, keys, PurgeOptions.HARD)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("at most 256");
        assertThat(sandbox.requests().count()).isZero();
    }

    @Test
    void purgeAllEmptiesTheServiceAndReportsTheRateLimit() throws Throwable {
        PurgeResponse r = await(client.purgeAll(service, PurgeOptions.HARD));
        assertThat(r.httpStatus()).isEqualTo(200);
        assertThat(Sandboxes.states(sandbox, service).values()).containsOnly(ObjectState.GONE);
        assertThat(client.rateLimit().remaining()).isPresent();
        assertThat(client.rateLimit().reset()).isPresent();
    }

    @Test
    void softPurgeAllIsRefusedBeforeAnyRequestWithTheReason() {
        Throwable e = failure(client.purgeAll(service, PurgeOptions.SOFT));
        assertThat(e).isInstanceOf(InvalidInputException.class).hasMessageContaining("cannot be soft");
        assertThat(sandbox.requests().count()).isZero();
        assertThat(Sandboxes.states(sandbox, service).values()).containsOnly(ObjectState.FRESH);
    }

    @Test
    void stagingPurgesReachOnlyTheStagingCache() throws Throwable {
        PurgeOptions staging = new PurgeOptions(false, PurgeOptions.Environment.STAGING);
        await(client.purgeAll(service, staging));
        assertThat(Sandboxes.states(sandbox, service, "staging").values()).containsOnly(ObjectState.GONE);
        assertThat(Sandboxes.states(sandbox, service).values()).containsOnly(ObjectState.FRESH);
        assertThat(sandbox.requests().all().get(0).headers()).containsEntry("fastly-purge-environment", "staging");
        assertThat(failure(client.purgeUrl(anObject().url(), staging)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Staging is not available for URL purges");
    }

    @Test
    void invalidInputIsRefusedBeforeAnyRequest() {
        assertThat(failure(client.purgeUrl("ftp://example.com/x", PurgeOptions.HARD))).isInstanceOf(InvalidInputException.class);
        assertThat(failure(client.purgeKeyBatch(service, List.of("has space"), PurgeOptions.HARD)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'has space'");
        assertThat(failure(client.purgeAll("not/an/id", PurgeOptions.HARD))).isInstanceOf(InvalidInputException.class);
        assertThat(sandbox.requests().count()).isZero();
    }

    @Test
    void tokensSelfTellsScopesAndServices() throws Throwable {
        TokenInfo global = await(client.readToken());
        assertThat(global.scopes()).contains("global");
        assertThat(global.canPurgeAll()).isTrue();
        TokenInfo select = await(Clients.client(sandbox.baseUri(), DemoAccount.PURGE_SELECT_TOKEN, Clients.FAST_RETRY).readToken());
        assertThat(select.scopes()).containsExactly("purge_select");
        assertThat(select.canPurgeAll()).isFalse();
        assertThat(select.canListServices()).isFalse();
        TokenInfo restricted = await(Clients.client(sandbox.baseUri(), DemoAccount.RESTRICTED_TOKEN, Clients.FAST_RETRY).readToken());
        assertThat(restricted.serviceIds()).containsExactly(service);
    }

    @Test
    void authErrorsArePlainAndNeverContainTheToken() {
        FastlyApiException expired = (FastlyApiException) failure(
                Clients.client(sandbox.baseUri(), DemoAccount.EXPIRED_TOKEN, Clients.FAST_RETRY).purgeAll(service, PurgeOptions.HARD));
        assertThat(expired.kind()).isEqualTo(FastlyApiException.Kind.TOKEN_EXPIRED);
        assertThat(expired.getMessage() + expired.userMessage()).doesNotContain(DemoAccount.EXPIRED_TOKEN);
        assertThat(expired.attempts()).isEqualTo(1);

        FastlyApiException wrong = (FastlyApiException) failure(
                Clients.client(sandbox.baseUri(), "thisIsNotAValidTokenAtAll0000000", Clients.FAST_RETRY).listServices());
        assertThat(wrong.kind()).isEqualTo(FastlyApiException.Kind.UNAUTHORIZED);
        assertThat(wrong.userMessage()).contains("did not accept the API token");

        FastlyApiException scope = (FastlyApiException) failure(
                Clients.client(sandbox.baseUri(), DemoAccount.PURGE_SELECT_TOKEN, Clients.FAST_RETRY).purgeAll(service, PurgeOptions.HARD));
        assertThat(scope.kind()).isEqualTo(FastlyApiException.Kind.FORBIDDEN);

        String other = sandbox.account().services().get(1).id();
        FastlyApiException restricted = (FastlyApiException) failure(
                Clients.client(sandbox.baseUri(), DemoAccount.RESTRICTED_TOKEN, Clients.FAST_RETRY).purgeAll(other, PurgeOptions.HARD));
        assertThat(restricted.kind()).isEqualTo(FastlyApiException.Kind.NOT_FOUND);

        FastlyApiException unknown = (FastlyApiException) failure(client.purgeAll("AAAAAAAAAAAAAAAAAAAAAA", PurgeOptions.HARD));
        assertThat(unknown.kind()).isEqualTo(FastlyApiException.Kind.NOT_FOUND);
        assertThat(sandbox.requests().count()).isEqualTo(5);
    }
}
