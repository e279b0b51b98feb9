package io.crvs.notifications;

import java.time.Instant;
import java.util.Optional;

/** What is visible of a queued or sent notification; never its variables. */
public record OutboxEntry(long id, String template, String language, String channel, String recipient,
        Optional<String> subjectId, String status, int attempts, Optional<String> lastError, Instant createdAt,
        Optional<Instant> sentAt) {
}
