package io.crvs.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crvs.platform.audit.Actor;
import io.crvs.testkit.AppContract;
import io.crvs.testkit.ClientTokens;
import io.crvs.testkit.Http;
import io.crvs.testkit.Http.Response;
import io.crvs.testkit.Jwt;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The bearer-token check every protected route runs, seen through {@code GET /whoami} (any valid token whose
 * {@code aud} holds {@code opencrvs:gateway-user}): RFC 6750 challenges, and the JWT attacks of
 * {@code oauth-security.md} §2.3, §2.4 and §4, each with a token built by hand.
 */
public abstract class BearerContract extends AppContract {
    static final String BARE_CHALLENGE = "Bearer realm=\"crvs\"";

    private Response whoami(String token) {
        return http().get("/whoami", "Authorization", Http.bearer(token));
    }

    static void assertProblem(Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type").orElseThrow()).startsWith("application/problem+json");
        var body = response.json();
        var title = status == 401 ? "Unauthorized" : status == 403 ? "Forbidden" : body.path("title").asText();
        assertThat(body.path("type").asText()).isEqualTo("urn:crvs:problem:" + code);
        assertThat(body.path("title").asText()).isEqualTo(title);
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(body.path("detail").asText()).isNotBlank();
        assertThat(body.path("code").asText()).isEqualTo(code);
        assertThat(body.path("statusCode").asInt()).isEqualTo(status);
        assertThat(body.path("error").asText()).isEqualTo(title);
        assertThat(body.path("message").asText()).isEqualTo(body.path("detail").asText());
    }

    static void assertInvalidToken(Response response) {
        assertProblem(response, 401, "invalid_token");
        assertThat(response.header("WWW-Authenticate").orElseThrow())
                .startsWith("Bearer realm=\"crvs\"").contains("error=\"invalid_token\"");
    }

    private void assertRefused(String what, String token) {
        var response = whoami(token);
        assertThat(response.status()).as(what + ": " + response).isEqualTo(401);
        assertInvalidToken(response);
    }

    private void assertAccepted(String what, String token) {
        var response = whoami(token);
        assertThat(response.status()).as(what + ": " + response).isEqualTo(200);
    }

    private PrivateKey serverKey() {
        return app.app().auth().signingKeys().current().privateKey();
    }

    private String kid() {
        return app.app().auth().signingKeys().current().kid();
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }

    /** Claims exactly as the server writes them for {@code client}, built by hand: 600 s from now. */
    private static ObjectNode claimsFor(IssuedClient client) {
        var claims = TokenForge.object();
        var scope = claims.putArray("scope");
        client.client().scope().forEach(scope::add);
        long iat = now();
        claims.put("iat", iat);
        claims.put("exp", iat + 600);
        var aud = claims.putArray("aud");
        AuthConfig.OPENCRVS_AUDIENCES.forEach(aud::add);
        aud.add("opencrvs:notification-api-user");
        claims.put("iss", "opencrvs:auth-service");
        claims.put("sub", client.client().id());
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("client_id", client.client().clientId());
        return claims;
    }

    /** A token for a fresh client, signed with the server's real key, after {@code change} to its claims. */
    private String forged(Consumer<ObjectNode> change) {
        var claims = claimsFor(app.createClient(ClientType.HEALTH));
        change.accept(claims);
        return TokenForge.rs256(TokenForge.header(kid()), claims, serverKey());
    }

    /** A token for a fresh client with correct claims, after {@code change} to its header, signed with {@code key}. */
    private String forgedHeader(Consumer<ObjectNode> change, PrivateKey key) {
        var header = TokenForge.header(kid());
        change.accept(header);
        return TokenForge.rs256(header, claimsFor(app.createClient(ClientType.HEALTH)), key);
    }

    // --- the happy path and the RFC 6750 challenges ---------------------------------------------------------

    @Test
    void whoamiWhenValidClientTokenThenIdentityScopeAndExpiry() {
        var client = app.createClient(ClientType.HEALTH);
        var token = app.token(client);
        var response = whoami(token);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        var body = response.json();
        assertThat(body.path("id").asText()).isEqualTo(client.client().id());
        assertThat(body.path("client_id").asText()).isEqualTo(client.client().clientId());
        assertThat(body.path("name").asText()).isEqualTo(client.client().name());
        assertThat(body.path("type").asText()).isEqualTo("HEALTH");
        assertThat(body.path("scope").toString()).isEqualTo("[\"declare\",\"notification-api\"]");
        assertThat(body.path("expires_at").asLong()).isEqualTo(Jwt.claims(token).get("exp").asLong());
    }

    @Test
    void whoamiWhenNoAuthorizationThen401BareChallengeAndProblemJson() {
        var response = http().get("/whoami");
        assertProblem(response, 401, "missing_token");
        assertThat(response.header("WWW-Authenticate")).hasValue(BARE_CHALLENGE);
        assertThat(response.header("WWW-Authenticate").orElseThrow()).doesNotContain("error=");
    }

    @Test
    void whoamiWhenBasicCredentialsThenTreatedAsMissingToken() {
        var client = app.createClient(ClientType.HEALTH);
        var basic = "Basic " + Base64.getEncoder().encodeToString(
                (client.client().clientId() + ":" + client.clientSecret()).getBytes(StandardCharsets.UTF_8));
        var response = http().get("/whoami", "Authorization", basic);
        assertProblem(response, 401, "missing_token");
        assertThat(response.header("WWW-Authenticate")).hasValue(BARE_CHALLENGE);
    }

    @Test
    void whoamiWhenBearerSchemeInOtherCaseThenAccepted() {
        // RFC 9110 §11.1: the auth scheme is case-insensitive.
        var token = app.token(app.createClient(ClientType.HEALTH));
        assertThat(http().get("/whoami", "Authorization", "bearer " + token).status()).isEqualTo(200);
        assertThat(http().get("/whoami", "Authorization", "BEARER " + token).status()).isEqualTo(200);
    }

    @Test
    void whoamiWhenTokenOnlyInQueryThenNotAccepted() {
        // RFC 6750 §2.3 is not offered (oauth-security.md B3): a query token is no credential at all.
        var token = app.token(app.createClient(ClientType.HEALTH));
        var response = http().get("/whoami?access_token=" + token);
        assertProblem(response, 401, "missing_token");
        assertThat(response.header("WWW-Authenticate")).hasValue(BARE_CHALLENGE);
    }

    @Test
    void whoamiWhenTokenInHeaderAndAlsoInQueryOrBodyThen400InvalidRequest() {
        // RFC 6750 §2 and oauth-security.md B2: one way of sending the token per request.
        var token = app.token(app.createClient(ClientType.HEALTH));
        var query = http().get("/whoami?access_token=" + token, "Authorization", Http.bearer(token));
        assertProblem(query, 400, "invalid_request");
        assertThat(query.header("WWW-Authenticate").orElseThrow())
                .startsWith("Bearer realm=\"crvs\"").contains("error=\"invalid_request\"");
        var body = http().send("GET", "/whoami", "access_token=" + token, "Authorization", Http.bearer(token),
                "Content-Type", "application/x-www-form-urlencoded");
        assertProblem(body, 400, "invalid_request");
        assertAccepted("header only", token);
    }

    @Test
    void protectedRoutesWhenTwoAuthorizationHeadersThen400InvalidRequestNotTheFirstUsed() {
        // RFC 6750 §2 and §3.1: credentials sent more than one way are a malformed request.
        var token = app.token(app.createClient(ClientType.HEALTH));
        var admin = app.adminToken();
        var requests = List.of(
                http().get("/whoami", "Authorization", Http.bearer(token), "Authorization", Http.bearer(token)),
                http().get("/whoami", "Authorization", Http.bearer(token), "Authorization", "Bearer other"),
                http().get("/integrations", "Authorization", Http.bearer(admin), "Authorization", Http.bearer(token)));
        for (var response : requests) {
            assertProblem(response, 400, "invalid_request");
            assertThat(response.header("WWW-Authenticate").orElseThrow())
                    .startsWith("Bearer realm=\"crvs\"").contains("error=\"invalid_request\"");
        }
        assertAccepted("one header", token);
    }

    @Test
    void whoamiWhenTokenIsGarbageThenInvalidToken() {
        var real = app.token(app.createClient(ClientType.HEALTH));
        var parts = real.split("\\.");
        for (var garbage : List.of("garbage", "a.b.c", "..", "a..c", parts[0], parts[0] + "." + parts[1],
                real + ".e30.e30", "e30.e30.e30", parts[0] + "." + parts[1] + ".+" + parts[2].substring(1),
                "%%%.%%%.%%%", "x".repeat(7000))) {
            assertRefused(garbage.length() > 40 ? garbage.substring(0, 40) + "…" : garbage, garbage);
        }
    }

    @Test
    void whoamiWhenHeaderOrPayloadDeeplyNestedThenInvalidTokenNotServerError() {
        var nested = "[".repeat(2000) + "]".repeat(2000);
        var header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + kid() + "\"}";
        var signature = TokenForge.base64url(new byte[256]);
        assertRefused("nested payload", Jwt.encode(header) + "." + Jwt.encode("{\"a\":" + nested + "}") + "." + signature);
        assertRefused("nested header", Jwt.encode("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"x\":" + nested + "}")
                + "." + Jwt.encode("{}") + "." + signature);
        var claims = claimsFor(app.createClient(ClientType.HEALTH)).put("scope", "NESTED").toString()
                .replace("\"NESTED\"", nested);
        assertRefused("nested scope, signed", TokenForge.rs256(header, claims, serverKey()));
    }

    @Test
    void whoamiWhenPayloadTamperedThenInvalidToken() {
        var client = app.createClient(ClientType.HEALTH);
        var real = app.token(client);
        var parts = real.split("\\.");
        var claims = TokenForge.claimsOf(real);
        claims.putArray("scope").add("declare").add("notification-api").add("natlsysadmin");
        var escalated = parts[0] + "." + Jwt.encode(claims.toString()) + "." + parts[2];
        assertRefused("scope escalated", escalated);
        var longer = TokenForge.claimsOf(real);
        longer.put("exp", longer.get("exp").asLong() + 3600);
        assertRefused("exp extended", parts[0] + "." + Jwt.encode(longer.toString()) + "." + parts[2]);
        assertAccepted("untouched", real);
    }

    @Test
    void whoamiWhenSignatureTamperedOrSwappedThenInvalidToken() {
        var client = app.createClient(ClientType.HEALTH);
        var real = app.token(client);
        var other = app.token(app.createClient(ClientType.HEALTH));
        var parts = real.split("\\.");
        var signature = parts[2].toCharArray();
        int middle = signature.length / 2;
        signature[middle] = signature[middle] == 'A' ? 'B' : 'A';
        assertRefused("one signature character changed", parts[0] + "." + parts[1] + "." + new String(signature));
        assertRefused("signature of another token", parts[0] + "." + parts[1] + "." + other.split("\\.")[2]);
        assertRefused("signature removed", parts[0] + "." + parts[1] + ".");
    }

    // --- forged tokens ------------------------------------------------------------------------------------

    @Test
    void whoamiWhenForgedWithServerKeyAndCorrectClaimsThenAccepted() {
        // Proves the forge: every refusal below differs from this token in one respect only.
        var client = app.createClient(ClientType.HEALTH);
        var token = TokenForge.rs256(TokenForge.header(kid()), claimsFor(client), serverKey());
        var response = whoami(token);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().path("client_id").asText()).isEqualTo(client.client().clientId());
    }

    @Test
    void whoamiWhenSignedWithServerKeyButNoKidThenInvalidToken() {
        var header = TokenForge.header(kid());
        header.remove("kid");

        assertRefused("no kid", TokenForge.rs256(header, claimsFor(app.createClient(ClientType.HEALTH)), serverKey()));
    }

    @Test
    void whoamiWhenAlgNoneThenInvalidToken() {
        var claims = claimsFor(app.createClient(ClientType.HEALTH));
        for (var alg : List.of("none", "None", "NONE", "nOnE")) {
            var header = TokenForge.object().put("alg", alg).put("typ", "JWT");
            assertRefused("alg " + alg, TokenForge.unsigned(header, claims));
            assertRefused("alg " + alg + " with kid", TokenForge.unsigned(header.put("kid", kid()), claims));
        }
        assertRefused("RS256 header, no signature", TokenForge.unsigned(TokenForge.header(kid()), claims));
    }

    @Test
    void whoamiWhenHs256KeyedWithThePublicKeyThenInvalidToken() {
        var claims = claimsFor(app.createClient(ClientType.HEALTH));
        var pem = http().get("/.well-known").body().getBytes(StandardCharsets.US_ASCII);
        var der = app.app().auth().signingKeys().current().publicKey().getEncoded();
        for (var secret : List.of(pem, der)) {
            var header = TokenForge.object().put("alg", "HS256").put("typ", "JWT");
            assertRefused("HS256 without kid", TokenForge.hs256(header, claims, secret));
            assertRefused("HS256 with kid", TokenForge.hs256(header.deepCopy().put("kid", kid()), claims, secret));
        }
    }

    @Test
    void whoamiWhenHeaderCarriesKeyMaterialOrCritThenInvalidToken() {
        var attacker = TokenForge.freshRsaKey();
        var attackerJwk = new com.nimbusds.jose.jwk.RSAKey.Builder(
                (java.security.interfaces.RSAPublicKey) attacker.getPublic()).build().toJSONString();
        var serverJwk = http().get("/.well-known/jwks.json").json().get("keys").get(0);
        // Key material the attacker controls, signed with the attacker's key.
        assertRefused("jwk (attacker's key)", forgedHeader(h -> h.set("jwk", parse(attackerJwk)), attacker.getPrivate()));
        // Otherwise perfect tokens signed with the real key: the header members alone must be refused.
        assertRefused("jwk (server's own key)", forgedHeader(h -> h.set("jwk", serverJwk), serverKey()));
        assertRefused("jku", forgedHeader(h -> h.put("jku", "http://127.0.0.1:1/jwks.json"), serverKey()));
        assertRefused("x5u", forgedHeader(h -> h.put("x5u", "http://127.0.0.1:1/cert.pem"), serverKey()));
        assertRefused("x5c", forgedHeader(h -> h.putArray("x5c").add("MIIB"), serverKey()));
        assertRefused("crit", forgedHeader(h -> h.put("exp", now() + 600).putArray("crit").add("exp"), serverKey()));
        assertRefused("crit (unknown extension)", forgedHeader(h -> h.put("x-ext", true).putArray("crit").add("x-ext"), serverKey()));
        assertRefused("zip", forgedHeader(h -> h.put("zip", "DEF"), serverKey()));
    }

    @Test
    void whoamiWhenKidUnknownOrHostileThenInvalidToken() {
        for (var kid : List.of("unknown-kid", "../../../../etc/passwd", "' OR '1'='1", "a".repeat(65), "")) {
            assertRefused("kid " + kid, forgedHeader(h -> h.put("kid", kid), serverKey()));
        }
        assertRefused("kid as a number", forgedHeader(h -> h.put("kid", 1), serverKey()));
    }

    @Test
    void whoamiWhenSignedByAnotherKeyThenInvalidToken() throws Exception {
        var other = TokenForge.freshRsaKey();
        assertRefused("server's kid, other key", forgedHeader(h -> { }, other.getPrivate()));
        assertRefused("no kid, other key", forgedHeader(h -> h.remove("kid"), other.getPrivate()));
        var otherKid = new com.nimbusds.jose.jwk.RSAKey.Builder((java.security.interfaces.RSAPublicKey) other.getPublic())
                .keyIDFromThumbprint().build().getKeyID();
        assertRefused("other key's own kid", forgedHeader(h -> h.put("kid", otherKid), other.getPrivate()));
    }

    @Test
    void whoamiWhenTypIsNotJwtThenInvalidToken() {
        for (var typ : List.of("at+jwt", "JOSE", "JWS", "application/jwt", "")) {
            assertRefused("typ " + typ, forgedHeader(h -> h.put("typ", typ), serverKey()));
        }
        assertRefused("typ missing", forgedHeader(h -> h.remove("typ"), serverKey()));
        assertRefused("typ as a number", forgedHeader(h -> h.put("typ", 1), serverKey()));
    }

    @Test
    void whoamiWhenIssuerIsNotExactlyOursThenInvalidToken() {
        assertRefused("other iss", forged(c -> c.put("iss", "https://evil.example")));
        assertRefused("iss in other case", forged(c -> c.put("iss", "OPENCRVS:AUTH-SERVICE")));
        assertRefused("iss with suffix", forged(c -> c.put("iss", "opencrvs:auth-service ")));
        assertRefused("iss missing", forged(c -> c.remove("iss")));
        assertRefused("iss as an array", forged(c -> c.putArray("iss").add("opencrvs:auth-service")));
    }

    @Test
    void whoamiWhenAudienceLacksGatewayThenInvalidToken() {
        assertRefused("aud without gateway", forged(c -> {
            var aud = c.putArray("aud");
            AuthConfig.OPENCRVS_AUDIENCES.stream().filter(a -> !a.equals(Audiences.GATEWAY)).forEach(aud::add);
        }));
        assertRefused("aud empty", forged(c -> c.putArray("aud")));
        assertRefused("aud missing", forged(c -> c.remove("aud")));
    }

    @Test
    void whoamiWhenAudienceIsAStringThenInvalidToken() {
        assertRefused("aud as the gateway string", forged(c -> c.put("aud", Audiences.GATEWAY)));
    }

    @Test
    void whoamiWhenScopeIsNotAnArrayOfStringsThenInvalidToken() {
        assertRefused("scope as a string", forged(c -> c.put("scope", "declare notification-api")));
        assertRefused("scope missing", forged(c -> c.remove("scope")));
        assertRefused("scope with a number", forged(c -> c.putArray("scope").add("declare").add(1)));
    }

    @Test
    void whoamiWhenJtiMissingOrEmptyThenInvalidToken() {
        assertRefused("jti missing", forged(c -> c.remove("jti")));
        assertRefused("jti empty", forged(c -> c.put("jti", "")));
        assertRefused("jti too long", forged(c -> c.put("jti", "j".repeat(65))));
    }

    @Test
    void whoamiWhenLifetimeExceedsMaximumThenInvalidToken() {
        assertRefused("exp - iat one second over 604800", forged(c -> c.put("exp", c.get("iat").asLong() + 604_801)));
        assertRefused("exp - iat a year", forged(c -> c.put("exp", c.get("iat").asLong() + 365L * 86_400)));
        assertAccepted("exp - iat exactly 604800", forged(c -> c.put("exp", c.get("iat").asLong() + 604_800)));
    }

    @Test
    void whoamiWhenIssuedInTheFutureBeyondSkewThenInvalidToken() {
        assertRefused("iat 2 minutes ahead", forged(c -> c.put("iat", now() + 120).put("exp", now() + 720)));
        assertRefused("iat a day ahead", forged(c -> c.put("iat", now() + 86_400).put("exp", now() + 87_000)));
        assertAccepted("iat 20 s ahead (within skew)", forged(c -> c.put("iat", now() + 20).put("exp", now() + 620)));
    }

    @Test
    void whoamiWhenExpiredNotYetValidOrTimeClaimMissingThenInvalidToken() {
        assertRefused("exp 5 minutes ago", forged(c -> c.put("iat", now() - 900).put("exp", now() - 300)));
        assertRefused("nbf in 10 minutes", forged(c -> c.put("nbf", now() + 600)));
        assertRefused("exp missing", forged(c -> c.remove("exp")));
        assertRefused("iat missing", forged(c -> c.remove("iat")));
        assertRefused("exp as a string", forged(c -> c.put("exp", Long.toString(now() + 600))));
    }

    @Test
    void whoamiWhenSubjectDoesNotMatchTheClientThenInvalidToken() {
        var other = app.createClient(ClientType.HEALTH);
        assertRefused("sub of another client", forged(c -> c.put("sub", other.client().id())));
        assertRefused("unknown sub", forged(c -> c.put("sub", "000000000000000000000000")));
        assertRefused("client_id of another client", forged(c -> c.put("client_id", other.client().clientId())));
        assertRefused("sub missing", forged(c -> c.remove("sub")));
    }

    // --- the subject's current state ----------------------------------------------------------------------

    @Test
    void whoamiWhenClientDeactivatedThenOldTokensRefusedEvenAfterReEnable() {
        var client = app.createClient(ClientType.HEALTH);
        var token = app.token(client);
        assertAccepted("before", token);
        app.app().auth().clients().deactivate(client.client().id(), Actor.system("test"));
        assertRefused("deactivated", token);
        app.app().auth().clients().enable(client.client().id(), Actor.system("test"));
        assertRefused("old token after re-enable", token);
        assertAccepted("new token after re-enable", app.token(client));
    }

    @Test
    void whoamiWhenSecretRefreshedThenOldTokenAndSecretRefusedNewOnesWorkAtOnce() {
        var client = app.createClient(ClientType.HEALTH);
        var token = app.token(client);
        var refreshed = app.app().auth().clients().refreshSecret(client.client().id(), Actor.system("test"));
        assertRefused("token from before the refresh", token);
        var oldSecret = ClientTokens.request(http(), client.client().clientId(), client.clientSecret());
        assertThat(oldSecret.status()).as(oldSecret.toString()).isEqualTo(401);
        assertThat(oldSecret.json().path("error").asText()).isEqualTo("invalid_client");
        // Same second as the refresh: the new token must not fall before the cut-off.
        var fresh = app.token(refreshed);
        assertAccepted("token from the new secret", fresh);
    }

    @Test
    void whoamiWhenClientDeactivatedAgainRightAfterReEnableThenTokenFromInBetweenRefused() {
        // Cut-offs are whole seconds: a second reset in the same second must still cut off the tokens issued
        // after the first one.
        var client = app.createClient(ClientType.HEALTH);
        var clients = app.app().auth().clients();
        clients.deactivate(client.client().id(), Actor.system("test"));
        clients.enable(client.client().id(), Actor.system("test"));
        var between = app.token(client);
        assertAccepted("token after the first re-enable", between);
        clients.deactivate(client.client().id(), Actor.system("test"));
        clients.enable(client.client().id(), Actor.system("test"));
        assertRefused("token from before the second deactivation", between);
        assertAccepted("token after the second re-enable", app.token(client));
    }

    @Test
    void whoamiWhenSecretRefreshedTwiceInQuickSuccessionThenTokenOfTheMiddleSecretRefused() {
        var client = app.createClient(ClientType.HEALTH);
        var clients = app.app().auth().clients();
        var middle = clients.refreshSecret(client.client().id(), Actor.system("test"));
        var between = app.token(middle);
        assertAccepted("token of the middle secret", between);
        var last = clients.refreshSecret(client.client().id(), Actor.system("test"));
        assertRefused("token of the middle secret after the next refresh", between);
        assertAccepted("token of the last secret", app.token(last));
    }

    @Test
    void whoamiWhenClientDeletedThenTokenRefused() {
        var client = app.createClient(ClientType.HEALTH);
        var token = app.token(client);
        app.app().auth().clients().delete(client.client().id(), Actor.system("test"));
        assertRefused("deleted client", token);
    }

    @Test
    void protectedRouteWhenScopeInsufficientThen403WithScopeChallenge() {
        var token = app.token(app.createClient(ClientType.HEALTH));
        var response = http().get("/integrations", "Authorization", Http.bearer(token));
        assertProblem(response, 403, "insufficient_scope");
        assertThat(response.header("WWW-Authenticate").orElseThrow())
                .startsWith("Bearer realm=\"crvs\"").contains("error=\"insufficient_scope\"")
                .contains("scope=\"natlsysadmin\"");
        var admin = http().get("/integrations", "Authorization", Http.bearer(app.adminToken()));
        assertThat(admin.status()).as(admin.toString()).isEqualTo(200);
    }

    private static com.fasterxml.jackson.databind.JsonNode parse(String json) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
