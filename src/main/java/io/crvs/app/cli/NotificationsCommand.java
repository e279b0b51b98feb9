package io.crvs.app.cli;

import io.crvs.notifications.OutboxViews;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code crvs notifications}: what the outbox did with staff notifications (never their content). */
@Command(name = "notifications", mixinStandardHelpOptions = true,
        description = "List staff notifications and their delivery status, newest first.")
final class NotificationsCommand implements Runnable {
    @Mixin
    DataOptions data;

    @Option(names = "--status", description = "Only pending, sent or failed.")
    String status;

    @Option(names = "--subject", description = "Only those sent to this user id.")
    String subject;

    @Option(names = "--limit", defaultValue = "50", description = "At most this many (default 50, max 1000).")
    int limit;

    @Override
    public void run() {
        ClientsCommand.print(data, app -> app.notifications().list(Optional.ofNullable(subject), Optional.ofNullable(status),
                Math.max(1, Math.min(limit, 1000))).stream().map(OutboxViews::entry).toList());
    }
}
