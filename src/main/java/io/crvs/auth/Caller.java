package io.crvs.auth;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The authenticated principal behind a request, taken from a verified access token.
 *
 * @param subject the token's {@code sub}: a client's or a user's internal id
 * @param kind whether an integration client or a person is calling
 * @param clientId the client's public id, for client tokens
 * @param jti the token's unique id (for revocation)
 * @param tokenGeneration the token generation its client or user had when the token was issued (0 when the token
 *     carries none)
 */
public record Caller(String subject, Kind kind, Optional<String> clientId, List<String> scopes,
        List<String> audience, String jti, Instant issuedAt, Instant expiresAt, long tokenGeneration) {

    public Caller {
        scopes = List.copyOf(scopes);
        audience = List.copyOf(audience);
    }

    public boolean hasScope(String scope) {
        return scopes.contains(scope);
    }

    public boolean hasAnyScope(Collection<String> wanted) {
        return wanted.isEmpty() || wanted.stream().anyMatch(scopes::contains);
    }

    /**
     * Whether the token was issued in {@code current}, its subject's token generation now. Compared by generation,
     * not by issue time: {@code iat} has whole seconds, so a cut-off second cannot tell a token issued just before
     * a change from one issued just after it. Any other generation is refused: a token from a later one than the
     * database knows can only come from a database restored from a backup.
     */
    public boolean isOfGeneration(long current) {
        return tokenGeneration == current;
    }

    /** Audit actor type: {@code client} or {@code user}. */
    public String actorType() {
        return kind == Kind.CLIENT ? "client" : "user";
    }

    /** Who holds the token. */
    public enum Kind {
        CLIENT, USER
    }
}
