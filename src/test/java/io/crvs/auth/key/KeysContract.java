package io.crvs.auth.key;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.crvs.app.AppConfig;
import io.crvs.app.Application;
import io.crvs.auth.ClientType;
import io.crvs.platform.config.Env;
import io.crvs.testkit.AppContract;
import io.crvs.testkit.Http;
import io.crvs.testkit.Jwt;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The public key material and server metadata ({@code /.well-known}, JWKS, RFC 8414), key rotation, and how
 * generated keys are kept on disk.
 */
public abstract class KeysContract extends AppContract {
    static final Set<String> PRIVATE_MEMBERS = Set.of("d", "p", "q", "dp", "dq", "qi", "oth", "k");

    /** Parses a {@code BEGIN PUBLIC KEY} (SubjectPublicKeyInfo) PEM. */
    static RSAPublicKey parsePublicPem(String pem) {
        assertThat(pem).startsWith("-----BEGIN PUBLIC KEY-----").contains("-----END PUBLIC KEY-----");
        var base64 = pem.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "");
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getMimeDecoder().decode(base64.trim())));
        } catch (GeneralSecurityException e) {
            throw new AssertionError("Not an RSA public key: " + pem, e);
        }
    }

    static BigInteger unsigned(String base64url) {
        return new BigInteger(1, Base64.getUrlDecoder().decode(base64url));
    }

    static JsonNode jwk(JsonNode jwks, String kid) {
        for (var key : jwks.get("keys")) {
            if (key.path("kid").asText().equals(kid)) {
                return key;
            }
        }
        throw new AssertionError("No key " + kid + " in " + jwks);
    }

    /** Checks an RS256 signature with plain JCA. */
    static boolean signatureValid(String token, RSAPublicKey key) {
        var parts = token.split("\\.");
        try {
            var signature = Signature.getInstance("SHA256withRSA");
            signature.initVerify(key);
            signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            return signature.verify(Base64.getUrlDecoder().decode(parts[2]));
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    private String freshToken() {
        return app.token(app.createClient(ClientType.HEALTH));
    }

    private int whoami(String token) {
        return http().get("/whoami", "Authorization", Http.bearer(token)).status();
    }

    @Test
    void wellKnownWhenFetchedThenPemOfTheCurrentKeyMatchingJwks() {
        var response = http().get("/.well-known");
        assertThat(response.status()).isEqualTo(200);
        var pem = parsePublicPem(response.body());
        var token = freshToken();
        var kid = Jwt.header(token).get("kid").asText();
        var jwk = jwk(http().get("/.well-known/jwks.json").json(), kid);
        assertThat(unsigned(jwk.get("n").asText())).isEqualTo(pem.getModulus());
        assertThat(unsigned(jwk.get("e").asText())).isEqualTo(pem.getPublicExponent());
        assertThat(signatureValid(token, pem)).as("a fresh token verifies with the served PEM").isTrue();
    }

    @Test
    void jwksWhenFetchedThenOnlyPublicRs256SigningKeysWithUniqueKids() {
        var response = http().get("/.well-known/jwks.json");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type").orElseThrow()).contains("json");
        var keys = response.json().get("keys");
        assertThat(keys.isArray()).isTrue();
        assertThat(keys.size()).isPositive();
        var kids = new HashSet<String>();
        for (var key : keys) {
            assertThat(key.path("kty").asText()).isEqualTo("RSA");
            assertThat(key.path("use").asText()).isEqualTo("sig");
            assertThat(key.path("alg").asText()).isEqualTo("RS256");
            assertThat(key.path("kid").asText()).isNotBlank();
            assertThat(unsigned(key.path("n").asText()).bitLength()).isGreaterThanOrEqualTo(2048);
            assertThat(unsigned(key.path("e").asText())).isPositive();
            var names = new ArrayList<String>();
            key.fieldNames().forEachRemaining(names::add);
            assertThat(names).doesNotContainAnyElementsOf(PRIVATE_MEMBERS);
            assertThat(kids.add(key.path("kid").asText())).as("unique kid").isTrue();
        }
        assertThat(response.body()).doesNotContain("\"d\"").doesNotContain("\"p\"").doesNotContain("\"qi\"");
    }

    @Test
    void metadataWhenFetchedThenIssuerMatchesTokensAndOnlyClientCredentials() {
        var response = http().get("/.well-known/oauth-authorization-server");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type").orElseThrow()).startsWith("application/json");
        var body = response.json();
        assertThat(body.path("issuer").asText()).isEqualTo(Jwt.claims(freshToken()).get("iss").asText());
        assertThat(body.path("token_endpoint").asText()).endsWith("/token");
        assertThat(body.path("jwks_uri").asText()).endsWith("/.well-known/jwks.json");
        assertThat(body.path("grant_types_supported").toString()).isEqualTo("[\"client_credentials\"]");
        assertThat(body.path("response_types_supported").isArray()).isTrue();
        var methods = new ArrayList<String>();
        body.path("token_endpoint_auth_methods_supported").forEach(m -> methods.add(m.asText()));
        assertThat(methods).contains("client_secret_basic", "client_secret_post");
        assertThat(body.path("revocation_endpoint").asText()).endsWith("/revoke");
        assertThat(body.path("introspection_endpoint").asText()).endsWith("/introspect");
    }

    @Test
    void metadataWhenResponseTypesEmptyThenServiceDocumentationServedAndExplainsIt() {
        var body = http().get("/.well-known/oauth-authorization-server").json();
        assertThat(body.path("response_types_supported").size()).isZero();
        var documentation = body.path("service_documentation").asText();
        var base = body.path("token_endpoint").asText().replaceAll("/token$", "");
        assertThat(documentation).isEqualTo(base + "/openapi.json");
        var served = http().get(java.net.URI.create(documentation).getPath());
        assertThat(served.status()).as(served.toString()).isEqualTo(200);
        assertThat(served.json().at("/paths/~1.well-known~1oauth-authorization-server/get/description").asText())
                .contains("response_types_supported").contains("client-credentials");
    }

    @Test
    void rotationWhenNewKeyThenNewKidOldTokensStillValidAndBothPublished() {
        var before = freshToken();
        var oldKid = Jwt.header(before).get("kid").asText();
        var rotated = app.app().auth().signingKeys().rotate();
        assertThat(rotated.kid()).isNotEqualTo(oldKid);
        var after = freshToken();
        assertThat(Jwt.header(after).get("kid").asText()).isEqualTo(rotated.kid());
        assertThat(whoami(before)).as("token signed before the rotation").isEqualTo(200);
        assertThat(whoami(after)).isEqualTo(200);
        var jwks = http().get("/.well-known/jwks.json").json();
        assertThat(jwks.get("keys").findValuesAsText("kid")).contains(oldKid, rotated.kid());
        assertThat(parsePublicPem(http().get("/.well-known").body()).getModulus())
                .isEqualTo(rotated.publicKey().getModulus());
    }

    @Test
    void rotationWhenRepeatedQuicklyThenEachNewKeySignsAndSurvivesRestart() {
        var keys = app.app().auth().signingKeys();
        var seen = new ArrayList<String>();
        seen.add(keys.current().kid());
        var tokens = new ArrayList<String>();
        for (int i = 0; i < 5; i++) {
            var rotated = keys.rotate();
            assertThat(seen).as("rotation %d gives a key not used before", i).doesNotContain(rotated.kid());
            seen.add(rotated.kid());
            assertThat(keys.current().kid()).isEqualTo(rotated.kid());
            var token = freshToken();
            assertThat(Jwt.header(token).get("kid").asText()).as("rotation %d", i).isEqualTo(rotated.kid());
            tokens.add(token);
        }
        var current = keys.current().kid();
        app.restart();
        assertThat(app.app().auth().signingKeys().current().kid()).as("current key after restart").isEqualTo(current);
        for (var token : tokens) {
            assertThat(whoami(token)).isEqualTo(200);
        }
        assertThat(Jwt.header(freshToken()).get("kid").asText()).isEqualTo(current);
    }

    @Test
    void rotationWhenDoneByAnotherProcessThenServerVerifiesAndSignsWithTheNewKey() {
        // What `crvs keys rotate` does: its own Application on the same data folder and database.
        var config = AppConfig.load(new Env(app.environment()), app.dataDir(), 0);
        try (var cli = Application.open(config, app.clock())) {
            var rotated = cli.auth().signingKeys().rotate();
            var client = app.createClient(ClientType.HEALTH);
            var token = cli.auth().tokenIssuer().issueForClient(client.client()).token();
            assertThat(Jwt.header(token).get("kid").asText()).isEqualTo(rotated.kid());
            // Past the verifier's two-second limit on reloads for unknown kids, whatever ran before.
            app.clock().advance(Duration.ofSeconds(3));
            assertThat(whoami(token)).as("token signed with the key another process added").isEqualTo(200);
            assertThat(Jwt.header(freshToken()).get("kid").asText()).isEqualTo(rotated.kid());
            assertThat(http().get("/.well-known/jwks.json").json().get("keys").findValuesAsText("kid"))
                    .contains(rotated.kid());
        }
    }

    @Test
    void keyFilesWhenGeneratedThenOwnerOnly() throws IOException {
        app.app().auth().signingKeys().rotate();
        var keys = app.dataDir().resolve("keys");
        assertThat(permissions(keys)).isEqualTo("rwx------");
        assertThat(permissions(keys.resolve("signing"))).isEqualTo("rwx------");
        assertThat(permissions(keys.resolve("server.key"))).isEqualTo("rw-------");
        List<Path> pems;
        try (var files = Files.list(keys.resolve("signing"))) {
            pems = files.toList();
        }
        assertThat(pems).isNotEmpty();
        for (var pem : pems) {
            assertThat(pem.getFileName().toString()).endsWith(".pem");
            assertThat(permissions(pem)).as(pem.toString()).isEqualTo("rw-------");
        }
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
