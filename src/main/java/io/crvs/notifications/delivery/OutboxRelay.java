package io.crvs.notifications.delivery;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crvs.notifications.Channel;
import io.crvs.notifications.store.OutboxStore;
import io.crvs.platform.crypto.SecretBox;
import io.crvs.platform.db.Database;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers queued notifications: claims due rows (a lease, so two nodes never send one twice), renders and sends
 * them, and records the outcome. Failures are retried with exponential backoff (5 s doubling, at most an hour)
 * and, after {@code maxAttempts}, marked failed and kept for an operator to see. {@link #wake} after a commit
 * sends at once instead of at the next poll.
 */
public final class OutboxRelay implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final TypeReference<Map<String, String>> VARIABLES = new TypeReference<>() { };

    private final Database database;
    private final OutboxStore store;
    private final Templates templates;
    private final Map<Channel, Sender> senders;
    private final SecretBox secretBox;
    private final ObjectMapper json;
    private final Clock clock;
    private final int maxAttempts;
    private final String applicationName;
    private final Semaphore wakeUp = new Semaphore(0);
    private final Thread thread;
    private volatile boolean closed;

    public OutboxRelay(Database database, OutboxStore store, Templates templates, Map<Channel, Sender> senders,
            SecretBox secretBox, ObjectMapper json, Clock clock, int maxAttempts, String applicationName) {
        this.database = database;
        this.store = store;
        this.templates = templates;
        this.senders = Map.copyOf(senders);
        this.secretBox = secretBox;
        this.json = json;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
        this.applicationName = applicationName;
        this.thread = Thread.ofPlatform().name("crvs-notifications").daemon(true).unstarted(this::loop);
    }

    public void start() {
        thread.start();
    }

    /** Something was queued: look now rather than at the next poll. */
    public void wake() {
        wakeUp.release();
    }

    private void loop() {
        while (!closed) {
            try {
                wakeUp.tryAcquire(1, TimeUnit.SECONDS);
                wakeUp.drainPermits();
                deliverDue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warn("Notification delivery round failed; will retry", e);
            }
        }
    }

    /** One round: every due notification, each claimed before sending. Returns how many were attempted. */
    public int deliverDue() {
        var now = clock.instant();
        var due = database.withHandle(handle -> store.due(handle, now, 50));
        int attempted = 0;
        for (var id : due) {
            var claimed = database.inTransaction(handle -> store.claim(handle, id, now, now.plus(LEASE)));
            if (claimed.isPresent()) {
                deliver(claimed.get());
                attempted++;
            }
        }
        return attempted;
    }

    private void deliver(OutboxStore.Claimed row) {
        try {
            var variables = new HashMap<>(json.readValue(secretBox.open(row.sealedPayload(), "outbox"), VARIABLES));
            variables.putIfAbsent("applicationName", applicationName);
            var body = templates.render(row.template(), row.language(), variables);
            var sender = senders.get(Channel.valueOf(row.channel().toUpperCase(Locale.ROOT)));
            sender.send(row.recipient(), templates.subject(row.template(), applicationName), body);
            database.withHandle(handle -> {
                store.markSent(handle, row.id(), clock.instant());
                return null;
            });
        } catch (Sender.SendException | RuntimeException | IOException e) {
            failed(row, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    private void failed(OutboxStore.Claimed row, String error) {
        var message = error.length() > 480 ? error.substring(0, 480) : error;
        int attempt = row.attempts() + 1;
        database.withHandle(handle -> {
            if (attempt >= maxAttempts) {
                store.markFailed(handle, row.id(), message);
                LOG.error("Notification {} ({}) failed for good after {} attempts: {}", row.id(), row.template(), attempt, message);
            } else {
                var backoff = Duration.ofSeconds(5L << Math.min(attempt - 1, 10));
                var next = clock.instant().plus(backoff.compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1) : backoff);
                store.markRetry(handle, row.id(), message, next);
                LOG.warn("Notification {} ({}) attempt {} failed, retrying at {}: {}", row.id(), row.template(), attempt, next, message);
            }
            return null;
        });
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
