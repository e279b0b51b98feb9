package io.crvs.app.cli;

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
                Optional.empty(), Math.max(1, Math.min(limit, 1000))));
    }
}
