package io.crvs.records;

import java.time.Instant;
import java.util.Optional;

/** One line of a record's history: an action (or a view), who did it, from where, and the status after it. */
public record HistoryEntry(long id, String action, RecordStatus status, String actorType, String actorId,
        Optional<String> actorName, Optional<String> actorRole, Optional<String> officeId, Optional<String> ip,
        Optional<String> userAgent, Optional<String> reason, Optional<String> comment, Optional<String> details,
        Instant occurredAt) {
}
