package io.crvs.auth.client;

import io.crvs.platform.crypto.RandomTokens;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.SecretKey;

/**
 * Stores client secrets as HMAC-SHA-256(pepper, salt || secret), the pepper being a key derived from the server
 * key. Client secrets carry 256 random bits, so a slow password hash would add only cost (see
 * docs/decisions.md); what matters is that a stolen database alone does not let anyone test guesses, and that
 * comparison is constant-time over fixed-length digests. {@link #verifyDummy} does the same work for unknown
 * clients. Thread-safe.
 */
public final class ClientSecretHasher {
    /** Longer inputs are cut before hashing so a huge "secret" cannot cost more than a real one. */
    static final int MAX_SECRET_BYTES = 512;
    private static final Base64.Encoder B64 = Base64.getEncoder();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private final SecretKey pepper;
    private final String dummySalt;
    private final String dummyHash;

    public ClientSecretHasher(SecretKey pepper) {
        this.pepper = pepper;
        this.dummySalt = newSalt();
        this.dummyHash = hash(dummySalt, RandomTokens.base64url(32));
    }

    public static String newSalt() {
        return B64.encodeToString(RandomTokens.bytes(16));
    }

    public String hash(String salt, String secret) {
        return B64.encodeToString(digest(salt, secret));
    }

    /** Constant-time check of {@code secret} against a stored salt and hash. */
    public boolean verify(String salt, String storedHash, String secret) {
        var expected = B64D.decode(storedHash);
        var actual = digest(salt, secret);
        boolean lengthOk = secret.getBytes(StandardCharsets.UTF_8).length <= MAX_SECRET_BYTES;
        return MessageDigest.isEqual(expected, actual) & lengthOk;
    }

    /** The same work as {@link #verify} for a client that does not exist; always false. */
    public boolean verifyDummy(String secret) {
        verify(dummySalt, dummyHash, secret);
        return false;
    }

    private byte[] digest(String salt, String secret) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(pepper);
            mac.update(B64D.decode(salt));
            var bytes = secret.getBytes(StandardCharsets.UTF_8);
            mac.update(bytes, 0, Math.min(bytes.length, MAX_SECRET_BYTES));
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
