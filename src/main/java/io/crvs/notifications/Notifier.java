package io.crvs.notifications;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Queues notifications for delivery and shows what happened to them. */
public interface Notifier {
    /** Queues {@code notification} in the caller's transaction: it is sent only if that transaction commits. */
    void enqueue(Handle handle, Notification notification);

    /** Newest first; optionally one subject's or one status's ({@code pending}, {@code sent}, {@code failed}). */
    List<OutboxEntry> list(Optional<String> subjectId, Optional<String> status, int limit);
}
