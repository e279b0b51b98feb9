package io.crvs.users;

import static org.assertj.core.api.Assertions.assertThat;

import io.crvs.notifications.OutboxEntry;
import io.crvs.testkit.AppContract;
import io.crvs.testkit.Await;
import io.crvs.testkit.Inbox;
import io.crvs.testkit.SmsReceiver;
import io.crvs.testkit.Staff;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * Production with SMS as the only configured channel: a message that falls back to email (a user without a
 * phone) cannot be delivered, and the outbox must say so instead of reporting it sent.
 */
public abstract class NotificationProductionContract extends AppContract {
    @AutoClose
    private final SmsReceiver sms = new SmsReceiver();

    @Override
    protected Map<String, String> environment() {
        var env = new HashMap<>(sms.environment());
        env.put("CRVS_ENV", "production");
        env.put("CRVS_NOTIFICATION_MAX_ATTEMPTS", "1");
        return env;
    }

    /** The first National System Administrator, reachable by SMS, onboarded and logged in with the SMS code. */
    private String adminToken() {
        var mobile = Staff.uniqueMobile();
        var created = app.app().users().createFirstAdmin(new UserDraft(List.of("Nia"), "Admin", "NATIONAL_SYSTEM_ADMIN",
                Optional.empty(), Staff.HQ, Optional.of(mobile), Optional.empty(), Optional.empty(), Optional.empty()));
        var admin = Staff.onboard(http(), new Staff.Member(created.user().id(), created.user().username(), null, mobile,
                created.temporaryPassword()));
        return Staff.loginWithSentCode(app, sms, mobile, admin);
    }

    /** The user's newest notification once it is no longer pending. */
    private OutboxEntry awaitSettled(String userId) {
        return Await.until(Inbox.WAIT, () -> "a settled notification of " + userId + ": " + newest(userId),
                () -> newest(userId).filter(e -> !e.status().equals("pending")));
    }

    private Optional<OutboxEntry> newest(String userId) {
        return app.app().notifications().list(Optional.of(userId), Optional.empty(), 1).stream().findFirst();
    }

    @Test
    void invitationWhenOnlyReachableByUnconfiguredEmailThenFailedNotReportedSent() {
        var body = Staff.ada();
        body.remove("mobile");
        var created = Staff.createUser(http(), adminToken(), body);
        // The email is fresh, so the user is created; only the invitation cannot go out.
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        var entry = awaitSettled(created.json().get("id").asText());
        assertThat(entry.channel()).isEqualTo("email");
        assertThat(entry.template()).isEqualTo("userCredentialsNotification");
        assertThat(entry.status()).as(entry.toString()).isEqualTo("failed");
        assertThat(entry.sentAt()).isEmpty();
        assertThat(entry.lastError()).isPresent();
    }
}
