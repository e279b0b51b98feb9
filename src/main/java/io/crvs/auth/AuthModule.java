package io.crvs.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.crvs.auth.client.ClientAuthenticator;
import io.crvs.auth.client.ClientSecretHasher;
import io.crvs.auth.client.DatabaseClientRegistry;
import io.crvs.auth.key.CryptoProvider;
import io.crvs.auth.key.SigningKeys;
import io.crvs.auth.key.WellKnownEndpoint;
import io.crvs.auth.store.ClientStore;
import io.crvs.auth.store.RevocationStore;
import io.crvs.auth.token.BearerUsageEndpoint;
import io.crvs.auth.token.ClientCredentialsGrant;
import io.crvs.auth.token.JwtTokenVerifier;
import io.crvs.auth.token.RevocationEndpoint;
import io.crvs.auth.token.TokenEndpoint;
import io.crvs.auth.token.TokenIssuer;
import io.crvs.auth.token.TokenRevocation;
import io.crvs.auth.token.WhoAmIEndpoint;
import io.crvs.platform.audit.Actor;
import io.crvs.platform.audit.AuditLog;
import io.crvs.platform.crypto.SecretBox;
import io.crvs.platform.crypto.ServerKey;
import io.crvs.platform.db.Database;
import io.crvs.platform.http.Endpoint;
import io.crvs.platform.throttle.FailureThrottle;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The auth service: integration clients and their secrets, signing keys, the token endpoint and the bearer-token
 * check used by every protected route. Stands in for OpenCRVS's {@code packages/auth} and the system-client part
 * of {@code packages/user-mgnt}.
 */
public final class AuthModule {
    private final SigningKeys keys;
    private final ClientRegistry clients;
    private final JwtTokenVerifier verifier;
    private final TokenIssuer issuer;
    private final TokenRevocation revocation;
    private final List<Endpoint> endpoints;

    public AuthModule(AuthConfig config, Database database, ServerKey serverKey, AuditLog audit, FailureThrottle throttle,
            MeterRegistry metrics, CryptoProvider crypto, UserSubjects users, Clock clock, ObjectMapper json) {
        this.keys = config.privateKeyPem().isPresent()
                ? SigningKeys.fromPem(config.privateKeyPem().get(), config.publicKeyPem(), crypto, clock)
                : SigningKeys.inFolder(config.keysFolder(), config.rsaKeyBits(), config.maxTokenTtl(), crypto, clock);
        var clientStore = new ClientStore(json);
        var hasher = new ClientSecretHasher(serverKey.derive("crvs client secret hash v1", "HmacSHA256"));
        var secretBox = new SecretBox(serverKey.derive("crvs client sha_secret v1", "AES"));
        this.clients = new DatabaseClientRegistry(database, clientStore, hasher, secretBox, audit, clock);
        this.issuer = new TokenIssuer(keys, config, clock, json);
        this.verifier = new JwtTokenVerifier(keys, config, database, clientStore, users, clock, json);
        this.revocation = new TokenRevocation(database, new RevocationStore(), audit, clock);
        var grant = new ClientCredentialsGrant(new ClientAuthenticator(database, clientStore, hasher), issuer, throttle,
                audit, metrics);
        this.endpoints = List.of(
                new BearerUsageEndpoint(),
                new TokenEndpoint(grant, config.legacyQueryCredentials(), json, clock),
                new RevocationEndpoint(grant, verifier, revocation, config.legacyQueryCredentials(), json, clock),
                new WellKnownEndpoint(keys, config, json),
                new WhoAmIEndpoint(verifier, clients, json, clock));
    }

    public ClientRegistry clients() {
        return clients;
    }

    public TokenVerifier tokenVerifier() {
        return verifier;
    }

    public SigningKeys signingKeys() {
        return keys;
    }

    /** Mints tokens directly, for the CLI and tests; HTTP callers go through {@code /token}. */
    public TokenIssuer tokenIssuer() {
        return issuer;
    }

    /** Minting and revoking user tokens, for the login flow. */
    public AccessTokens accessTokens() {
        return new AccessTokens() {
            @Override
            public AccessToken issueForUser(String userId, List<String> scopes, Duration ttl, long tokenGeneration) {
                var token = issuer.issue(userId, Optional.empty(), scopes, issuer.audiences(scopes), ttl,
                        tokenGeneration);
                return new AccessToken(token.token(), token.jti(), token.issuedAt(), token.expiresAt());
            }

            @Override
            public void revoke(Caller token, Actor actor, String via) {
                revocation.revoke(token, actor, via);
            }
        };
    }

    /** Housekeeping run periodically: pick up rotated keys, forget revocations of expired tokens. */
    public void maintain() {
        keys.reloadIfChanged();
        revocation.purgeExpired();
    }

    public List<Endpoint> endpoints() {
        return endpoints;
    }
}
