package io.crvs.auth.key;

import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;

/**
 * One RSA key pair with its JWK thumbprint as {@code kid} (RFC 7638).
 *
 * @param createdAt when it was made (for generated keys) or loaded (for PEM keys)
 */
public record SigningKey(String kid, RSAPrivateKey privateKey, RSAPublicKey publicKey, Instant createdAt) {
    @Override
    public String toString() {
        return "SigningKey[" + kid + "]";
    }
}
