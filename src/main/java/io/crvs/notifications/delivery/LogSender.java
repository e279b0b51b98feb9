package io.crvs.notifications.delivery;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Development delivery: writes the message to the log instead of sending it, as OpenCRVS does outside production,
 * so a developer can read login codes. Outside development the text itself is never logged, and the message
 * counts as not delivered: the outbox retries it and finally marks it failed, for an operator to see, instead of
 * reporting as sent a message nobody received.
 */
public final class LogSender implements Sender {
    private static final Logger LOG = LoggerFactory.getLogger("crvs.notifications");
    private final boolean development;

    public LogSender(boolean development) {
        this.development = development;
    }

    @Override
    public void send(String recipient, String subject, String body) throws SendException {
        if (development) {
            LOG.atInfo().addKeyValue("recipient", recipient).log("Notification (development, not sent): {}", body);
        } else {
            LOG.atWarn().addKeyValue("recipient", recipient).log("Notification dropped: no delivery channel configured");
            throw new SendException("No delivery channel is configured for this recipient");
        }
    }
}
