package io.crvs.notifications;

import java.net.URI;
import java.util.Optional;

/**
 * Delivery settings. Without SMTP or an SMS webhook, messages go to the log sink, which shows their text only in
 * development.
 */
public record NotificationsConfig(boolean development, Optional<SmtpSettings> smtp,
        Optional<URI> smsWebhook, Optional<String> smsWebhookToken, Channel userChannel, int maxAttempts,
        String applicationName) {
}
