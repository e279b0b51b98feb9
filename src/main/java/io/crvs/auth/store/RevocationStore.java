package io.crvs.auth.store;

import io.crvs.platform.db.Database;
import java.time.Instant;
import org.jdbi.v3.core.Handle;

/** SQL for {@code revoked_tokens}: the jti deny-list, kept until each token would have expired. Stateless. */
public final class RevocationStore {

    /** Adds {@code jti}; revoking an already revoked token changes nothing. */
    public void revoke(Handle handle, String jti, String subject, Instant expiresAt, Instant now) {
        if (isRevoked(handle, jti)) {
            return;
        }
        try {
            handle.createUpdate("""
                    INSERT INTO revoked_tokens (jti, subject, expires_at, revoked_at)
                    VALUES (:jti, :subject, :expiresAt, :now)""")
                    .bind("jti", jti).bind("subject", subject)
                    .bind("expiresAt", ClientStore.utc(expiresAt)).bind("now", ClientStore.utc(now))
                    .execute();
        } catch (RuntimeException e) {
            if (!Database.isUniqueViolation(e)) {
                throw e;
            }
            // Revoked concurrently by another request: the outcome is the same.
        }
    }

    public boolean isRevoked(Handle handle, String jti) {
        return handle.createQuery("SELECT COUNT(*) FROM revoked_tokens WHERE jti = :jti")
                .bind("jti", jti).mapTo(Integer.class).one() > 0;
    }

    /** Forgets revocations of tokens that have expired anyway; returns how many. */
    public int purgeExpired(Handle handle, Instant now) {
        return handle.createUpdate("DELETE FROM revoked_tokens WHERE expires_at < :now")
                .bind("now", ClientStore.utc(now)).execute();
    }
}
