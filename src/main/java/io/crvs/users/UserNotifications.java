package io.crvs.users;

import io.crvs.notifications.Channel;
import io.crvs.notifications.Notification;
import io.crvs.notifications.Notifier;
import io.crvs.platform.problem.ConflictException;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The messages staff receive, each queued in the caller's transaction through the outbox, by the configured
 * channel (Farajaland: email) and falling back to the other contact when a user has only one.
 */
public final class UserNotifications {
    private final Notifier notifier;
    private final Channel preferred;

    public UserNotifications(Notifier notifier, Channel preferred) {
        this.notifier = notifier;
        this.preferred = preferred;
    }

    public void authenticationCode(Handle handle, User user, String code) {
        send(handle, user, "authenticationCodeNotification", Map.of("authCode", code));
    }

    public void credentials(Handle handle, User user, String temporaryPassword) {
        send(handle, user, "userCredentialsNotification", Map.of("username", user.username(), "password", temporaryPassword));
    }

    public void passwordReset(Handle handle, User user, String temporaryPassword) {
        send(handle, user, "resetUserPasswordNotification", Map.of("password", temporaryPassword));
    }

    public void usernameReminder(Handle handle, User user) {
        send(handle, user, "retieveUserNameNotification", Map.of("username", user.username()));
    }

    private void send(Handle handle, User user, String template, Map<String, String> variables) {
        var channel = preferred;
        var recipient = contact(user, preferred);
        if (recipient.isEmpty()) {
            channel = preferred == Channel.EMAIL ? Channel.SMS : Channel.EMAIL;
            recipient = contact(user, channel);
        }
        if (recipient.isEmpty()) {
            throw new ConflictException("user_unreachable",
                    "The user has neither an email address nor a phone number to send the " + template + " to");
        }
        notifier.enqueue(handle, new Notification(template, user.language(), channel, recipient.get(), "user", user.id(),
                variables));
    }

    private static Optional<String> contact(User user, Channel channel) {
        return channel == Channel.EMAIL ? user.email() : user.mobile();
    }
}
