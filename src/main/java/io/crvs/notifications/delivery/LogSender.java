package io.crvs.notifications.delivery;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Development delivery: writes the message to the log instead of sending it, as OpenCRVS does outside production,
 * so a developer can read login codes. Outside development the text itself is never logged.
 */
public final class LogSender implements Sender {
    private static final Logger LOG = LoggerFactory.getLogger("crvs.notifications");
    private final boolean development;

    public LogSender(boolean development) {
        this.development = development;
    }

    @Override
    public void send(String recipient, String subject, String body) {
        if (development) {
            LOG.atInfo().addKeyValue("recipient", recipient).log("Notification (development, not sent): {}", body);
        } else {
            LOG.atWarn().addKeyValue("recipient", recipient).log("Notification dropped: no delivery channel configured");
        }
    }
}
