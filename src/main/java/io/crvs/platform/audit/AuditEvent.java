package io.crvs.platform.audit;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One entry of the audit log: what happened ({@code action}, e.g. {@code token.issued}), whether it worked
 * ({@code outcome}: success, failure or denied), who did it and to what. {@code reason} is a stable code for
 * failures; {@code details} holds a few extra facts. Never put a secret, a password or a whole token here.
 */
public record AuditEvent(String action, Outcome outcome, Actor actor, String subjectType, String subjectId,
        String reason, Map<String, Object> details) {

    public AuditEvent {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(actor, "actor");
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    public static AuditEvent success(String action, Actor actor, String subjectType, String subjectId) {
        return new AuditEvent(action, Outcome.SUCCESS, actor, subjectType, subjectId, null, Map.of());
    }

    public AuditEvent withDetails(Map<String, Object> extra) {
        return new AuditEvent(action, outcome, actor, subjectType, subjectId, reason, extra);
    }

    /** Outcome of an audited action. */
    public enum Outcome {
        SUCCESS, FAILURE, DENIED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
