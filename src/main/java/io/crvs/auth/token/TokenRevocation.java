package io.crvs.auth.token;

import io.crvs.auth.Caller;
import io.crvs.auth.store.RevocationStore;
import io.crvs.platform.audit.Actor;
import io.crvs.platform.audit.AuditEvent;
import io.crvs.platform.audit.AuditLog;
import io.crvs.platform.db.Database;
import java.time.Clock;
import java.util.Map;

/** Puts a token's {@code jti} on the deny-list until the token expires, and audits it. Thread-safe. */
public final class TokenRevocation {
    private final Database database;
    private final RevocationStore store;
    private final AuditLog audit;
    private final Clock clock;

    public TokenRevocation(Database database, RevocationStore store, AuditLog audit, Clock clock) {
        this.database = database;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    /** Revokes {@code token}'s jti; {@code via} names the route for the audit log. */
    public void revoke(Caller token, Actor actor, String via) {
        // Own transaction: a concurrent duplicate insert must not poison a larger one on PostgreSQL.
        database.withHandle(handle -> {
            store.revoke(handle, token.jti(), token.subject(), token.expiresAt(), clock.instant());
            return null;
        });
        audit.record(new AuditEvent("token.revoked", AuditEvent.Outcome.SUCCESS, actor, token.actorType(),
                token.subject(), null, Map.of("jti", token.jti(), "via", via)));
    }

    /**
     * Forgets revocations of tokens that have expired anyway: only once the bearer check's clock skew after
     * {@code exp} has passed too, or a revoked token would be accepted again inside that window.
     */
    public int purgeExpired() {
        var cutOff = clock.instant().minusSeconds(JwtTokenVerifier.MAX_SKEW_SECONDS);
        return database.withHandle(handle -> store.purgeExpired(handle, cutOff));
    }
}
