package io.crvs.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.crvs.auth.IssuedClient;
import io.crvs.testkit.AppContract;
import io.crvs.testkit.Http;
import io.crvs.testkit.Http.Response;
import io.crvs.testkit.Jwt;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** {@code POST /token}: every rule of the "Authenticate a client" contract, over real HTTP. */
public abstract class TokenEndpointContract extends AppContract {
    static final String INVALID_REQUEST_DESCRIPTION =
            "Invalid request. Check that all required parameters (client_id, client_secret and grant_type) have been provided.";
    static final String ERROR_URI = "Refer to https://documentation.opencrvs.org/technology/interoperability/authenticate-a-client";

    private Response queryToken(String query) {
        // OpenCRVS's Postman collection: credentials in the URL, a JSON content type and an empty body.
        return http().send("POST", "/token?" + query, "", "Content-Type", "application/json");
    }

    private static String credentials(IssuedClient client) {
        return "client_id=" + client.client().clientId() + "&client_secret=" + client.clientSecret();
    }

    private static String basic(String id, String secret) {
        var raw = URLEncoder.encode(id, StandardCharsets.UTF_8) + ":" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        return "Basic " + Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertNoStore(Response response) {
        assertThat(response.header("Cache-Control")).hasValue("no-store");
        assertThat(response.header("Pragma")).hasValue("no-cache");
        assertThat(response.header("Content-Type").orElseThrow()).startsWith("application/json");
    }

    private static void assertOAuthError(Response response, int status, String error) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.json().get("error").asText()).isEqualTo(error);
        assertThat(response.json().get("error_uri").asText()).isEqualTo(ERROR_URI);
        assertThat(response.json().get("error_description").asText()).isNotBlank();
        assertNoStore(response);
    }

    @Test
    void tokenWhenPostmanQueryFormThenBearerTokenWithExpiryAndScope() {
        var client = app.createClient(ClientType.HEALTH);
        var response = queryToken(credentials(client) + "&grant_type=client_credentials");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertNoStore(response);
        var body = response.json();
        assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(body.get("expires_in").asLong()).isEqualTo(600);
        assertThat(body.get("scope").asText()).isEqualTo("declare notification-api");
        assertThat(body.get("access_token").asText()).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
        assertThat(body.has("refresh_token")).isFalse();
    }

    @Test
    void tokenWhenDocumentedEmptyDuplicateGrantTypeThenEmptyValueIgnored() {
        var client = app.createClient(ClientType.HEALTH);
        var response = queryToken(credentials(client) + "&grant_type=&grant_type=client_credentials");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    @Test
    void tokenWhenFormBodyThenTokenIssued() {
        var client = app.createClient(ClientType.RECORD_SEARCH);
        var response = http().postForm("/token", Map.of("grant_type", "client_credentials",
                "client_id", client.client().clientId(), "client_secret", client.clientSecret()));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("scope").asText()).isEqualTo("recordsearch");
    }

    @Test
    void tokenWhenHttpBasicThenTokenIssued() {
        var client = app.createClient(ClientType.WEBHOOK);
        var response = http().postForm("/token", Map.of("grant_type", "client_credentials"),
                "Authorization", basic(client.client().clientId(), client.clientSecret()));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    @Test
    void tokenWhenBasicCredentialsArePercentEncodedThenDecodedBeforeUse() {
        var client = app.createClient(ClientType.HEALTH);
        var encodedId = client.client().clientId().replace("-", "%2D");
        var raw = encodedId + ":" + client.clientSecret().replace("-", "%2D").replace("_", "%5F");
        var response = http().postForm("/token", Map.of("grant_type", "client_credentials"), "Authorization",
                "Basic " + Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8)));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    @Test
    void tokenWhenSameParameterRepeatedWithSameValueThenAccepted() {
        var client = app.createClient(ClientType.HEALTH);
        var response = http().send("POST", "/token?client_id=" + client.client().clientId(),
                Http.form(Map.of("client_id", client.client().clientId(), "client_secret", client.clientSecret(),
                        "grant_type", "client_credentials")),
                "Content-Type", "application/x-www-form-urlencoded");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    @Test
    void tokenWhenAParameterIsMissingOrEmptyThenInvalidRequestAsOpenCrvs() {
        var client = app.createClient(ClientType.HEALTH);
        var id = "client_id=" + client.client().clientId();
        var secret = "client_secret=" + client.clientSecret();
        var grant = "grant_type=client_credentials";
        for (var query : List.of(secret + "&" + grant, id + "&" + grant, id + "&" + secret,
                "client_id=&" + secret + "&" + grant, id + "&client_secret=&" + grant, id + "&" + secret + "&grant_type=", "")) {
            var response = queryToken(query);
            assertOAuthError(response, 400, "invalid_request");
            assertThat(response.json().get("error_description").asText()).isEqualTo(INVALID_REQUEST_DESCRIPTION);
        }
    }

    @Test
    void tokenWhenGrantTypeIsNotClientCredentialsThenUnsupportedGrantType() {
        var client = app.createClient(ClientType.HEALTH);
        var response = queryToken(credentials(client) + "&grant_type=password");
        assertOAuthError(response, 400, "unsupported_grant_type");
        assertThat(response.json().get("error_description").asText())
                .isEqualTo("Invalid grant type. Only client_credentials is supported.");
    }

    @Test
    void tokenWhenParameterHasTwoDifferentValuesThenInvalidRequest() {
        var client = app.createClient(ClientType.HEALTH);
        assertOAuthError(queryToken(credentials(client) + "&grant_type=client_credentials&grant_type=password"),
                400, "invalid_request");
        var other = app.createClient(ClientType.HEALTH);
        var response = http().send("POST", "/token?client_id=" + other.client().clientId(),
                Http.form(Map.of("client_id", client.client().clientId(), "client_secret", client.clientSecret(),
                        "grant_type", "client_credentials")),
                "Content-Type", "application/x-www-form-urlencoded");
        assertOAuthError(response, 400, "invalid_request");
    }

    @Test
    void tokenWhenBasicAndBodySecretTogetherThenInvalidRequest() {
        var client = app.createClient(ClientType.HEALTH);
        var response = http().postForm("/token", Map.of("grant_type", "client_credentials",
                "client_secret", client.clientSecret()), "Authorization", basic(client.client().clientId(), client.clientSecret()));
        assertOAuthError(response, 400, "invalid_request");
        var mismatch = http().postForm("/token", Map.of("grant_type", "client_credentials", "client_id", "someone-else"),
                "Authorization", basic(client.client().clientId(), client.clientSecret()));
        assertOAuthError(mismatch, 400, "invalid_request");
    }

    @Test
    void tokenWhenJsonContentTypeAndBodyNotJsonThenInvalidRequestWhileEmptyOrJsonBodyIgnored() {
        // hapi parses a JSON body before OpenCRVS's handler runs: an unparsable one is 400 there too.
        var client = app.createClient(ClientType.HEALTH);
        var url = "/token?" + credentials(client) + "&grant_type=client_credentials";
        for (var body : List.of("{bad", "{\"client_id\":", "{} trailing")) {
            assertOAuthError(http().send("POST", url, body, "Content-Type", "application/json"), 400, "invalid_request");
        }
        for (var body : List.of("", "{}", "{\"client_id\":\"ignored\"}")) {
            var response = http().send("POST", url, body, "Content-Type", "application/json");
            assertThat(response.status()).as(body + " -> " + response).isEqualTo(200);
        }
    }

    @Test
    void tokenWhenTwoAuthorizationHeadersThenInvalidRequest() {
        // RFC 6749 §2.3: one authentication method per request; the first of two headers is not chosen silently.
        var client = app.createClient(ClientType.HEALTH);
        var good = basic(client.client().clientId(), client.clientSecret());
        var grant = Map.of("grant_type", "client_credentials");
        assertOAuthError(http().postForm("/token", grant, "Authorization", good, "Authorization", good),
                400, "invalid_request");
        assertOAuthError(http().postForm("/token", grant, "Authorization", good, "Authorization", "Bearer x.y.z"),
                400, "invalid_request");
        assertThat(http().postForm("/token", grant, "Authorization", good).status()).isEqualTo(200);
    }

    @Test
    void tokenWhenMalformedEncodingOrBodyThenInvalidRequestNotServerError() {
        assertOAuthError(http().sendRaw("POST", "/token?client_id=%zz&client_secret=x&grant_type=client_credentials", ""),
                400, "invalid_request");
        assertOAuthError(http().send("POST", "/token", "hello", "Content-Type", "text/plain"), 400, "invalid_request");
        assertOAuthError(http().postForm("/token", Map.of("grant_type", "client_credentials"), "Authorization", "Basic ***"),
                400, "invalid_request");
        var huge = Map.of("client_id", "a".repeat(9000), "client_secret", "x", "grant_type", "client_credentials");
        assertOAuthError(http().postForm("/token", huge), 400, "invalid_request");
    }

    @Test
    void tokenWhenUriIsTooLongThen414ReadableAsOAuthErrorAndAsProblemNotHtml() {
        var response = http().sendRaw("POST", "/token?client_id=" + "a".repeat(20_000), "");
        assertThat(response.status()).isEqualTo(414);
        assertThat(response.json().get("error").asText()).isEqualTo("invalid_request");
        assertThat(response.json().get("error_description").asText()).isNotBlank();
        assertThat(response.header("Cache-Control")).hasValue("no-store");
        assertThat(response.header("Pragma")).hasValue("no-cache");
        // Jetty refuses it before any route is known: the same body also serves problem-details readers.
        assertThat(response.header("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(414);
        assertThat(response.body()).doesNotContain("aaaa").doesNotContain("<html");
    }

    @Test
    void tokenWhenBodyLargerThanServerLimitThen413OAuthError() {
        var client = app.createClient(ClientType.HEALTH);
        var huge = Map.of("grant_type", "client_credentials", "client_id", client.client().clientId(),
                "client_secret", client.clientSecret(), "padding", "x".repeat(2_000_000));
        assertOAuthError(http().postForm("/token", huge), 413, "invalid_request");
    }

    @Test
    void tokenWhenClientUnknownWrongSecretDeactivatedOrDeletedThenIdenticalInvalidClient() {
        var wrongSecret = app.createClient(ClientType.HEALTH);
        var deactivated = app.createClient(ClientType.HEALTH);
        var deleted = app.createClient(ClientType.HEALTH);
        app.app().auth().clients().deactivate(deactivated.client().id(), io.crvs.platform.audit.Actor.system("test"));
        app.app().auth().clients().delete(deleted.client().id(), io.crvs.platform.audit.Actor.system("test"));
        var responses = new ArrayList<Response>();
        responses.add(queryToken("client_id=00000000-0000-4000-8000-000000000000&client_secret=nope&grant_type=client_credentials"));
        responses.add(queryToken("client_id=" + wrongSecret.client().clientId() + "&client_secret=wrong&grant_type=client_credentials"));
        responses.add(queryToken(credentials(deactivated) + "&grant_type=client_credentials"));
        responses.add(queryToken(credentials(deleted) + "&grant_type=client_credentials"));
        for (var response : responses) {
            assertOAuthError(response, 401, "invalid_client");
            assertThat(response.body()).isEqualTo(responses.getFirst().body());
            assertThat(response.header("WWW-Authenticate")).isEmpty();
        }
        assertThat(responses.getFirst().json().get("error_description").asText()).isEqualTo("Invalid client id or secret");
    }

    @Test
    void tokenWhenBasicCredentialsWrongThenInvalidClientWithBasicChallenge() {
        var client = app.createClient(ClientType.HEALTH);
        var response = http().postForm("/token", Map.of("grant_type", "client_credentials"),
                "Authorization", basic(client.client().clientId(), "wrong"));
        assertOAuthError(response, 401, "invalid_client");
        assertThat(response.header("WWW-Authenticate").orElseThrow()).startsWith("Basic");
    }

    @Test
    void tokenWhenOtherMethodThen405AllowPost() {
        for (var method : List.of("GET", "PUT", "DELETE", "PATCH")) {
            var response = http().send(method, "/token?client_id=a&client_secret=b&grant_type=client_credentials", null);
            assertThat(response.status()).as(method).isEqualTo(405);
            assertThat(response.header("Allow")).hasValue("POST");
            assertThat(response.body()).doesNotContain("access_token");
        }
    }

    @Test
    void tokenWhenIssuedThenJwtHeaderAndClaimsAreOpenCrvsShapedWithKidJtiAndClientId() {
        var client = app.createClient(ClientType.HEALTH);
        var token = app.token(client);
        var header = Jwt.header(token);
        assertThat(header.get("alg").asText()).isEqualTo("RS256");
        assertThat(header.get("typ").asText()).isEqualTo("JWT");
        var kid = header.get("kid").asText();
        var jwks = http().get("/.well-known/jwks.json").json();
        assertThat(jwks.get("keys").findValuesAsText("kid")).contains(kid);
        var claims = Jwt.claims(token);
        assertThat(List.of(claims.fieldNames().next())).containsExactly("scope");
        assertThat(claims.get("scope").isArray()).isTrue();
        assertThat(claims.get("scope").toString()).isEqualTo("[\"declare\",\"notification-api\"]");
        assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(600);
        assertThat(claims.get("iss").asText()).isEqualTo("opencrvs:auth-service");
        assertThat(claims.get("sub").asText()).isEqualTo(client.client().id()).matches("[0-9a-f]{24}");
        assertThat(claims.get("client_id").asText()).isEqualTo(client.client().clientId());
        assertThat(claims.get("jti").asText()).isNotBlank();
        assertThat(claims.get("gen").asLong()).as("a new client's token generation").isZero();
        var aud = new ArrayList<String>();
        claims.get("aud").forEach(a -> aud.add(a.asText()));
        var expected = new ArrayList<>(AuthConfig.OPENCRVS_AUDIENCES);
        expected.add("opencrvs:notification-api-user");
        assertThat(aud).containsExactlyElementsOf(expected);
    }

    @Test
    void tokenWhenClientTypeHasExtraAudienceThenAppendedAsOpenCrvs() {
        var search = app.createClient(ClientType.RECORD_SEARCH);
        assertThat(Jwt.claims(app.token(search)).get("aud").size()).isEqualTo(12);
        var existingNationalId = app.app().auth().clients().list().stream()
                .filter(c -> c.type() == ClientType.NATIONAL_ID).findFirst();
        existingNationalId.ifPresent(c -> app.app().auth().clients().delete(c.id(), io.crvs.platform.audit.Actor.system("test")));
        var nationalId = app.createClient(ClientType.NATIONAL_ID);
        var aud = Jwt.claims(app.token(nationalId)).get("aud");
        assertThat(aud.size()).isEqualTo(13);
        assertThat(aud.get(12).asText()).isEqualTo("opencrvs:nationalId-api-user");
    }

    @Test
    void tokenWhenTwoHundredConcurrentRequestsThenAllValidAndJtisDistinct() throws Exception {
        var client = app.createClient(ClientType.HEALTH);
        var tasks = new ArrayList<Callable<String>>();
        for (int i = 0; i < 200; i++) {
            tasks.add(() -> app.token(client));
        }
        List<String> tokens;
        try (var pool = Executors.newFixedThreadPool(50)) {
            tokens = pool.invokeAll(tasks).stream().map(f -> {
                try {
                    return f.get();
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }).toList();
        }
        var jtis = new HashSet<String>();
        for (var token : tokens) {
            jtis.add(Jwt.claims(token).get("jti").asText());
            assertThat(http().get("/whoami", "Authorization", Http.bearer(token)).status()).isEqualTo(200);
        }
        assertThat(jtis).hasSize(200);
    }

    @Test
    void legacyAuthenticateSystemClientWhenValidThenTokenElseBoom401() {
        var client = app.createClient(ClientType.NATIONAL_ID.isSingleton() ? ClientType.WEBHOOK : ClientType.HEALTH);
        var ok = http().postJson("/authenticateSystemClient",
                Map.of("client_id", client.client().clientId(), "client_secret", client.clientSecret()));
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
        var token = ok.json().get("token").asText();
        assertThat(http().get("/whoami", "Authorization", Http.bearer(token)).status()).isEqualTo(200);
        var bad = http().postJson("/authenticateSystemClient",
                Map.of("client_id", client.client().clientId(), "client_secret", "wrong"));
        assertThat(bad.status()).isEqualTo(401);
        assertThat(bad.json().get("statusCode").asInt()).isEqualTo(401);
        assertThat(bad.json().get("error").asText()).isEqualTo("Unauthorized");
    }

    @Test
    void tokenRequestsWhenIssuedOrRefusedThenAuditedWithoutSecrets() {
        var client = app.createClient(ClientType.HEALTH);
        var token = app.token(client);
        queryToken("client_id=" + client.client().clientId() + "&client_secret=not-the-secret&grant_type=client_credentials");
        var entries = app.app().audit().list(java.util.Optional.of(client.client().id()), java.util.Optional.empty(),
                java.util.Optional.empty(), 100);
        var issued = entries.stream().filter(e -> e.action().equals("token.issued")).findFirst().orElseThrow();
        assertThat(issued.outcome()).isEqualTo("success");
        assertThat(issued.actorId()).isEqualTo(client.client().id());
        assertThat(issued.ip()).isEqualTo("127.0.0.1");
        assertThat(issued.details()).contains(Jwt.claims(token).get("jti").asText());
        var refused = app.app().audit().list(java.util.Optional.of(client.client().clientId()),
                java.util.Optional.of("token.refused"), java.util.Optional.empty(), 10);
        assertThat(refused).anySatisfy(e -> assertThat(e.reason()).isEqualTo("wrong_secret"));
        var everything = app.app().audit().list(java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty(), 1000);
        assertThat(everything.toString()).doesNotContain(client.clientSecret()).doesNotContain(token)
                .doesNotContain("not-the-secret");
    }

    @Test
    void metricsWhenTokensIssuedAndRefusedThenCountedByReason() {
        var client = app.createClient(ClientType.HEALTH);
        app.token(client);
        queryToken("client_id=" + client.client().clientId() + "&client_secret=wrong&grant_type=client_credentials");
        var metrics = http().get("/metrics").body();
        assertThat(metrics).contains("crvs_tokens_issued_total").contains("crvs_tokens_refused_total")
                .contains("reason=\"wrong_secret\"").contains("http_server_requests_seconds_count");
    }
}
