package io.crvs.users;

import static io.crvs.testkit.Staff.SEED_PASSWORD;
import static io.crvs.testkit.Staff.activation;
import static io.crvs.testkit.Staff.authenticate;
import static io.crvs.testkit.Staff.bearer;
import static io.crvs.testkit.Staff.me;
import static org.assertj.core.api.Assertions.assertThat;

import io.crvs.testkit.AppContract;
import io.crvs.testkit.Http.Response;
import io.crvs.testkit.Jwt;
import io.crvs.testkit.SmsReceiver;
import io.crvs.testkit.Staff;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * A new member of staff from invitation to first real login (functional §18), with staff notifications sent by
 * SMS to a real HTTP gateway: the temporary password from the invitation, the onboarding token and what it may
 * do, the password rules and security questions, then password changes and resets.
 */
public abstract class OnboardingContract extends AppContract {
    /** CONFIG_TOKEN_EXPIRY_SECONDS's default: a person's token lives 7 days. */
    private static final long USER_TOKEN_LIFETIME = 604_800;
    /** An onboarding token lives 30 minutes. */
    private static final long ONBOARDING_TOKEN_LIFETIME = 1800;

    @AutoClose
    private final SmsReceiver sms = new SmsReceiver();

    @Override
    protected Map<String, String> environment() {
        return sms.environment();
    }

    private String adminToken() {
        return Staff.login(http(), "j.campbell", SEED_PASSWORD);
    }

    private Staff.Member invited() {
        return Staff.invite(http(), sms, "mobile", adminToken(), Staff.ada());
    }

    private Response activate(String token, Map<String, Object> body) {
        return http().postJson("/users/me/activate", body, "Authorization", bearer(token));
    }

    /** Both factors with the code read from the SMS. */
    private String loginBySms(Staff.Member member) {
        return Staff.loginWithSentCode(app, sms, member.mobile(), member);
    }

    private static void assertStatus(Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
    }

    @Test
    void createUserWhenAdminThenPendingUserAndSmsInvitationWithUsernameAndTemporaryPassword() {
        var body = Staff.ada();
        var mobile = (String) body.get("mobile");
        int seen = sms.count(mobile);
        var created = Staff.createUser(http(), adminToken(), body);
        assertStatus(created, 201);
        var user = created.json();
        assertThat(created.header("Location")).hasValue("/users/" + user.get("id").asText());
        assertThat(user.get("username").asText()).matches("a\\.lovelace[0-9]*");
        assertThat(user.get("status").asText()).isEqualTo("pending");
        assertThat(user.get("systemRole").asText()).isEqualTo("FIELD_AGENT");
        assertThat(user.get("role").asText()).isEqualTo("Social Worker");
        assertThat(user.get("mobile").asText()).isEqualTo(mobile);
        assertThat(created.body()).doesNotContainIgnoringCase("password");

        var invitation = sms.awaitNext(mobile, seen);
        assertThat(invitation.body()).matches("Your OpenCRVS account has been created\\. Please login with your username: "
                + user.get("username").asText().replace(".", "\\.") + " and temporary password: [A-Za-z0-9_-]{16}");
        var attempt = sms.attempts(mobile).getLast();
        assertThat(attempt.contentType()).startsWith("application/json");
        assertThat(Staff.temporaryPassword(invitation)).isNotEqualTo(SEED_PASSWORD);
    }

    @Test
    void authenticateWhenPendingThenOnboardingTokenAndNoCodeSent() {
        var pending = invited();
        var response = authenticate(http(), pending.username(), pending.password());
        assertStatus(response, 200);
        var body = response.json();
        assertThat(body.get("status").asText()).isEqualTo("pending");
        assertThat(body.get("mobile").asText()).isEqualTo("*******" + pending.mobile().substring(7));
        // OpenCRVS sends a nonce here too; it must lead nowhere, since no code was sent.
        var nonce = body.get("nonce").asText();
        assertThat(Staff.verifyCode(http(), nonce, Staff.DEVELOPMENT_CODE).status()).isEqualTo(401);
        var token = body.get("token").asText();
        var claims = Jwt.claims(token);
        assertThat(claims.get("sub").asText()).isEqualTo(pending.id());
        assertThat(claims.get("scope").toString()).isEqualTo("[\"onboarding\"]");
        assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(1800);
        assertThat(claims.has("client_id")).isFalse();

        var templates = app.app().notifications().list(Optional.of(pending.id()), Optional.empty(), 10).stream()
                .map(n -> n.template()).toList();
        assertThat(templates).containsExactly("userCredentialsNotification");
    }

    @Test
    void onboardingTokenWhenUsedBeyondOnboardingThenRefused() {
        var pending = invited();
        var token = Staff.onboardingToken(http(), pending);
        var me = me(http(), token);
        assertStatus(me, 200);
        assertThat(me.json().get("id").asText()).isEqualTo(pending.id());
        assertThat(me.json().get("status").asText()).isEqualTo("pending");

        assertStatus(http().get("/integrations", "Authorization", bearer(token)), 403);
        assertStatus(http().get("/users?primaryOfficeId=" + Staff.IBOMBO, "Authorization", bearer(token)), 403);
        assertStatus(Staff.createUser(http(), token, Staff.ada()), 403);
        var password = http().postJson("/users/me/password",
                Map.of("currentPassword", pending.password(), "newPassword", Staff.strongPassword()),
                "Authorization", bearer(token));
        assertThat(password.status()).as(password.toString()).isIn(401, 403);
        var totp = http().postJson("/users/me/totp", Map.of(), "Authorization", bearer(token));
        assertThat(totp.status()).as(totp.toString()).isIn(401, 403);
        assertStatus(http().postJson("/refreshToken", Map.of("token", token)), 401);
        var graphql = http().postJson("/graphql", Map.of("query",
                "mutation { registerSystem(system: {name: \"x\", type: HEALTH}) { clientSecret } }"),
                "Authorization", bearer(token));
        assertThat(graphql.status()).as(graphql.toString()).isIn(401, 403);
        assertThat(graphql.body()).doesNotContain("clientSecret\":\"");
        assertThat(me(http(), token).json().get("status").asText()).isEqualTo("pending");
    }

    @Test
    void activateWhenPasswordBreaksARuleThen400NamingTheRule() {
        var pending = invited();
        var token = Staff.onboardingToken(http(), pending);
        var cases = new LinkedHashMap<String, String>();
        cases.put("Weak", "12 characters");
        cases.put("Sh0rt-Pass", "12 characters");
        cases.put("alllowercase12", "upper-case");
        cases.put("ALLUPPERCASE12", "lower-case");
        cases.put("NoDigitsAtAll!", "digit");
        for (var entry : cases.entrySet()) {
            var response = activate(token, activation(entry.getKey(), "BIRTH_TOWN", "HIGH_SCHOOL", "MOTHER_NAME"));
            assertStatus(response, 400);
            var error = response.json().get("errors").get(0);
            assertThat(error.get("field").asText()).isEqualTo("password");
            assertThat(error.get("message").asText()).as(entry.getKey()).contains(entry.getValue());
        }
        var missing = http().postJson("/users/me/activate", Staff.answers("BIRTH_TOWN", "HIGH_SCHOOL", "MOTHER_NAME"),
                "Authorization", bearer(token));
        assertStatus(missing, 400);
        for (Object notText : List.of(123456789012345L, true, 1.5, List.of("Passw0rd-long-enough"), Map.of())) {
            var body = new LinkedHashMap<>(activation("unused", "BIRTH_TOWN", "HIGH_SCHOOL", "MOTHER_NAME"));
            body.put("password", notText);
            var response = activate(token, body);
            assertStatus(response, 400);
            var error = response.json().get("errors").get(0);
            assertThat(error.get("field").asText()).as(response.toString()).isEqualTo("password");
            assertThat(error.get("message").asText()).as(response.toString()).isEqualTo("must be a string");
        }
        assertThat(me(http(), token).json().get("status").asText()).isEqualTo("pending");
        assertStatus(authenticate(http(), pending.username(), pending.password()), 200);
    }

    @Test
    void activateWhenSecurityAnswersAreNotThreeDistinctKnownQuestionsThen400() {
        var pending = invited();
        var token = Staff.onboardingToken(http(), pending);
        var password = Staff.strongPassword();
        List<Map<String, Object>> bodies = List.of(activation(password, "BIRTH_TOWN", "HIGH_SCHOOL"),
                activation(password, "BIRTH_TOWN", "HIGH_SCHOOL", "MOTHER_NAME", "FAVORITE_FOOD"),
                activation(password),
                activation(password, "BIRTH_TOWN", "BIRTH_TOWN", "MOTHER_NAME"),
                activation(password, "BIRTH_TOWN", "PET_NAME", "MOTHER_NAME"),
                activation(password, "birth_town", "HIGH_SCHOOL", "MOTHER_NAME"),
                Map.of("password", password, "securityQuestionAnswers", List.of(
                        Map.of("questionKey", "BIRTH_TOWN", "answer", "Lusaka"),
                        Map.of("questionKey", "HIGH_SCHOOL", "answer", "   "),
                        Map.of("questionKey", "MOTHER_NAME", "answer", "Mary"))),
                Map.of("password", password));
        for (var body : bodies) {
            var response = activate(token, body);
            assertThat(response.status()).as(body + " -> " + response).isEqualTo(400);
            assertThat(response.json().get("errors").get(0).get("field").asText()).startsWith("securityQuestionAnswers");
        }
        assertThat(me(http(), token).json().get("status").asText()).isEqualTo("pending");
    }

    @Test
    void activateWhenValidThenActiveOnboardingTokenAndTemporaryPasswordDeadAndNewPasswordLogsInWithTwoFactors() {
        var pending = invited();
        var token = Staff.onboardingToken(http(), pending);
        var password = Staff.strongPassword();
        var response = activate(token, activation(password, "FAVORITE_TEACHER", "FAVORITE_MOVIE", "FIRST_CHILD_NAME"));
        assertStatus(response, 200);
        assertThat(response.json().get("status").asText()).isEqualTo("active");

        assertStatus(me(http(), token), 401);
        assertStatus(activate(token, activation(Staff.strongPassword(), "BIRTH_TOWN", "HIGH_SCHOOL", "MOTHER_NAME")), 401);
        assertStatus(authenticate(http(), pending.username(), pending.password(), "X-Forwarded-For", "10.4.0.1"), 401);

        var active = pending.withPassword(password);
        var started = authenticate(http(), active.username(), active.password());
        assertStatus(started, 200);
        assertThat(started.json().get("status").asText()).isEqualTo("active");
        assertThat(started.json().get("twoFactorMethod").asText()).isEqualTo("code");
        assertThat(started.json().has("token")).isFalse();
        var full = loginBySms(active);
        assertThat(Jwt.claims(full).get("scope").toString()).isEqualTo("[\"declare\"]");
        var me = me(http(), full);
        assertThat(me.json().get("status").asText()).isEqualTo("active");
        assertThat(me.json().get("scope").toString()).isEqualTo("[\"declare\"]");
    }

    @Test
    void activateWhenFullTokenThen403() {
        var member = Staff.onboard(http(), invited());
        var token = Staff.login(http(), member);
        var response = activate(token, activation(Staff.strongPassword(), "BIRTH_TOWN", "HIGH_SCHOOL", "MOTHER_NAME"));
        assertStatus(response, 403);
        assertStatus(authenticate(http(), member.username(), member.password()), 200);
    }

    @Test
    void changePasswordWhenCurrentPasswordRightThenNewTokenAndEveryOldTokenRefused() {
        var member = Staff.onboard(http(), invited());
        var first = Staff.login(http(), member);
        var second = Staff.login(http(), member);
        var newPassword = Staff.strongPassword();
        var response = http().postJson("/users/me/password",
                Map.of("currentPassword", member.password(), "newPassword", newPassword), "Authorization", bearer(first));
        assertStatus(response, 200);
        var fresh = response.json().get("token").asText();
        assertThat(Jwt.claims(fresh).get("sub").asText()).isEqualTo(member.id());
        assertThat(Jwt.claims(fresh).get("scope").toString()).isEqualTo("[\"declare\"]");
        assertStatus(me(http(), first), 401);
        assertStatus(me(http(), second), 401);
        assertStatus(me(http(), fresh), 200);
        assertStatus(authenticate(http(), member.username(), member.password(), "X-Forwarded-For", "10.4.0.2"), 401);
        assertThat(me(http(), Staff.login(http(), member.withPassword(newPassword))).json().get("id").asText())
                .isEqualTo(member.id());
    }

    @Test
    void changePasswordWhenRepeatedBackToBackThenEachEarlierTokenRefusedAndEachNewOneCurrentAtOnce() {
        var member = Staff.onboard(http(), invited());
        var token = Staff.login(http(), member);
        // Five changes take a second or two: several fall in one second.
        for (int i = 1; i <= 5; i++) {
            var newPassword = Staff.strongPassword();
            var response = http().postJson("/users/me/password",
                    Map.of("currentPassword", member.password(), "newPassword", newPassword),
                    "Authorization", bearer(token));
            assertStatus(response, 200);
            assertStatus(me(http(), token), 401);
            member = member.withPassword(newPassword);
            token = response.json().get("token").asText();
            Staff.assertCurrentToken(app, token, USER_TOKEN_LIFETIME);
        }
        var refreshed = http().postJson("/refreshToken", Map.of("token", token));
        assertStatus(refreshed, 200);
        Staff.assertCurrentToken(app, refreshed.json().get("token").asText(), USER_TOKEN_LIFETIME);
        assertStatus(me(http(), token), 401);
        Staff.assertCurrentToken(app, Staff.login(http(), member), USER_TOKEN_LIFETIME);
    }

    @Test
    void resendInviteWhenRepeatedBackToBackThenLatestPasswordGivesCurrentOnboardingTokenThatActivates() {
        var admin = adminToken();
        var pending = invited();
        var token = Staff.onboardingToken(http(), pending);
        for (int i = 1; i <= 5; i++) {
            assertStatus(http().postJson("/users/" + pending.id() + "/resend-invite", Map.of(), "Authorization",
                    bearer(admin)), 200);
        }
        assertStatus(me(http(), token), 401);
        // Every earlier invitation delivered first, so the next message is the last resend's.
        Staff.awaitOutboxDrained(app);
        int seen = sms.count(pending.mobile());
        assertStatus(http().postJson("/users/" + pending.id() + "/resend-invite", Map.of(), "Authorization",
                bearer(admin)), 200);
        var latest = pending.withPassword(Staff.temporaryPassword(sms.awaitNext(pending.mobile(), seen)));
        var onboarding = Staff.onboardingToken(http(), latest);
        Staff.assertCurrentToken(app, onboarding, ONBOARDING_TOKEN_LIFETIME);
        assertStatus(activate(onboarding, activation(Staff.strongPassword(), "BIRTH_TOWN", "HIGH_SCHOOL", "MOTHER_NAME")),
                200);
    }

    @Test
    void changePasswordWhenCurrentWrongOrNewWeakOrUnchangedThen400AndNothingChanges() {
        var member = Staff.onboard(http(), invited());
        var token = Staff.login(http(), member);
        var attempts = List.of(Map.of("currentPassword", "Wr0ng-password", "newPassword", Staff.strongPassword()),
                Map.of("currentPassword", member.password(), "newPassword", "weak"),
                Map.of("currentPassword", member.password(), "newPassword", member.password()),
                Map.of("newPassword", Staff.strongPassword()));
        for (var body : attempts) {
            var response = http().postJson("/users/me/password", body, "Authorization", bearer(token));
            assertThat(response.status()).as(body + " -> " + response).isEqualTo(400);
            assertThat(response.body()).doesNotContain("\"token\"");
        }
        assertStatus(me(http(), token), 200);
        assertStatus(authenticate(http(), member.username(), member.password()), 200);
    }

    @Test
    void resetPasswordWhenAdminResetsThenTemporaryPasswordBySmsOldTokensDeadAndUserOnboardsAgain() {
        var admin = adminToken();
        var member = Staff.onboard(http(), Staff.invite(http(), sms, "mobile", admin, Staff.ada()));
        var token = Staff.login(http(), member);
        Staff.awaitOutboxDrained(app);
        int seen = sms.count(member.mobile());
        assertStatus(http().postJson("/users/" + member.id() + "/reset-password", Map.of(), "Authorization", bearer(admin)), 200);
        var message = sms.await(member.mobile(), seen, m -> m.body().contains("reset"));
        assertThat(message.body()).matches("Your password has been reset\\. Please login to Farajaland CRS with the "
                + "temporary password: [A-Za-z0-9_-]{16}\\.");
        assertStatus(me(http(), token), 401);
        assertStatus(authenticate(http(), member.username(), member.password(), "X-Forwarded-For", "10.4.0.3"), 401);
        var reset = member.withPassword(Staff.temporaryPassword(message));
        var again = Staff.onboard(http(), reset);
        assertThat(me(http(), loginBySms(again)).json().get("status").asText()).isEqualTo("active");
    }

    @Test
    void resendInviteWhenPendingThenNewTemporaryPasswordAndOldOneDead() {
        var admin = adminToken();
        var pending = Staff.invite(http(), sms, "mobile", admin, Staff.ada());
        int seen = sms.count(pending.mobile());
        assertStatus(http().postJson("/users/" + pending.id() + "/resend-invite", Map.of(), "Authorization", bearer(admin)), 200);
        var newPassword = Staff.temporaryPassword(sms.awaitNext(pending.mobile(), seen));
        assertThat(newPassword).isNotEqualTo(pending.password());
        assertStatus(authenticate(http(), pending.username(), pending.password(), "X-Forwarded-For", "10.4.0.4"), 401);
        Staff.onboard(http(), pending.withPassword(newPassword));
    }

    @Test
    void onboardingTokenWhenOlderThanThirtyMinutesThenRefused() {
        var pending = invited();
        var token = Staff.onboardingToken(http(), pending);
        // 30 minutes, plus the minute of clock skew every bearer check allows past exp.
        app.clock().advance(java.time.Duration.ofSeconds(1800 + 61));
        assertStatus(me(http(), token), 401);
        assertStatus(activate(token, activation(Staff.strongPassword(), "BIRTH_TOWN", "HIGH_SCHOOL", "MOTHER_NAME")), 401);
        Staff.onboard(http(), pending);
    }

    @Test
    void onboardingTokenWhenInvitationResentOrUserDeactivatedThenRefused() {
        var admin = adminToken();
        var pending = Staff.invite(http(), sms, "mobile", admin, Staff.ada());
        var token = Staff.onboardingToken(http(), pending);
        assertStatus(http().postJson("/users/" + pending.id() + "/resend-invite", Map.of(), "Authorization", bearer(admin)), 200);
        assertStatus(me(http(), token), 401);

        var other = Staff.invite(http(), sms, "mobile", admin, Staff.ada());
        var otherToken = Staff.onboardingToken(http(), other);
        assertStatus(http().postJson("/users/" + other.id() + "/deactivate", Map.of("reason", "OTHER", "comment", "left"),
                "Authorization", bearer(admin)), 200);
        assertStatus(activate(otherToken, activation(Staff.strongPassword(), "BIRTH_TOWN", "HIGH_SCHOOL", "MOTHER_NAME")), 401);
        assertStatus(authenticate(http(), other.username(), other.password(), "X-Forwarded-For", "10.4.0.5"), 403);
    }

    @Test
    void activateWhenNewPasswordIsTheTemporaryOneThen400() {
        var pending = invited();
        var token = Staff.onboardingToken(http(), pending);
        var response = activate(token, activation(pending.password(), "BIRTH_TOWN", "HIGH_SCHOOL", "MOTHER_NAME"));
        assertStatus(response, 400);
        assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("password");
        assertThat(me(http(), token).json().get("status").asText()).isEqualTo("pending");
    }
}
