package io.crvs.notifications.store;

import io.crvs.notifications.OutboxEntry;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL for {@code notification_outbox}. Stateless. */
public final class OutboxStore {

    /** A row claimed for delivery, with its sealed variables. */
    public record Claimed(long id, String template, String language, String channel, String recipient,
            String sealedPayload, int attempts) {
        @Override
        public String toString() {
            return "Claimed[" + id + "]";
        }
    }

    public void insert(Handle handle, String template, String language, String channel, String recipient,
            String subjectType, String subjectId, String sealedPayload, Instant now) {
        handle.createUpdate("""
                INSERT INTO notification_outbox (template, language, channel, recipient, subject_type, subject_id,
                    payload, status, attempts, next_attempt_at, created_at)
                VALUES (:template, :language, :channel, :recipient, :subjectType, :subjectId, :payload, 'pending', 0,
                    :now, :now)""")
                .bind("template", template).bind("language", language).bind("channel", channel)
                .bind("recipient", recipient).bind("subjectType", subjectType).bind("subjectId", subjectId)
                .bind("payload", sealedPayload).bind("now", utc(now)).execute();
    }

    public List<Long> due(Handle handle, Instant now, int limit) {
        return handle.createQuery("""
                SELECT id FROM notification_outbox WHERE status = 'pending' AND next_attempt_at <= :now
                ORDER BY next_attempt_at, id LIMIT :limit""")
                .bind("now", utc(now)).bind("limit", limit).mapTo(Long.class).list();
    }

    /**
     * Takes a due row for {@code lease} by moving its next attempt forward, so that another node (or this one)
     * does not send it twice meanwhile. Empty when someone else took it first.
     */
    public Optional<Claimed> claim(Handle handle, long id, Instant now, Instant leaseUntil) {
        int updated = handle.createUpdate("""
                UPDATE notification_outbox SET next_attempt_at = :lease
                WHERE id = :id AND status = 'pending' AND next_attempt_at <= :now""")
                .bind("lease", utc(leaseUntil)).bind("id", id).bind("now", utc(now)).execute();
        if (updated == 0) {
            return Optional.empty();
        }
        return handle.createQuery("""
                SELECT id, template, language, channel, recipient, payload, attempts
                FROM notification_outbox WHERE id = :id""")
                .bind("id", id)
                .map((rs, ctx) -> new Claimed(rs.getLong("id"), rs.getString("template"), rs.getString("language"),
                        rs.getString("channel"), rs.getString("recipient"), rs.getString("payload"), rs.getInt("attempts")))
                .findFirst();
    }

    /** Delivered: the variables (which may hold a password or a code) are wiped. */
    public void markSent(Handle handle, long id, Instant now) {
        handle.createUpdate("""
                UPDATE notification_outbox SET status = 'sent', payload = '', attempts = attempts + 1, sent_at = :now,
                    last_error = NULL WHERE id = :id""")
                .bind("now", utc(now)).bind("id", id).execute();
    }

    public void markRetry(Handle handle, long id, String error, Instant nextAttempt) {
        handle.createUpdate("""
                UPDATE notification_outbox SET attempts = attempts + 1, last_error = :error, next_attempt_at = :next
                WHERE id = :id""")
                .bind("error", error).bind("next", utc(nextAttempt)).bind("id", id).execute();
    }

    /** Given up: kept, visible, with the last error; the variables are wiped. */
    public void markFailed(Handle handle, long id, String error) {
        handle.createUpdate("""
                UPDATE notification_outbox SET status = 'failed', payload = '', attempts = attempts + 1,
                    last_error = :error WHERE id = :id""")
                .bind("error", error).bind("id", id).execute();
    }

    public List<OutboxEntry> list(Handle handle, Optional<String> subjectId, Optional<String> status, int limit) {
        var sql = new StringBuilder("""
                SELECT id, template, language, channel, recipient, subject_id, status, attempts, last_error,
                    created_at, sent_at FROM notification_outbox WHERE 1 = 1""");
        subjectId.ifPresent(s -> sql.append(" AND subject_id = :subjectId"));
        status.ifPresent(s -> sql.append(" AND status = :status"));
        sql.append(" ORDER BY id DESC LIMIT :limit");
        var query = handle.createQuery(sql.toString()).bind("limit", limit);
        subjectId.ifPresent(s -> query.bind("subjectId", s));
        status.ifPresent(s -> query.bind("status", s));
        return query.map((rs, ctx) -> entry(rs)).list();
    }

    private static OutboxEntry entry(ResultSet rs) throws SQLException {
        var sent = rs.getObject("sent_at", OffsetDateTime.class);
        return new OutboxEntry(rs.getLong("id"), rs.getString("template"), rs.getString("language"),
                rs.getString("channel"), rs.getString("recipient"), Optional.ofNullable(rs.getString("subject_id")),
                rs.getString("status"), rs.getInt("attempts"), Optional.ofNullable(rs.getString("last_error")),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                Optional.ofNullable(sent).map(OffsetDateTime::toInstant));
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
