package io.crvs.auth.token;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import io.crvs.auth.AuthConfig;
import io.crvs.auth.IntegrationClient;
import io.crvs.auth.Scopes;
import io.crvs.auth.key.SigningKey;
import io.crvs.auth.key.SigningKeys;
import io.crvs.platform.crypto.RandomTokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/**
 * Signs RS256 access tokens shaped as OpenCRVS's (interop §1.5): header {@code alg RS256, typ JWT} plus a
 * {@code kid}; claims {@code scope} (array), {@code iat}, {@code exp}, {@code aud} (array), {@code iss},
 * {@code sub}, plus {@code jti}, for client tokens {@code client_id}, and {@code gen}. The payload is written by
 * Jackson so that claim order and types (an array {@code aud} even with one entry) are exactly these. Thread-safe.
 */
public final class TokenIssuer {
    /** The claim holding the token generation its subject (client or user) had when the token was issued. */
    static final String GENERATION_CLAIM = "gen";

    private final SigningKeys keys;
    private final AuthConfig config;
    private final Clock clock;
    private final ObjectMapper json;
    private volatile Signer signer;

    public TokenIssuer(SigningKeys keys, AuthConfig config, Clock clock, ObjectMapper json) {
        this.keys = keys;
        this.config = config;
        this.clock = clock;
        this.json = json;
    }

    /** A client-credentials token for {@code client}, in the client's current token generation. */
    public IssuedToken issueForClient(IntegrationClient client) {
        return issue(client.id(), Optional.of(client.clientId()), client.scope(), audiences(client.scope()),
                config.systemTokenTtl(), client.tokenGeneration());
    }

    /** The base audience list plus the one extra audience OpenCRVS adds for some scopes (interop §1.6). */
    public List<String> audiences(List<String> scopes) {
        var audiences = new ArrayList<>(config.audiences());
        extraAudience(scopes).ifPresent(audiences::add);
        return audiences;
    }

    static Optional<String> extraAudience(List<String> scopes) {
        if (scopes.contains(Scopes.NOTIFICATION_API)) {
            return Optional.of("opencrvs:notification-api-user");
        }
        if (scopes.contains("validator-api")) {
            return Optional.of("opencrvs:validator-api-user");
        }
        if (scopes.contains("age-verification-api")) {
            return Optional.of("opencrvs:age-verification-user");
        }
        if (scopes.contains(Scopes.NATIONAL_ID)) {
            return Optional.of("opencrvs:nationalId-api-user");
        }
        return Optional.empty();
    }

    /**
     * A token stamped now, carrying {@code generation}, its subject's token generation (claim
     * {@value #GENERATION_CLAIM}), which the bearer check compares with the subject's current one.
     */
    public IssuedToken issue(String subject, Optional<String> clientId, List<String> scopes, List<String> audiences,
            Duration ttl, long generation) {
        var capped = ttl.compareTo(config.maxTokenTtl()) > 0 ? config.maxTokenTtl() : ttl;
        long iat = clock.instant().getEpochSecond();
        long exp = iat + capped.toSeconds();
        var jti = RandomTokens.base64url(16);
        var claims = new LinkedHashMap<String, Object>();
        claims.put("scope", scopes);
        claims.put("iat", iat);
        claims.put("exp", exp);
        claims.put("aud", audiences);
        claims.put("iss", config.issuer());
        claims.put("sub", subject);
        claims.put("jti", jti);
        clientId.ifPresent(id -> claims.put("client_id", id));
        claims.put(GENERATION_CLAIM, generation);
        var current = currentSigner();
        var token = current.sign(payload(claims));
        return new IssuedToken(token, jti, current.key().kid(), Instant.ofEpochSecond(iat), Instant.ofEpochSecond(exp),
                scopes);
    }

    private byte[] payload(LinkedHashMap<String, Object> claims) {
        try {
            return json.writeValueAsBytes(claims);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Signer currentSigner() {
        var key = keys.current();
        var cached = signer;
        if (cached == null || !cached.key().kid().equals(key.kid())) {
            cached = new Signer(key, keys);
            signer = cached;
        }
        return cached;
    }

    /** A Nimbus signer bound to one key and to the native provider when it loaded. */
    private static final class Signer {
        private final SigningKey key;
        private final RSASSASigner rsa;
        private final JWSHeader header;

        Signer(SigningKey key, SigningKeys keys) {
            this.key = key;
            this.rsa = new RSASSASigner(key.privateKey());
            keys.crypto().provider().ifPresent(p -> rsa.getJCAContext().setProvider(p));
            this.header = new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(key.kid()).build();
        }

        SigningKey key() {
            return key;
        }

        String sign(byte[] payload) {
            try {
                var jws = new JWSObject(header, new Payload(payload));
                jws.sign(rsa);
                return jws.serialize();
            } catch (JOSEException e) {
                throw new IllegalStateException("Token signing failed", e);
            }
        }
    }
}
