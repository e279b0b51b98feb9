package io.crvs.auth;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Settings of the auth service.
 *
 * @param issuer the {@code iss} of every token and the RFC 8414 issuer
 * @param audiences the base audience list every token carries (OpenCRVS's 12 service audiences)
 * @param systemTokenTtl lifetime of client-credentials tokens
 * @param maxTokenTtl no token lives longer than this; also how long a rotated-out key keeps verifying
 * @param legacyQueryCredentials accept client credentials in the query string, as OpenCRVS documents
 * @param rsaKeyBits size of generated signing keys
 * @param keysFolder where generated signing keys live
 * @param privateKeyPem a PEM private key to sign with instead of generated keys
 * @param publicKeyPem its PEM public key (optional; checked against the private key)
 * @param publicUrl the externally visible base URL, for metadata documents
 */
public record AuthConfig(String issuer, List<String> audiences, Duration systemTokenTtl, Duration maxTokenTtl,
        boolean legacyQueryCredentials, int rsaKeyBits, Path keysFolder, Optional<Path> privateKeyPem,
        Optional<Path> publicKeyPem, URI publicUrl) {

    /** OpenCRVS v1.4's {@code WEB_USER_JWT_AUDIENCES}, in its order. */
    public static final List<String> OPENCRVS_AUDIENCES = List.of(
            "opencrvs:auth-user", "opencrvs:user-mgnt-user", "opencrvs:hearth-user", "opencrvs:gateway-user",
            "opencrvs:notification-user", "opencrvs:workflow-user", "opencrvs:search-user",
            "opencrvs:metrics-user", "opencrvs:countryconfig-user", "opencrvs:webhooks-user",
            "opencrvs:config-user", "opencrvs:documents-user");

    public static final String OPENCRVS_ISSUER = "opencrvs:auth-service";

    public AuthConfig {
        audiences = List.copyOf(audiences);
    }
}
