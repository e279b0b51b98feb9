package io.crvs.platform.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crvs.platform.db.Database;
import io.crvs.platform.problem.UnavailableException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The append-only audit log. Entries that belong to a business transaction are appended in that transaction
 * ({@link #append}); standalone entries (authentications) go through {@link #record}, which group-commits
 * concurrent entries in one transaction and returns only once they are durable, so a fast endpoint does not pay
 * one commit per request. Nothing in crvs updates or deletes audit rows. Thread-safe.
 */
public final class AuditLog implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
    private static final int MAX_BATCH = 512;
    private static final long WAIT_SECONDS = 10;
    private static final String INSERT = """
            INSERT INTO audit_log (occurred_at, action, outcome, actor_type, actor_id, subject_type, subject_id,
                                   reason, ip, user_agent, request_id, details)
            VALUES (:occurredAt, :action, :outcome, :actorType, :actorId, :subjectType, :subjectId,
                    :reason, :ip, :userAgent, :requestId, :details)
            """;

    private final Database database;
    private final Clock clock;
    private final ObjectMapper json;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>(65_536);
    private final Thread writer;
    private volatile boolean closed;

    public AuditLog(Database database, Clock clock, ObjectMapper json) {
        this.database = database;
        this.clock = clock;
        this.json = json;
        this.writer = Thread.ofPlatform().name("crvs-audit-writer").daemon(true).unstarted(this::writeLoop);
        this.writer.start();
    }

    /** Appends {@code event} inside the caller's transaction: it commits or rolls back with the business change. */
    public void append(Handle handle, AuditEvent event) {
        bind(handle.createUpdate(INSERT), Row.of(event, clock.instant(), json)).execute();
    }

    /**
     * Writes {@code event} durably before returning. Fails closed: if the entry cannot be written the caller gets
     * an {@link UnavailableException} and must not report success for the audited action.
     */
    public void record(AuditEvent event) {
        if (closed) {
            throw new UnavailableException("The audit log is shutting down");
        }
        var pending = new Pending(Row.of(event, clock.instant(), json), new CompletableFuture<>());
        if (!queue.offer(pending)) {
            throw new UnavailableException("The audit log is overloaded");
        }
        try {
            pending.done().get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("Interrupted while writing the audit log");
        } catch (ExecutionException | TimeoutException e) {
            throw new UnavailableException("The audit log cannot be written");
        }
    }

    /** The newest entries first, optionally only those about one subject or by one action. */
    public List<AuditEntry> list(Optional<String> subjectId, Optional<String> action, Optional<Long> beforeId,
            int limit) {
        var sql = new StringBuilder("SELECT * FROM audit_log WHERE 1 = 1");
        subjectId.ifPresent(s -> sql.append(" AND subject_id = :subjectId"));
        action.ifPresent(a -> sql.append(" AND action = :action"));
        beforeId.ifPresent(b -> sql.append(" AND id < :beforeId"));
        sql.append(" ORDER BY id DESC LIMIT :limit");
        return database.withHandle(handle -> {
            var query = handle.createQuery(sql.toString()).bind("limit", limit);
            subjectId.ifPresent(s -> query.bind("subjectId", s));
            action.ifPresent(a -> query.bind("action", a));
            beforeId.ifPresent(b -> query.bind("beforeId", b));
            return query.map((rs, ctx) -> new AuditEntry(rs.getLong("id"),
                    rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getString("action"),
                    rs.getString("outcome"), rs.getString("actor_type"), rs.getString("actor_id"),
                    rs.getString("subject_type"), rs.getString("subject_id"), rs.getString("reason"),
                    rs.getString("ip"), rs.getString("user_agent"), rs.getString("request_id"),
                    rs.getString("details"))).list();
        });
    }

    private void writeLoop() {
        var batch = new ArrayList<Pending>(MAX_BATCH);
        while (!closed || !queue.isEmpty()) {
            try {
                var first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                writeBatch(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void writeBatch(List<Pending> batch) {
        try {
            database.inTransaction(handle -> {
                var prepared = handle.prepareBatch(INSERT);
                for (var pending : batch) {
                    bind(prepared, pending.row()).add();
                }
                return prepared.execute();
            });
            batch.forEach(p -> p.done().complete(null));
        } catch (RuntimeException e) {
            LOG.error("Audit batch of {} entries could not be written", batch.size(), e);
            batch.forEach(p -> p.done().completeExceptionally(e));
        }
    }

    private static <T extends org.jdbi.v3.core.statement.SqlStatement<T>> T bind(T statement, Row row) {
        return statement.bind("occurredAt", OffsetDateTime.ofInstant(row.occurredAt(), ZoneOffset.UTC))
                .bind("action", row.action()).bind("outcome", row.outcome())
                .bind("actorType", row.actorType()).bind("actorId", row.actorId())
                .bind("subjectType", row.subjectType()).bind("subjectId", row.subjectId())
                .bind("reason", row.reason()).bind("ip", row.ip()).bind("userAgent", row.userAgent())
                .bind("requestId", row.requestId()).bind("details", row.details());
    }

    @Override
    public void close() {
        closed = true;
        try {
            writer.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Pending(Row row, CompletableFuture<Void> done) {
    }

    /** An event flattened and sanitised for storage: control characters removed, lengths capped. */
    private record Row(Instant occurredAt, String action, String outcome, String actorType, String actorId,
            String subjectType, String subjectId, String reason, String ip, String userAgent, String requestId,
            String details) {

        static Row of(AuditEvent event, Instant now, ObjectMapper json) {
            var actor = event.actor();
            return new Row(now, clean(event.action(), 64), event.outcome().wireName(), clean(actor.type(), 16),
                    clean(actor.id(), 128), clean(event.subjectType(), 32), clean(event.subjectId(), 128),
                    clean(event.reason(), 128), clean(actor.ip(), 64), clean(actor.userAgent(), 256),
                    clean(actor.requestId(), 64), details(event, json));
        }

        private static String details(AuditEvent event, ObjectMapper json) {
            if (event.details().isEmpty()) {
                return null;
            }
            try {
                return clean(json.writeValueAsString(event.details()), 4000);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("Audit details are not serialisable", e);
            }
        }

        /** Drops control characters (no forged lines in exports) and truncates to the column size. */
        static String clean(String value, int max) {
            if (value == null) {
                return null;
            }
            var cleaned = value.codePoints().filter(c -> !Character.isISOControl(c))
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
            return cleaned.length() <= max ? cleaned : cleaned.substring(0, max);
        }
    }
}
