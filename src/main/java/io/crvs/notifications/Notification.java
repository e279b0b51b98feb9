package io.crvs.notifications;

import java.util.Map;
import java.util.Objects;

/**
 * A message to one person: a template id from the country's {@code notification.csv}, the language, where to send
 * it and the values of the template's {@code {{placeholders}}}. {@code subjectId} ties it to a user for
 * visibility ("what was sent to this user, and did it arrive?").
 */
public record Notification(String template, String language, Channel channel, String recipient, String subjectType,
        String subjectId, Map<String, String> variables) {

    public Notification {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(recipient, "recipient");
        variables = Map.copyOf(variables);
    }

    @Override
    public String toString() {
        return "Notification[" + template + " via " + channel + "]";
    }
}
