package io.crvs.auth;

import io.crvs.platform.audit.Actor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Minting and ending user tokens, for the login flow of the users module. Client tokens come only from /token. */
public interface AccessTokens {
    /**
     * A token for a person: {@code sub} the user id, the role's scopes, the base audience list, no
     * {@code client_id}; stamped now and carrying {@code tokenGeneration} (claim {@code gen}). The bearer check
     * refuses it once that is no longer the user's token generation, so pass the generation read together with
     * the user, never one read later: a change in between then refuses the token instead of missing it.
     */
    AccessToken issueForUser(String userId, List<String> scopes, Duration ttl, long tokenGeneration);

    /** Puts the token's jti on the deny-list until it expires, and audits it. */
    void revoke(Caller token, Actor actor, String via);

    /** A freshly minted token. */
    record AccessToken(String token, String jti, Instant issuedAt, Instant expiresAt) {
        @Override
        public String toString() {
            return "AccessToken[" + jti + "]";
        }
    }
}
