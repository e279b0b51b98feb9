package io.crvs.auth;

import java.util.Optional;
import java.util.Set;

/**
 * The one bearer-token check every protected route uses (RFC 6750, RFC 8725): pinned keys, RS256 only, no
 * header-borne keys, exact issuer, the route's audience, expiry and issue time with bounded skew, not revoked,
 * and a subject that still exists, is active and has not had its credentials reset since the token was issued.
 */
public interface TokenVerifier {
    /**
     * Authenticates a request from its {@code Authorization} header.
     *
     * @param audience the audience this route requires in {@code aud}
     * @param anyOfScopes the caller needs at least one of these (empty: any valid token)
     * @throws io.crvs.platform.problem.UnauthorizedException 401 with a Bearer challenge when the token is
     *     missing or invalid
     * @throws io.crvs.platform.problem.ForbiddenException 403 {@code insufficient_scope}
     */
    Caller authenticate(String authorizationHeader, String audience, Set<String> anyOfScopes);

    /** Verifies a bare token for any of crvs's audiences: the caller it represents, or empty if it is not valid now. */
    Optional<Caller> verify(String token);
}
