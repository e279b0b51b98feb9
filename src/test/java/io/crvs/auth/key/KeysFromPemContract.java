package io.crvs.auth.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crvs.auth.ClientType;
import io.crvs.testkit.AppContract;
import io.crvs.testkit.Http;
import io.crvs.testkit.Jwt;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Signing with one key pair from PEM files, as OpenCRVS deploys it ({@code CERT_PRIVATE_KEY_PATH},
 * {@code CERT_PUBLIC_KEY_PATH}): the private key in PKCS#1 as {@code openssl genrsa} writes it, the public key as
 * SubjectPublicKeyInfo. The key pair is made here, so the test knows what the server must sign with.
 */
public abstract class KeysFromPemContract extends AppContract {
    private final KeyPair pair = generate();
    private Path pemDir;

    static KeyPair generate() {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    /** PKCS#1 {@code RSAPrivateKey} DER, as {@code openssl genrsa} (OpenSSL 1.x) writes it. */
    static String pkcs1Pem(RSAPrivateCrtKey k) {
        try {
            var der = new org.bouncycastle.asn1.pkcs.RSAPrivateKey(k.getModulus(), k.getPublicExponent(),
                    k.getPrivateExponent(), k.getPrimeP(), k.getPrimeQ(), k.getPrimeExponentP(), k.getPrimeExponentQ(),
                    k.getCrtCoefficient()).getEncoded();
            return pem("RSA PRIVATE KEY", der);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, String> writePair(Path dir, RSAPrivateCrtKey privateKey, RSAPublicKey publicKey) {
        try {
            var privatePath = dir.resolve("private-key.pem");
            var publicPath = dir.resolve("public-key.pem");
            Files.writeString(privatePath, pkcs1Pem(privateKey), StandardCharsets.US_ASCII);
            Files.writeString(publicPath, pem("PUBLIC KEY", publicKey.getEncoded()), StandardCharsets.US_ASCII);
            return Map.of("CERT_PRIVATE_KEY_PATH", privatePath.toString(), "CERT_PUBLIC_KEY_PATH", publicPath.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected Map<String, String> environment() {
        try {
            pemDir = Files.createTempDirectory("crvs-pem-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return writePair(pemDir, (RSAPrivateCrtKey) pair.getPrivate(), (RSAPublicKey) pair.getPublic());
    }

    @AfterAll
    void deletePemFiles() {
        deleteTree(pemDir);
    }

    private RSAPublicKey publicKey() {
        return (RSAPublicKey) pair.getPublic();
    }

    private String freshToken() {
        return app.token(app.createClient(ClientType.HEALTH));
    }

    @Test
    void tokensWhenPemKeyConfiguredThenSignedWithThatKey() {
        var token = freshToken();
        assertThat(KeysContract.signatureValid(token, publicKey())).isTrue();
        assertThat(KeysContract.signatureValid(token, (RSAPublicKey) generate().getPublic())).as("control").isFalse();
        assertThat(http().get("/whoami", "Authorization", Http.bearer(token)).status()).isEqualTo(200);
        var jwk = KeysContract.jwk(http().get("/.well-known/jwks.json").json(), Jwt.header(token).get("kid").asText());
        assertThat(KeysContract.unsigned(jwk.get("n").asText())).isEqualTo(publicKey().getModulus());
    }

    @Test
    void wellKnownWhenPemKeyConfiguredThenServesThatPublicKeyOnly() {
        var served = KeysContract.parsePublicPem(http().get("/.well-known").body());
        assertThat(served.getModulus()).isEqualTo(publicKey().getModulus());
        assertThat(served.getPublicExponent()).isEqualTo(publicKey().getPublicExponent());
        var keys = http().get("/.well-known/jwks.json").json().get("keys");
        assertThat(keys.size()).isEqualTo(1);
        assertThat(new BigInteger(1, Base64.getUrlDecoder().decode(keys.get(0).get("n").asText())))
                .isEqualTo(publicKey().getModulus());
    }

    @Test
    void rotateWhenPemKeyConfiguredThenRefusedNamingTheVariable() {
        var keys = app.app().auth().signingKeys();
        var kid = keys.current().kid();
        assertThatThrownBy(keys::rotate).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CERT_PRIVATE_KEY_PATH");
        assertThat(keys.current().kid()).isEqualTo(kid);
        assertThat(app.dataDir().resolve("keys").resolve("signing")).doesNotExist();
    }

    @Test
    void tokensWhenServerRestartsOnSamePemThenStillValid() {
        var token = freshToken();
        app.restart();
        assertThat(http().get("/whoami", "Authorization", Http.bearer(token)).status()).isEqualTo(200);
        assertThat(Jwt.header(freshToken()).get("kid").asText()).isEqualTo(Jwt.header(token).get("kid").asText());
    }
}
