package io.crvs.users;

import static io.crvs.testkit.LowThrottle.ACCOUNT_FAILURES;
import static io.crvs.testkit.LowThrottle.ADDRESS_FAILURES;
import static io.crvs.testkit.LowThrottle.FIRST_LOCK_SECONDS;
import static io.crvs.testkit.LowThrottle.PAIR_FAILURES;
import static io.crvs.testkit.Staff.SEED_PASSWORD;
import static io.crvs.testkit.Staff.authenticate;
import static org.assertj.core.api.Assertions.assertThat;

import io.crvs.platform.audit.AuditEntry;
import io.crvs.testkit.AppContract;
import io.crvs.testkit.Http.Response;
import io.crvs.testkit.LowThrottle;
import io.crvs.testkit.Staff;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Throttling of {@code POST /authenticate} with low thresholds (the same settings as client authentication): per
 * username and address, per address and per username, with 429 and {@code Retry-After}; locks pass with time and
 * never shut a person out from where they already logged in. Wrong current passwords at
 * {@code POST /users/me/password} count in the same budget. Each scenario has its own user and addresses.
 */
public abstract class LoginThrottleContract extends AppContract {
    /** A short longest lock, so that scenarios can wait out any lock by moving the clock a little. */
    static final int MAX_LOCK_SECONDS = 120;

    @Override
    protected Map<String, String> environment() {
        var env = new HashMap<>(LowThrottle.environment());
        env.put("CRVS_THROTTLE_MAX_LOCK_SECONDS", Integer.toString(MAX_LOCK_SECONDS));
        return env;
    }

    private Response login(String username, String password, String address) {
        return authenticate(http(), username, password, "X-Forwarded-For", address);
    }

    /** Password and code: only a finished login counts as a success for the throttle. */
    private void fullLogin(String username, String address) {
        var started = login(username, SEED_PASSWORD, address);
        assertStarted(started);
        var verified = Staff.verifyCode(http(), started.json().get("nonce").asText(), Staff.DEVELOPMENT_CODE, "X-Forwarded-For", address);
        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
    }

    private static void assertWrong(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(401);
    }

    private static void assertStarted(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("nonce").asText()).isNotBlank();
    }

    private static void assertThrottled(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(429);
        var retryAfter = response.header("Retry-After").orElseThrow();
        assertThat(retryAfter).matches("[0-9]+");
        assertThat(Long.parseLong(retryAfter)).isBetween(1L, (long) MAX_LOCK_SECONDS);
        assertThat(response.header("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(response.json().get("code").asText()).isEqualTo("too_many_requests");
        assertThat(response.body()).doesNotContain("nonce").doesNotContain("\"token\"");
    }

    @Test
    void authenticateWhenPairFailsRepeatedlyThenPairLockedOtherAddressServedAndLockPasses() {
        for (int i = 0; i < PAIR_FAILURES; i++) {
            assertWrong(login("k.bwalya", "wrong-" + i, "10.2.0.1"));
        }
        var right = login("k.bwalya", SEED_PASSWORD, "10.2.0.1");
        var wrong = login("k.bwalya", "wrong-again", "10.2.0.1");
        assertThrottled(right);
        assertThrottled(wrong);
        assertThat(right.json().get("detail")).isEqualTo(wrong.json().get("detail"));
        assertThat(Long.parseLong(right.header("Retry-After").orElseThrow())).isLessThanOrEqualTo(FIRST_LOCK_SECONDS);
        assertStarted(login("k.bwalya", SEED_PASSWORD, "10.2.0.2"));
        app.clock().advance(Duration.ofSeconds(FIRST_LOCK_SECONDS + 1));
        assertStarted(login("k.bwalya", SEED_PASSWORD, "10.2.0.1"));
    }

    @Test
    void authenticateWhenLoginSucceedsBetweenFailuresThenCountStartsAgain() {
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < PAIR_FAILURES - 1; i++) {
                assertWrong(login("k.mweene", "wrong-" + i, "10.2.4.1"));
            }
            fullLogin("k.mweene", "10.2.4.1");
        }
    }

    @Test
    void authenticateWhenAddressGuessesManyUsernamesThenAddressLockedAndLockPasses() {
        for (int i = 0; i < ADDRESS_FAILURES; i++) {
            assertWrong(login("nobody." + UUID.randomUUID().toString().substring(0, 8), "guess", "10.2.1.1"));
        }
        assertThrottled(login("e.mayuka", SEED_PASSWORD, "10.2.1.1"));
        assertStarted(login("e.mayuka", SEED_PASSWORD, "10.2.1.2"));
        app.clock().advance(Duration.ofSeconds(MAX_LOCK_SECONDS + 1));
        assertStarted(login("e.mayuka", SEED_PASSWORD, "10.2.1.1"));
    }

    @Test
    void authenticateWhenAccountAttackedFromManyAddressesThenPersonStillLogsInFromKnownAddress() {
        fullLogin("f.katongo", "10.2.2.1");
        for (int i = 0; i < ACCOUNT_FAILURES; i++) {
            assertWrong(login("f.katongo", "guess-" + i, "10.2.3." + (i / 2 + 1)));
        }
        assertThrottled(login("f.katongo", SEED_PASSWORD, "10.2.3.99"));
        assertStarted(login("f.katongo", SEED_PASSWORD, "10.2.2.1"));
        assertStarted(login("d.bulaya", SEED_PASSWORD, "10.2.3.99"));
        app.clock().advance(Duration.ofSeconds(MAX_LOCK_SECONDS + 1));
        assertStarted(login("f.katongo", SEED_PASSWORD, "10.2.3.99"));
    }

    @Test
    void authenticateWhenAttackContinuesForLongThenNeverLockedForever() {
        for (int round = 0; round < 4; round++) {
            for (int i = 0; i < PAIR_FAILURES + 2; i++) {
                var response = login("j.mutale", "guess-" + round + "-" + i, "10.2.5.1");
                assertThat(response.status()).as(response.toString()).isIn(401, 429);
            }
            app.clock().advance(Duration.ofSeconds(MAX_LOCK_SECONDS + 1));
        }
        assertStarted(login("j.mutale", SEED_PASSWORD, "10.2.5.1"));
    }

    @Test
    void authenticateWhenUsernameVariesInCaseAndSpacesThenCountedAsOneUser() {
        var variants = new String[] {"J.Musonda", " j.musonda", "J.MUSONDA "};
        for (var variant : variants) {
            assertWrong(login(variant, "wrong", "10.2.6.1"));
        }
        assertThrottled(login("j.musonda", SEED_PASSWORD, "10.2.6.1"));
    }

    @Test
    void verifyCodeWhenPasswordKnownButLoginsDieOfWrongCodesThenThrottledLikeWrongPasswords() {
        Response refused = null;
        int deadLogins = 0;
        while (refused == null && deadLogins <= PAIR_FAILURES) {
            var started = login("a.ngonga", SEED_PASSWORD, "10.2.7.1");
            if (started.status() == 429) {
                refused = started;
                break;
            }
            assertStarted(started);
            var nonce = started.json().get("nonce").asText();
            for (int guess = 0; guess < 5 && refused == null; guess++) {
                var response = Staff.verifyCode(http(), nonce, "12345" + guess, "X-Forwarded-For", "10.2.7.1");
                if (response.status() == 429) {
                    refused = response;
                } else {
                    assertThat(response.status()).as(response.toString()).isEqualTo(401);
                }
            }
            deadLogins++;
        }
        assertThat(refused).as("logins that die of wrong codes must end in a lock-out").isNotNull();
        assertThat(deadLogins).isLessThanOrEqualTo(PAIR_FAILURES);
        assertThrottled(refused);
        assertThrottled(login("a.ngonga", SEED_PASSWORD, "10.2.7.1"));
        fullLogin("a.ngonga", "10.2.7.2");
        app.clock().advance(Duration.ofSeconds(MAX_LOCK_SECONDS + 1));
        fullLogin("a.ngonga", "10.2.7.1");
    }

    @Test
    void changePasswordWhenCurrentPasswordGuessedRepeatedlyThenThrottledLikeLoginAndAudited() {
        var address = "10.2.8.1";
        var token = Staff.login(http(), "e.kazembe", SEED_PASSWORD, "X-Forwarded-For", address);
        for (int i = 0; i < PAIR_FAILURES; i++) {
            var wrong = changePassword(token, "Wr0ng-guess-" + i, address);
            assertThat(wrong.status()).as(wrong.toString()).isEqualTo(400);
        }
        assertThrottled(changePassword(token, "Wr0ng-guess-again", address));
        assertThrottled(changePassword(token, SEED_PASSWORD, address));
        assertThat(Staff.me(http(), token).status()).as("the token itself still works").isEqualTo(200);
        // A password is one secret: guesses through either door spend the same budget.
        assertThrottled(login("e.kazembe", SEED_PASSWORD, address));
        var userId = app.app().users().findByUsername("e.kazembe").orElseThrow().id();
        var failures = app.app().audit().list(Optional.of(userId), Optional.of("user.password_change_failed"),
                Optional.empty(), 20);
        assertThat(failures).extracting(AuditEntry::reason).containsOnly("wrong_password", "throttled")
                .filteredOn("wrong_password"::equals).hasSize(PAIR_FAILURES);
        assertThat(failures).allMatch(e -> e.ip().equals(address) && userId.equals(e.actorId()));

        app.clock().advance(Duration.ofSeconds(MAX_LOCK_SECONDS + 1));
        var changed = changePassword(token, SEED_PASSWORD, address);
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
    }

    private Response changePassword(String token, String currentPassword, String address) {
        return http().postJson("/users/me/password", Map.of("currentPassword", currentPassword,
                "newPassword", Staff.strongPassword()), "Authorization", Staff.bearer(token), "X-Forwarded-For", address);
    }
}
