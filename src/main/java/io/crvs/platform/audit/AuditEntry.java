package io.crvs.platform.audit;

import java.time.Instant;

/** An audit log row as read back. */
public record AuditEntry(long id, Instant occurredAt, String action, String outcome, String actorType,
        String actorId, String subjectType, String subjectId, String reason, String ip, String userAgent,
        String requestId, String details) {
}
