package io.crvs.auth.token;

import static org.assertj.core.api.Assertions.assertThat;

import io.crvs.auth.ClientType;
import io.crvs.auth.IssuedClient;
import io.crvs.auth.TokenForge;
import io.crvs.testkit.AppContract;
import io.crvs.testkit.Http;
import io.crvs.testkit.Http.Response;
import io.crvs.testkit.Jwt;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Ending and inspecting tokens: OpenCRVS's {@code /invalidateToken} and {@code /verifyToken}, RFC 7009
 * {@code /revoke} and RFC 7662 {@code /introspect}; revocations outlive a restart and are audited without the token.
 */
public abstract class RevocationContract extends AppContract {
    private static final String INACTIVE = "{\"active\":false}";

    private Response whoami(String token) {
        return http().get("/whoami", "Authorization", Http.bearer(token));
    }

    private boolean alive(String token) {
        return whoami(token).status() == 200;
    }

    private boolean verifyToken(String token) {
        var response = http().postJson("/verifyToken", Map.of("token", token));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("valid").asBoolean();
    }

    private Response invalidate(String token) {
        return http().postJson("/invalidateToken", Map.of("token", token));
    }

    private static String basic(IssuedClient client) {
        var raw = client.client().clientId() + ":" + client.clientSecret();
        return "Basic " + Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private Response revoke(IssuedClient by, String token) {
        return http().postForm("/revoke", Map.of("token", token), "Authorization", basic(by));
    }

    private Response introspect(IssuedClient by, String token) {
        return http().postForm("/introspect", Map.of("token", token,
                "client_id", by.client().clientId(), "client_secret", by.clientSecret()));
    }

    private static void assertInactive(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(INACTIVE);
    }

    private static void assertOAuthError(Response response, int status, String error) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(response.json().path("error").asText()).isEqualTo(error);
        assertThat(response.header("Cache-Control")).hasValue("no-store");
    }

    private static void assertProblem(Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type").orElseThrow()).startsWith("application/problem+json");
        var body = response.json();
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(body.path("statusCode").asInt()).isEqualTo(status);
        assertThat(body.path("type").asText()).startsWith("urn:crvs:problem:");
        assertThat(body.path("message").asText()).isNotBlank();
    }

    // --- OpenCRVS's blacklist pair ------------------------------------------------------------------------

    @Test
    void invalidateTokenWhenJsonTokenThenEmptyObjectAndTokenRefusedEverywhere() {
        var client = app.createClient(ClientType.HEALTH);
        var token = app.token(client);
        var sibling = app.token(client);
        assertThat(verifyToken(token)).isTrue();
        var response = invalidate(token);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.header("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(response.json().isObject()).isTrue();
        assertThat(response.json().size()).isZero();
        assertThat(whoami(token).status()).isEqualTo(401);
        assertThat(whoami(token).header("WWW-Authenticate").orElseThrow()).contains("error=\"invalid_token\"");
        assertThat(verifyToken(token)).isFalse();
        assertInactive(introspect(client, token));
        assertThat(alive(sibling)).as("another token of the same client").isTrue();
        assertThat(verifyToken(sibling)).isTrue();
    }

    @Test
    void invalidateTokenWhenRepeatedThenStill200() {
        var token = app.token(app.createClient(ClientType.HEALTH));
        assertThat(invalidate(token).status()).isEqualTo(200);
        assertThat(invalidate(token).status()).isEqualTo(200);
        assertThat(alive(token)).isFalse();
    }

    @Test
    void invalidateTokenWhenGarbageOrForeignTokenThen200EmptyObject() {
        var client = app.createClient(ClientType.HEALTH);
        var claims = TokenForge.claimsOf(app.token(client));
        var foreign = TokenForge.rs256(TokenForge.header("foreign"), claims, TokenForge.freshRsaKey().getPrivate());
        for (var token : List.of("garbage", "a.b.c", foreign)) {
            var response = invalidate(token);
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("{}");
            assertThat(verifyToken(token)).isFalse();
        }
    }

    @Test
    void blacklistRoutesWhenTokenMissingOrBodyNotJsonThen400ProblemNever500() {
        var deep = "{\"token\":" + "[".repeat(200) + "]".repeat(200) + "}";
        for (var route : List.of("/invalidateToken", "/verifyToken")) {
            for (var body : List.of("{}", "{\"token\":5}", "{\"token\":\"\"}", "{\"token\":null}", "{\"tok\":\"x\"}",
                    "not json", "{\"token\":", "[]", "null", "\"token\"", deep)) {
                var response = http().send("POST", route, body, "Content-Type", "application/json");
                assertThat(response.status()).as(route + " " + body + ": " + response).isEqualTo(400);
                assertProblem(response, 400);
            }
            var empty = http().send("POST", route, "", "Content-Type", "application/json");
            assertProblem(empty, 400);
            var text = http().send("POST", route, "token=abc", "Content-Type", "text/plain");
            // hapi's answer to a body it cannot parse as the route's type (interop §1.4).
            assertProblem(text, 415);
        }
    }

    @Test
    void tokenRoutesWhenTokenIsHugeThenRefusedNeverServerError() {
        var client = app.createClient(ClientType.HEALTH);
        var real = app.token(client);
        var huge = real + "A".repeat(100_000);
        var verify = http().postJson("/verifyToken", Map.of("token", huge));
        assertThat(verify.status()).as(verify.toString()).isEqualTo(200);
        assertThat(verify.json().get("valid").asBoolean()).isFalse();
        assertThat(invalidate(huge).status()).isEqualTo(200);
        for (var response : List.of(introspect(client, huge), revoke(client, huge))) {
            assertThat(response.status()).as(response.toString()).isLessThan(500);
            assertThat(response.body()).doesNotContain("\"active\":true");
        }
        assertThat(alive(real)).isTrue();
    }

    // --- RFC 7009 -----------------------------------------------------------------------------------------

    @Test
    void revokeWhenOwnerWithBasicThen200AndTokenDead() {
        var client = app.createClient(ClientType.HEALTH);
        var token = app.token(client);
        var response = revoke(client, token);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.header("Cache-Control")).hasValue("no-store");
        assertThat(alive(token)).isFalse();
        assertThat(verifyToken(token)).isFalse();
        assertThat(alive(app.token(client))).as("the client's next token").isTrue();
    }

    @Test
    void revokeWhenOwnerWithBodyCredentialsThen200AndTokenDead() {
        var client = app.createClient(ClientType.WEBHOOK);
        var token = app.token(client);
        var response = http().postForm("/revoke", Map.of("token", token, "token_type_hint", "access_token",
                "client_id", client.client().clientId(), "client_secret", client.clientSecret()));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(alive(token)).isFalse();
    }

    @Test
    void revokeWhenAnotherClientThen200ButTokenStillAlive() {
        var owner = app.createClient(ClientType.HEALTH);
        var other = app.createClient(ClientType.HEALTH);
        var token = app.token(owner);
        var response = revoke(other, token);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(alive(token)).isTrue();
        assertThat(verifyToken(token)).isTrue();
        assertThat(app.app().audit().list(Optional.of(owner.client().id()), Optional.of("token.revoked"),
                Optional.empty(), 10)).isEmpty();
    }

    @Test
    void revokeWhenSameTokenRevokedConcurrentlyThenEveryCall200() throws Exception {
        var client = app.createClient(ClientType.HEALTH);
        var token = app.token(client);
        var tasks = new ArrayList<java.util.concurrent.Callable<Integer>>();
        for (int i = 0; i < 20; i++) {
            tasks.add(i % 2 == 0 ? () -> revoke(client, token).status() : () -> invalidate(token).status());
        }
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(20)) {
            for (var future : pool.invokeAll(tasks)) {
                assertThat(future.get()).isEqualTo(200);
            }
        }
        assertThat(alive(token)).isFalse();
    }

    @Test
    void revokeWhenGarbageTokenThen200() {
        var client = app.createClient(ClientType.HEALTH);
        assertThat(revoke(client, "garbage").status()).isEqualTo(200);
        assertThat(revoke(client, "a.b.c").status()).isEqualTo(200);
    }

    @Test
    void revokeWhenNoOrWrongClientAuthenticationThen401InvalidClientWithBasicChallenge() {
        var client = app.createClient(ClientType.HEALTH);
        var token = app.token(client);
        var none = http().postForm("/revoke", Map.of("token", token));
        assertOAuthError(none, 401, "invalid_client");
        assertThat(none.header("WWW-Authenticate").orElseThrow()).startsWith("Basic");
        var wrong = http().postForm("/revoke", Map.of("token", token), "Authorization",
                "Basic " + Base64.getEncoder().encodeToString((client.client().clientId() + ":wrong").getBytes(StandardCharsets.UTF_8)));
        assertOAuthError(wrong, 401, "invalid_client");
        assertThat(wrong.header("WWW-Authenticate").orElseThrow()).startsWith("Basic");
        var bearer = http().postForm("/revoke", Map.of("token", token), "Authorization", Http.bearer(token));
        assertOAuthError(bearer, 401, "invalid_client");
        assertThat(alive(token)).isTrue();
    }

    @Test
    void revokeWhenTokenParameterMissingThen400InvalidRequest() {
        var client = app.createClient(ClientType.HEALTH);
        assertOAuthError(http().postForm("/revoke", Map.of(), "Authorization", basic(client)), 400, "invalid_request");
        assertOAuthError(http().postForm("/revoke", Map.of("token", ""), "Authorization", basic(client)), 400, "invalid_request");
    }

    // --- RFC 7662 -----------------------------------------------------------------------------------------

    @Test
    void introspectWhenOwnerThenActiveWithTheTokensClaims() {
        var client = app.createClient(ClientType.HEALTH);
        var token = app.token(client);
        var response = introspect(client, token);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.header("Cache-Control")).hasValue("no-store");
        var body = response.json();
        var names = new ArrayList<String>();
        body.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactlyInAnyOrder("active", "scope", "client_id", "token_type", "exp", "iat", "sub",
                "aud", "jti");
        var claims = Jwt.claims(token);
        assertThat(body.get("active").asBoolean()).isTrue();
        assertThat(body.get("active").isBoolean()).isTrue();
        assertThat(body.get("scope").asText()).isEqualTo("declare notification-api");
        assertThat(body.get("client_id").asText()).isEqualTo(client.client().clientId());
        assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(body.get("exp").isNumber()).isTrue();
        assertThat(body.get("exp").asLong()).isEqualTo(claims.get("exp").asLong());
        assertThat(body.get("iat").asLong()).isEqualTo(claims.get("iat").asLong());
        assertThat(body.get("sub").asText()).isEqualTo(client.client().id());
        assertThat(body.get("aud")).isEqualTo(claims.get("aud"));
        assertThat(body.get("jti").asText()).isEqualTo(claims.get("jti").asText());
    }

    @Test
    void introspectWhenAnotherClientAsksThenExactlyInactive() {
        var owner = app.createClient(ClientType.HEALTH);
        var other = app.createClient(ClientType.HEALTH);
        var token = app.token(owner);
        assertInactive(introspect(other, token));
        var basic = http().postForm("/introspect", Map.of("token", token), "Authorization", basic(other));
        assertInactive(basic);
        assertThat(alive(token)).isTrue();
    }

    @Test
    void introspectWhenRevokedOrGarbageThenExactlyInactive() {
        var client = app.createClient(ClientType.HEALTH);
        var token = app.token(client);
        assertThat(revoke(client, token).status()).isEqualTo(200);
        assertInactive(introspect(client, token));
        assertInactive(introspect(client, "garbage"));
        assertInactive(introspect(client, "a.b.c"));
        var forged = TokenForge.rs256(TokenForge.headerOf(app.token(client)), TokenForge.claimsOf(app.token(client)),
                TokenForge.freshRsaKey().getPrivate());
        assertInactive(introspect(client, forged));
    }

    @Test
    void introspectWhenNationalSystemAdminBearerThenAnyTokenVisible() {
        var admin = app.adminToken();
        var client = app.createClient(ClientType.RECORD_SEARCH);
        var token = app.token(client);
        var response = http().postForm("/introspect", Map.of("token", token), "Authorization", Http.bearer(admin));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("active").asBoolean()).isTrue();
        assertThat(response.json().get("client_id").asText()).isEqualTo(client.client().clientId());
        assertThat(response.json().get("scope").asText()).isEqualTo("recordsearch");
        invalidate(token);
        assertInactive(http().postForm("/introspect", Map.of("token", token), "Authorization", Http.bearer(admin)));
    }

    @Test
    void introspectWhenBearerWithoutAdminScopeOrInvalidThenRefused() {
        var client = app.createClient(ClientType.HEALTH);
        var token = app.token(client);
        var notAdmin = http().postForm("/introspect", Map.of("token", token), "Authorization", Http.bearer(token));
        assertThat(notAdmin.status()).as(notAdmin.toString()).isEqualTo(403);
        assertThat(notAdmin.body()).doesNotContain("active");
        var garbage = http().postForm("/introspect", Map.of("token", token), "Authorization", Http.bearer("garbage"));
        assertThat(garbage.status()).as(garbage.toString()).isEqualTo(401);
        assertThat(garbage.body()).doesNotContain("active");
        var admin = app.adminToken();
        invalidate(admin);
        var revokedAdmin = http().postForm("/introspect", Map.of("token", token), "Authorization", Http.bearer(admin));
        assertThat(revokedAdmin.status()).as(revokedAdmin.toString()).isEqualTo(401);
        assertThat(revokedAdmin.body()).doesNotContain("active");
    }

    @Test
    void introspectWhenBearerAndClientAuthenticationTogetherThen400InvalidRequest() {
        var admin = Http.bearer(app.adminToken());
        var client = app.createClient(ClientType.HEALTH);
        var token = app.token(client);
        var bearerAndBody = http().postForm("/introspect", Map.of("token", token, "client_id", client.client().clientId(),
                "client_secret", client.clientSecret()), "Authorization", admin);
        assertOAuthError(bearerAndBody, 400, "invalid_request");
        var basicAndBearer = http().postForm("/introspect", Map.of("token", token), "Authorization", basic(client),
                "Authorization", admin);
        assertOAuthError(basicAndBearer, 400, "invalid_request");
        assertThat(introspect(client, token).json().get("active").asBoolean()).isTrue();
    }

    @Test
    void introspectWhenNoAuthenticationThen401() {
        var token = app.token(app.createClient(ClientType.HEALTH));
        var response = http().postForm("/introspect", Map.of("token", token));
        assertOAuthError(response, 401, "invalid_client");
        assertThat(response.body()).doesNotContain("active");
    }

    @Test
    void userTokenWhenInvalidatedThenRefused() {
        var admin = app.adminToken();
        assertThat(alive(admin)).isTrue();
        assertThat(invalidate(admin).status()).isEqualTo(200);
        assertThat(alive(admin)).isFalse();
        assertThat(verifyToken(admin)).isFalse();
    }

    // --- durability and audit -----------------------------------------------------------------------------

    @Test
    void revocationWhenServerRestartsThenTokenStillRefused() {
        var client = app.createClient(ClientType.HEALTH);
        var revoked = app.token(client);
        var invalidated = app.token(client);
        var live = app.token(client);
        assertThat(revoke(client, revoked).status()).isEqualTo(200);
        assertThat(invalidate(invalidated).status()).isEqualTo(200);
        app.restart();
        assertThat(alive(revoked)).isFalse();
        assertThat(alive(invalidated)).isFalse();
        assertThat(verifyToken(revoked)).isFalse();
        assertThat(verifyToken(invalidated)).isFalse();
        assertInactive(introspect(client, revoked));
        assertThat(alive(live)).as("an unrevoked token survives the restart").isTrue();
    }

    @Test
    void revocationWhenDoneThenAuditedWithJtiAndNeverTheWholeToken() {
        var client = app.createClient(ClientType.HEALTH);
        var viaRevoke = app.token(client);
        var viaInvalidate = app.token(client);
        revoke(client, viaRevoke);
        invalidate(viaInvalidate);
        var entries = app.app().audit().list(Optional.of(client.client().id()), Optional.of("token.revoked"),
                Optional.empty(), 10);
        assertThat(entries).hasSize(2);
        assertThat(entries).anySatisfy(e -> {
            assertThat(e.details()).contains(Jwt.claims(viaRevoke).get("jti").asText()).contains("revoke");
            assertThat(e.actorType()).isEqualTo("client");
            assertThat(e.actorId()).isEqualTo(client.client().id());
            assertThat(e.outcome()).isEqualTo("success");
        });
        assertThat(entries).anySatisfy(e -> assertThat(e.details())
                .contains(Jwt.claims(viaInvalidate).get("jti").asText()).contains("invalidateToken"));
        var everything = app.app().audit().list(Optional.empty(), Optional.empty(), Optional.empty(), 10_000).toString();
        for (var token : List.of(viaRevoke, viaInvalidate)) {
            assertThat(everything).doesNotContain(token).doesNotContain(token.split("\\.")[2])
                    .doesNotContain(token.split("\\.")[1]);
        }
    }
}
