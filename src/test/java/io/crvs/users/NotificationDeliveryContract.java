package io.crvs.users;

import static io.crvs.testkit.Staff.SEED_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import io.crvs.notifications.OutboxEntry;
import io.crvs.testkit.AppContract;
import io.crvs.testkit.Await;
import io.crvs.testkit.Inbox;
import io.crvs.testkit.MailServer;
import io.crvs.testkit.SmsReceiver;
import io.crvs.testkit.Staff;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * Delivery of staff notifications through the outbox to a real SMS gateway (and a real SMTP server for users
 * without a phone): retries after gateway errors, giving up after {@code CRVS_NOTIFICATION_MAX_ATTEMPTS} with the
 * last error visible, the gateway request's shape. Retries are forced by moving the clock and calling
 * {@code deliverDue()} rather than by waiting.
 */
public abstract class NotificationDeliveryContract extends AppContract {
    static final int MAX_ATTEMPTS = 2;
    static final String GATEWAY_TOKEN = "sms-gateway-token-for-tests";
    @AutoClose
    private final SmsReceiver sms = new SmsReceiver();
    @AutoClose
    private final MailServer mail = new MailServer();

    @Override
    protected Map<String, String> environment() {
        var env = new HashMap<String, String>();
        env.putAll(sms.environment());
        env.putAll(mail.environment());
        env.put("CRVS_SMS_WEBHOOK_TOKEN", GATEWAY_TOKEN);
        env.put("CRVS_NOTIFICATION_MAX_ATTEMPTS", Integer.toString(MAX_ATTEMPTS));
        return env;
    }

    private String userId(String username) {
        return app.app().users().findByUsername(username).orElseThrow().id();
    }

    /** Waits (bounded) for the user's newest notification to satisfy {@code wanted}. */
    private OutboxEntry awaitNewest(String userId, Predicate<OutboxEntry> wanted) {
        return Await.until(Inbox.WAIT, () -> "the newest notification of " + userId + " as expected: " + newest(userId),
                () -> newest(userId).filter(wanted));
    }

    private Optional<OutboxEntry> newest(String userId) {
        return app.app().notifications().list(Optional.of(userId), Optional.empty(), 1).stream().findFirst();
    }

    /** Moves past the backoff of the last failure and delivers what is due. */
    private void retryNow() {
        app.clock().advance(Duration.ofSeconds(11));
        app.app().notifications().deliverDue();
    }

    @Test
    void loginCodeWhenGatewayFailsOnceThenRetriedAndDelivered() {
        var mobile = "0911111111";
        var userId = userId("k.bwalya");
        Staff.awaitOutboxDrained(app);
        int seen = sms.count(mobile);
        sms.script(mobile, 500);
        var nonce = Staff.nonce(http(), "k.bwalya", SEED_PASSWORD);
        var failedOnce = awaitNewest(userId, e -> e.attempts() == 1);
        assertThat(failedOnce.status()).isEqualTo("pending");
        assertThat(failedOnce.lastError()).hasValueSatisfying(error -> assertThat(error).contains("500"));
        assertThat(failedOnce.sentAt()).isEmpty();

        retryNow();
        var code = Staff.code(sms.awaitNext(mobile, seen));
        var response = Staff.verifyCode(http(), nonce, code);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        var sent = awaitNewest(userId, e -> e.status().equals("sent"));
        assertThat(sent.attempts()).isEqualTo(2);
        assertThat(sent.lastError()).isEmpty();
        assertThat(sent.sentAt()).isPresent();
        assertThat(sent.template()).isEqualTo("authenticationCodeNotification");
        assertThat(sent.channel()).isEqualTo("sms");
        assertThat(sent.recipient()).isEqualTo(mobile);
        assertThat(sent.toString()).doesNotContain(code);
    }

    @Test
    void loginCodeWhenGatewayAlwaysFailsThenFailedWithLastErrorAfterMaxAttempts() {
        var mobile = "0922222222";
        var userId = userId("f.katongo");
        sms.failAlways(mobile);
        Staff.nonce(http(), "f.katongo", SEED_PASSWORD);
        awaitNewest(userId, e -> e.attempts() == 1);
        retryNow();
        var failed = awaitNewest(userId, e -> e.status().equals("failed"));
        assertThat(failed.attempts()).isEqualTo(MAX_ATTEMPTS);
        assertThat(failed.lastError()).hasValueSatisfying(error -> assertThat(error).contains("HTTP 500"));
        assertThat(failed.sentAt()).isEmpty();
        var listed = app.app().notifications().list(Optional.of(userId), Optional.of("failed"), 10);
        assertThat(listed).extracting(OutboxEntry::id).contains(failed.id());
        assertThat(sms.attempts(mobile)).hasSize(MAX_ATTEMPTS);
        // Visible to an operator over HTTP too, without the message itself.
        var admin = Staff.bearer(Staff.login(http(), "j.campbell", SEED_PASSWORD));
        var overHttp = http().get("/notifications?status=failed&subject=" + userId, "Authorization", admin);
        assertThat(overHttp.status()).as(overHttp.toString()).isEqualTo(200);
        assertThat(overHttp.json().get(0).get("id").asLong()).isEqualTo(failed.id());
        assertThat(overHttp.json().get(0).get("lastError").asText()).contains("HTTP 500");
        assertThat(overHttp.body()).doesNotContain("authentication code is");
        var fieldAgent = Staff.bearer(Staff.login(http(), "k.bwalya", SEED_PASSWORD));
        assertThat(http().get("/notifications", "Authorization", fieldAgent).status()).isEqualTo(403);
        assertThat(http().get("/notifications?status=bogus", "Authorization", admin).status()).isEqualTo(400);

        app.clock().advance(Duration.ofHours(2));
        app.app().notifications().deliverDue();
        assertThat(sms.attempts(mobile)).hasSize(MAX_ATTEMPTS);
        assertThat(sms.received(mobile)).isEmpty();
    }

    @Test
    void loginCodeWhenGatewayAnswersAnyTwoHundredStatusThenSentAtTheFirstAttempt() {
        var mobile = "0912121212";
        var userId = userId("p.gondwe");
        Staff.awaitOutboxDrained(app);
        for (int status : new int[] {204, 202}) {
            int seen = sms.attempts(mobile).size();
            sms.script(mobile, status);
            var nonce = Staff.nonce(http(), "p.gondwe", SEED_PASSWORD);
            var sent = awaitNewest(userId, e -> e.status().equals("sent") && sms.attempts(mobile).size() > seen);
            assertThat(sent.attempts()).as("HTTP %d is a delivery", status).isEqualTo(1);
            assertThat(sent.lastError()).isEmpty();
            assertThat(sms.attempts(mobile)).hasSize(seen + 1);
            assertThat(sms.attempts(mobile).getLast().status()).isEqualTo(status);
            var response = Staff.verifyCode(http(), nonce, Staff.code(sms.awaitNext(mobile, seen)));
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
        }
    }

    @Test
    void smsWhenSentThenJsonToAndMessageWithGatewayBearerToken() {
        var mobile = "0933333333";
        Staff.awaitOutboxDrained(app);
        int seen = sms.count(mobile);
        Staff.nonce(http(), "k.mweene", SEED_PASSWORD);
        var message = sms.awaitNext(mobile, seen);
        assertThat(message.body()).matches("Your OpenCRVS authentication code is: \\d{6}");
        var attempt = sms.attempts(mobile).getLast();
        assertThat(attempt.authorization()).isEqualTo("Bearer " + GATEWAY_TOKEN);
        assertThat(attempt.contentType()).startsWith("application/json");
        assertThat(attempt.to()).isEqualTo(mobile);
    }

    @Test
    void invitationWhenUserHasOnlyEmailThenSentByEmailDespiteSmsChannel() {
        var admin = Staff.login(http(), "j.campbell", SEED_PASSWORD);
        var body = Staff.ada();
        body.remove("mobile");
        var member = Staff.invite(http(), mail, "email", admin, body);
        var entry = awaitNewest(member.id(), e -> e.status().equals("sent"));
        assertThat(entry.channel()).isEqualTo("email");
        assertThat(entry.recipient()).isEqualTo(member.email());
        assertThat(entry.template()).isEqualTo("userCredentialsNotification");
        var onboarded = Staff.onboard(http(), member);
        Staff.awaitOutboxDrained(app);
        int seen = mail.count(member.email());
        var nonce = Staff.nonce(http(), onboarded.username(), onboarded.password());
        var code = Staff.code(mail.awaitNext(member.email(), seen));
        assertThat(Staff.verifyCode(http(), nonce, code).status()).isEqualTo(200);
    }

    @Test
    void createUserWhenEmailIsNoAddressMailCanBeSentToThen400AndUnusualValidAddressesWork() {
        var admin = Staff.login(http(), "j.campbell", SEED_PASSWORD);
        var unique = UUID.randomUUID().toString().substring(0, 8);
        for (var email : List.of("ada.." + unique + "@example.org", "." + unique + "@example.org",
                unique + ".@example.org", "a," + unique + "@example.org", "a(" + unique + ")@example.org",
                "a;" + unique + "@example.org", "a<" + unique + ">@example.org", unique + "@exa..mple.org",
                unique + "@x_y.org", unique + "@example.org.")) {
            var body = Staff.ada();
            body.remove("mobile");
            body.put("email", email);
            var response = Staff.createUser(http(), admin, body);
            assertThat(response.status()).as(email + " -> " + response).isEqualTo(400);
            assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("email");
        }
        var body = Staff.ada();
        body.remove("mobile");
        body.put("email", "o'neil+" + unique + "@mail.example.org");
        var member = Staff.invite(http(), mail, "email", admin, body);
        assertThat(awaitNewest(member.id(), e -> !e.status().equals("pending")).status()).isEqualTo("sent");
    }
}
