package io.crvs.users.store;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL for {@code login_sessions}: the state between a correct password and the second factor. Stateless. */
public final class LoginSessionStore {

    /** A login waiting for its second factor. {@code method} is {@code code} or {@code totp}. */
    public record LoginSession(String nonceHash, String userId, String method, Optional<String> codeHash,
            Instant codeExpiresAt, int failedAttempts, int resends) {
    }

    public void insert(Handle handle, LoginSession session, Instant now) {
        handle.createUpdate("""
                INSERT INTO login_sessions (nonce_hash, user_id, method, code_hash, code_expires_at, failed_attempts,
                    resends, created_at)
                VALUES (:nonceHash, :userId, :method, :codeHash, :expires, 0, 0, :now)""")
                .bind("nonceHash", session.nonceHash()).bind("userId", session.userId()).bind("method", session.method())
                .bind("codeHash", session.codeHash().orElse(null)).bind("expires", UserStore.utc(session.codeExpiresAt()))
                .bind("now", UserStore.utc(now)).execute();
    }

    /** The session, locked for this transaction so two guesses cannot race past the attempt limit. */
    public Optional<LoginSession> findForUpdate(Handle handle, String nonceHash) {
        return handle.createQuery("""
                SELECT nonce_hash, user_id, method, code_hash, code_expires_at, failed_attempts, resends
                FROM login_sessions WHERE nonce_hash = :nonceHash FOR UPDATE""")
                .bind("nonceHash", nonceHash)
                .map((rs, ctx) -> new LoginSession(rs.getString("nonce_hash"), rs.getString("user_id"),
                        rs.getString("method"), Optional.ofNullable(rs.getString("code_hash")),
                        UserStore.instant(rs, "code_expires_at"), rs.getInt("failed_attempts"), rs.getInt("resends")))
                .findFirst();
    }

    public void recordFailure(Handle handle, String nonceHash) {
        handle.createUpdate("UPDATE login_sessions SET failed_attempts = failed_attempts + 1 WHERE nonce_hash = :n")
                .bind("n", nonceHash).execute();
    }

    public void replaceCode(Handle handle, String nonceHash, String codeHash, Instant expires) {
        handle.createUpdate("""
                UPDATE login_sessions SET code_hash = :codeHash, code_expires_at = :expires, resends = resends + 1
                WHERE nonce_hash = :n""")
                .bind("codeHash", codeHash).bind("expires", UserStore.utc(expires)).bind("n", nonceHash).execute();
    }

    public void delete(Handle handle, String nonceHash) {
        handle.createUpdate("DELETE FROM login_sessions WHERE nonce_hash = :n").bind("n", nonceHash).execute();
    }

    public int purgeExpired(Handle handle, Instant before) {
        return handle.createUpdate("DELETE FROM login_sessions WHERE code_expires_at < :before")
                .bind("before", UserStore.utc(before)).execute();
    }
}
