package io.crvs.users;

import static io.crvs.testkit.Staff.DEVELOPMENT_CODE;
import static io.crvs.testkit.Staff.authenticate;
import static io.crvs.testkit.Staff.verifyCode;
import static org.assertj.core.api.Assertions.assertThat;

import io.crvs.testkit.AppContract;
import io.crvs.testkit.MailServer;
import io.crvs.testkit.Staff;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * Login in production mode with a real SMTP server: no Farajaland test users, no {@code 000000}; only the code that
 * was emailed logs a person in. The first National System Administrator comes from the command line.
 */
public abstract class LoginProductionContract extends AppContract {
    static final int CODE_TTL_SECONDS = 120;
    static final int TOKEN_TTL_SECONDS = 7200;
    @AutoClose
    private final MailServer mail = new MailServer();

    @Override
    protected Map<String, String> environment() {
        var env = new HashMap<>(mail.environment());
        env.put("CRVS_ENV", "production");
        env.put("CONFIG_SMS_CODE_EXPIRY_SECONDS", Integer.toString(CODE_TTL_SECONDS));
        env.put("CONFIG_TOKEN_EXPIRY_SECONDS", Integer.toString(TOKEN_TTL_SECONDS));
        return env;
    }

    /** A National System Administrator as {@code crvs users create-admin} makes one: pending, no invitation. */
    private Staff.Member firstAdmin() {
        var email = Staff.uniqueEmail("nia");
        var created = app.app().users().createFirstAdmin(new UserDraft(List.of("Nia"), "Admin", "NATIONAL_SYSTEM_ADMIN",
                Optional.empty(), Staff.HQ, Optional.empty(), Optional.of(email), Optional.empty(), Optional.empty()));
        assertThat(created.user().status()).isEqualTo(UserStatus.PENDING);
        return new Staff.Member(created.user().id(), created.user().username(), email, null, created.temporaryPassword());
    }

    /** Both factors with the code read from the email. */
    private String loginByEmail(Staff.Member member) {
        return Staff.loginWithSentCode(app, mail, member.email(), member);
    }

    private Staff.Challenge emailedChallenge(Staff.Member member) {
        return Staff.challenge(app, mail, member.email(), member.username(), member.password());
    }

    @Test
    void authenticateWhenProductionThenNoFarajalandTestUsers() {
        for (var username : List.of("k.bwalya", "j.campbell")) {
            var response = authenticate(http(), username, Staff.SEED_PASSWORD, "X-Forwarded-For", "10.3.0.1");
            assertThat(response.status()).as(response.toString()).isEqualTo(401);
        }
    }

    @Test
    void verifyCodeWhenProductionThenDevelopmentCodeRefusedAndEmailedCodeAccepted() {
        var admin = Staff.onboard(http(), firstAdmin());
        var step = emailedChallenge(admin);
        if (!step.code().equals(DEVELOPMENT_CODE)) {
            var refused = verifyCode(http(), step.nonce(), DEVELOPMENT_CODE);
            assertThat(refused.status()).as(refused.toString()).isEqualTo(401);
        }
        var response = verifyCode(http(), step.nonce(), step.code());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        var me = Staff.me(http(), response.json().get("token").asText());
        assertThat(me.json().get("scope").toString()).isEqualTo("[\"sysadmin\",\"natlsysadmin\"]");
    }

    @Test
    void createFirstAdminWhenFromCommandLineThenNoInvitationSentAndOnboardingWorks() {
        var admin = firstAdmin();
        Staff.awaitOutboxDrained(app);
        assertThat(mail.count(admin.email())).isZero();
        assertThat(app.app().notifications().list(Optional.of(admin.id()), Optional.empty(), 10)).isEmpty();
        var onboarded = Staff.onboard(http(), admin);
        assertThat(Staff.me(http(), loginByEmail(onboarded)).json().get("status").asText()).isEqualTo("active");
    }

    @Test
    void createUserWhenProductionThenInvitationEmailedAndNewUserLogsInWithEmailedCode() {
        var adminToken = loginByEmail(Staff.onboard(http(), firstAdmin()));
        var member = Staff.onboard(http(), Staff.invite(http(), mail, "email", adminToken, Staff.ada()));
        var token = loginByEmail(member);
        assertThat(Staff.me(http(), token).json().get("username").asText()).isEqualTo(member.username());
    }

    @Test
    void loginWhenExpiriesConfiguredThenCodeAndTokenLifetimesFollow() {
        var admin = Staff.onboard(http(), firstAdmin());
        var token = loginByEmail(admin);
        var claims = io.crvs.testkit.Jwt.claims(token);
        assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(TOKEN_TTL_SECONDS);

        var step = emailedChallenge(admin);
        app.clock().advance(java.time.Duration.ofSeconds(CODE_TTL_SECONDS + 1));
        var expired = verifyCode(http(), step.nonce(), step.code());
        assertThat(expired.status()).as(expired.toString()).isEqualTo(401);
    }
}
