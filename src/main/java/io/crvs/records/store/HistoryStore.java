package io.crvs.records.store;

import io.crvs.records.HistoryEntry;
import io.crvs.records.RecordStatus;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL for {@code record_history}: append and read, never rewrite. Stateless. */
public final class HistoryStore {

    /** A history line to append; {@code occurredAt} is stamped by the store's caller. */
    public record NewEntry(String recordId, String action, RecordStatus status, String actorType, String actorId,
            String actorName, String actorRole, String officeId, String ip, String userAgent, String reason,
            String comment, String details) {
    }

    public void append(Handle handle, NewEntry entry, Instant at) {
        handle.createUpdate("""
                INSERT INTO record_history (record_id, action, status, actor_type, actor_id, actor_name, actor_role,
                    office_id, ip, user_agent, reason, comment, details, occurred_at)
                VALUES (:recordId, :action, :status, :actorType, :actorId, :actorName, :actorRole, :officeId, :ip,
                    :userAgent, :reason, :comment, :details, :at)""")
                .bind("recordId", entry.recordId()).bind("action", entry.action()).bind("status", entry.status().name())
                .bind("actorType", entry.actorType()).bind("actorId", entry.actorId()).bind("actorName", entry.actorName())
                .bind("actorRole", entry.actorRole()).bind("officeId", entry.officeId()).bind("ip", clip(entry.ip(), 64))
                .bind("userAgent", clip(entry.userAgent(), 256)).bind("reason", clip(entry.reason(), 64))
                .bind("comment", clip(entry.comment(), 1000)).bind("details", clip(entry.details(), 8000))
                .bind("at", RecordStore.utc(at)).execute();
    }

    public List<HistoryEntry> list(Handle handle, String recordId) {
        return handle.createQuery("SELECT * FROM record_history WHERE record_id = :id ORDER BY id")
                .bind("id", recordId)
                .map((rs, ctx) -> new HistoryEntry(rs.getLong("id"), rs.getString("action"),
                        RecordStatus.valueOf(rs.getString("status")), rs.getString("actor_type"), rs.getString("actor_id"),
                        Optional.ofNullable(rs.getString("actor_name")), Optional.ofNullable(rs.getString("actor_role")),
                        Optional.ofNullable(rs.getString("office_id")), Optional.ofNullable(rs.getString("ip")),
                        Optional.ofNullable(rs.getString("user_agent")), Optional.ofNullable(rs.getString("reason")),
                        Optional.ofNullable(rs.getString("comment")), Optional.ofNullable(rs.getString("details")),
                        rs.getObject("occurred_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    /** The most recent status other than ARCHIVED: where a reinstated record returns to. */
    public Optional<RecordStatus> statusBeforeArchive(Handle handle, String recordId) {
        return handle.createQuery("""
                SELECT status FROM record_history WHERE record_id = :id AND status <> 'ARCHIVED' AND action <> 'VIEWED'
                ORDER BY id DESC LIMIT 1""")
                .bind("id", recordId).mapTo(String.class).findFirst().map(RecordStatus::valueOf);
    }

    private static String clip(String value, int max) {
        if (value == null) {
            return null;
        }
        var clean = value.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return clean.length() <= max ? clean : clean.substring(0, max);
    }
}
