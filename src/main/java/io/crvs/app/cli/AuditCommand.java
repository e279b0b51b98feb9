package io.crvs.app.cli;

import io.crvs.platform.audit.AuditEntry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code crvs audit}: read the audit log, newest first. */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "Print audit log entries, newest first.")
final class AuditCommand implements Runnable {
    @Mixin
    DataOptions data;

    @Option(names = "--subject", description = "Only entries about this subject id (a client's or user's internal id).")
    String subject;

    @Option(names = "--action", description = "Only this action, e.g. token.issued or client.created.")
    String action;

    @Option(names = "--limit", defaultValue = "50", description = "At most this many entries (default 50, max 1000).")
    int limit;

    @Override
    public void run() {
        ClientsCommand.print(data, app -> app.audit().list(Optional.ofNullable(subject), Optional.ofNullable(action),
                Optional.empty(), Math.max(1, Math.min(limit, 1000))).stream().map(AuditCommand::view).toList());
    }

    /** An entry as JSON: the shared mapper has no java.time support, so the time is written as ISO-8601 text. */
    static Map<String, Object> view(AuditEntry entry) {
        var view = new LinkedHashMap<String, Object>();
        view.put("id", entry.id());
        view.put("occurred_at", entry.occurredAt().toString());
        view.put("action", entry.action());
        view.put("outcome", entry.outcome());
        view.put("actor_type", entry.actorType());
        view.put("actor_id", entry.actorId());
        view.put("subject_type", entry.subjectType());
        view.put("subject_id", entry.subjectId());
        view.put("reason", entry.reason());
        view.put("ip", entry.ip());
        view.put("user_agent", entry.userAgent());
        view.put("request_id", entry.requestId());
        view.put("details", entry.details());
        return view;
    }
}
