package io.crvs.notifications;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crvs.auth.TokenVerifier;
import io.crvs.notifications.delivery.LogSender;
import io.crvs.notifications.delivery.OutboxRelay;
import io.crvs.notifications.delivery.Sender;
import io.crvs.notifications.delivery.SmsWebhookSender;
import io.crvs.notifications.delivery.SmtpSender;
import io.crvs.notifications.delivery.Templates;
import io.crvs.notifications.store.OutboxStore;
import io.crvs.platform.crypto.SecretBox;
import io.crvs.platform.crypto.ServerKey;
import io.crvs.platform.db.Database;
import io.crvs.platform.http.Endpoint;
import io.crvs.notifications.web.NotificationsEndpoint;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Notifications to staff (login codes, invitations, password resets, username reminders): one outbox, written in
 * the business transaction, delivered by {@link OutboxRelay} through a log sink (development), SMTP (email) or an
 * HTTP webhook to the country's SMS gateway. Stands in for OpenCRVS's {@code packages/notification}.
 */
public final class NotificationsModule implements Notifier, AutoCloseable {
    private final Database database;
    private final OutboxStore store = new OutboxStore();
    private final Templates templates = Templates.farajaland();
    private final SecretBox secretBox;
    private final ObjectMapper json;
    private final Clock clock;
    private final OutboxRelay relay;

    public NotificationsModule(NotificationsConfig config, Database database, ServerKey serverKey, Clock clock,
            ObjectMapper json) {
        this.database = database;
        this.json = json;
        this.clock = clock;
        this.secretBox = new SecretBox(serverKey.derive("crvs notification outbox v1", "AES"));
        var log = new LogSender(config.development());
        Sender email = config.smtp().<Sender>map(SmtpSender::new).orElse(log);
        Sender sms = config.smsWebhook().<Sender>map(url -> new SmsWebhookSender(url, config.smsWebhookToken(), json)).orElse(log);
        this.relay = new OutboxRelay(database, store, templates, Map.of(Channel.EMAIL, email, Channel.SMS, sms),
                secretBox, json, clock, config.maxAttempts(), config.applicationName());
    }

    /** {@code GET /notifications}: delivery status for National System Administrators. */
    public List<Endpoint> endpoints(TokenVerifier verifier) {
        return List.of(new NotificationsEndpoint(this, verifier, json));
    }

    /** Starts delivering in the background (the server does; one-shot commands leave rows for it). */
    public void startDelivery() {
        relay.start();
    }

    /** Delivers whatever is due now, on the calling thread; for the command line and tests. */
    public int deliverDue() {
        return relay.deliverDue();
    }

    @Override
    public void enqueue(Handle handle, Notification notification) {
        if (!templates.has(notification.template())) {
            throw new IllegalArgumentException("Unknown notification template " + notification.template());
        }
        String sealed;
        try {
            sealed = secretBox.seal(json.writeValueAsString(notification.variables()), "outbox");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        store.insert(handle, notification.template(), notification.language(), notification.channel().wireName(),
                notification.recipient(), notification.subjectType(), notification.subjectId(), sealed, clock.instant());
        handle.afterCommit(relay::wake);
    }

    @Override
    public List<OutboxEntry> list(Optional<String> subjectId, Optional<String> status, int limit) {
        return database.withHandle(handle -> store.list(handle, subjectId, status, limit));
    }

    @Override
    public void close() {
        relay.close();
    }
}
