package io.crvs.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crvs.testkit.Jwt;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Builds compact JWS tokens by hand, for attacks on the bearer check: header and payload are written as JSON by
 * the test, base64url-encoded with {@link Jwt#encode} and signed with plain JCA, so nothing of the server's own
 * signing code is involved.
 */
public final class TokenForge {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TokenForge() {
    }

    /** {@code {"alg":"RS256","typ":"JWT","kid":kid}} in that order. */
    public static ObjectNode header(String kid) {
        var header = JSON.createObjectNode();
        header.put("alg", "RS256");
        header.put("typ", "JWT");
        header.put("kid", kid);
        return header;
    }

    /** The header of {@code token}, as a mutable copy. */
    public static ObjectNode headerOf(String token) {
        return (ObjectNode) Jwt.header(token).deepCopy();
    }

    /** The claims of {@code token}, as a mutable copy. */
    public static ObjectNode claimsOf(String token) {
        return (ObjectNode) Jwt.claims(token).deepCopy();
    }

    public static ObjectNode object() {
        return JSON.createObjectNode();
    }

    /** RS256 (RSASSA-PKCS1-v1_5 with SHA-256) over {@code base64url(header).base64url(claims)}. */
    public static String rs256(ObjectNode header, ObjectNode claims, PrivateKey key) {
        return rs256(signingInput(header, claims), key);
    }

    /** RS256 over header and claims given as JSON text, for JSON no mapper would write (or read). */
    public static String rs256(String headerJson, String claimsJson, PrivateKey key) {
        return rs256(Jwt.encode(headerJson) + "." + Jwt.encode(claimsJson), key);
    }

    private static String rs256(String input, PrivateKey key) {
        try {
            var signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(jdkKey(key));
            signature.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + base64url(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** HMAC-SHA256 keyed with {@code secret}: the "RSA public key as HMAC secret" confusion attack. */
    public static String hs256(ObjectNode header, ObjectNode claims, byte[] secret) {
        var input = signingInput(header, claims);
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return input + "." + base64url(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An unsecured JWS: empty signature part. */
    public static String unsigned(ObjectNode header, ObjectNode claims) {
        return signingInput(header, claims) + ".";
    }

    public static KeyPair freshRsaKey() {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String base64url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String signingInput(ObjectNode header, ObjectNode claims) {
        try {
            return Jwt.encode(JSON.writeValueAsString(header)) + "." + Jwt.encode(JSON.writeValueAsString(claims));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The server may hold its key inside a native provider; re-create it in the JDK's own. */
    private static PrivateKey jdkKey(PrivateKey key) throws GeneralSecurityException {
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(key.getEncoded()));
    }
}
