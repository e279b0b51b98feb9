package io.crvs.auth.token;

import java.time.Instant;
import java.util.List;

/** A signed access token and the facts about it that the response and the audit log need. */
public record IssuedToken(String token, String jti, String kid, Instant issuedAt, Instant expiresAt,
        List<String> scopes) {

    public long expiresInSeconds(Instant now) {
        return Math.max(0, expiresAt.getEpochSecond() - now.getEpochSecond());
    }

    @Override
    public String toString() {
        return "IssuedToken[jti=" + jti + "]";
    }
}
