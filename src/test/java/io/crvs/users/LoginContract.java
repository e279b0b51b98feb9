package io.crvs.users;

import static io.crvs.testkit.Staff.DEVELOPMENT_CODE;
import static io.crvs.testkit.Staff.SEED_PASSWORD;
import static io.crvs.testkit.Staff.authenticate;
import static io.crvs.testkit.Staff.bearer;
import static io.crvs.testkit.Staff.me;
import static io.crvs.testkit.Staff.verifyCode;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crvs.auth.ClientType;
import io.crvs.platform.audit.AuditEntry;
import io.crvs.testkit.AppContract;
import io.crvs.testkit.Concurrently;
import io.crvs.testkit.Http.Response;
import io.crvs.testkit.Jwt;
import io.crvs.testkit.MailServer;
import io.crvs.testkit.Staff;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * Staff login over real HTTP in development mode (interop §2.2, functional §18): password, then a six-digit code
 * delivered by email to a real SMTP server (or {@code 000000}), then a user token; codes, nonces, refresh, logout,
 * deactivated users and the audit trail.
 */
public abstract class LoginContract extends AppContract {
    static final String BWALYA = "k.bwalya";
    static final String BWALYA_EMAIL = "kalushabwalya17@gmail.com";
    static final List<String> BASE_AUDIENCES = List.of("opencrvs:auth-user", "opencrvs:user-mgnt-user",
            "opencrvs:hearth-user", "opencrvs:gateway-user", "opencrvs:notification-user", "opencrvs:workflow-user",
            "opencrvs:search-user", "opencrvs:metrics-user", "opencrvs:countryconfig-user", "opencrvs:webhooks-user",
            "opencrvs:config-user", "opencrvs:documents-user");

    @AutoClose
    private final MailServer mail = new MailServer();

    @Override
    protected Map<String, String> environment() {
        return mail.environment();
    }

    private String adminToken() {
        return Staff.login(http(), "j.campbell", SEED_PASSWORD);
    }

    /** First step for k.bwalya and the code the email brought. */
    private Staff.Challenge emailedChallenge() {
        return Staff.challenge(app, mail, BWALYA_EMAIL, BWALYA, SEED_PASSWORD);
    }

    private static void assertUnauthorized(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(401);
        assertThat(response.body()).doesNotContain("\"token\"");
    }

    @Test
    void authenticateWhenRightPasswordThenNonceMaskedContactsAndCodeByEmail() {
        Staff.awaitOutboxDrained(app);
        int seen = mail.count(BWALYA_EMAIL);
        var response = authenticate(http(), BWALYA, SEED_PASSWORD);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.header("Cache-Control")).hasValue("no-store");
        var body = response.json();
        assertThat(body.get("nonce").asText()).matches("[A-Za-z0-9+/]{22}==");
        assertThat(body.get("mobile").asText()).isEqualTo("*******111");
        assertThat(body.get("email").asText()).isEqualTo("k**************@gmail.com");
        assertThat(body.get("status").asText()).isEqualTo("active");
        assertThat(body.get("twoFactorMethod").asText()).isEqualTo("code");
        assertThat(body.has("token")).isFalse();
        var message = mail.awaitNext(BWALYA_EMAIL, seen);
        assertThat(message.body()).matches("Your OpenCRVS authentication code is: \\d{6}");
        assertThat(message.subject()).isEqualTo("Farajaland CRS: Your authentication code");
        assertThat(mail.senders()).contains(MailServer.FROM);
        assertThat(response.body()).doesNotContain(Staff.code(message));
    }

    @Test
    void authenticateWhenEmailLocalPartIsOneCharacterThenItIsMaskedToo() {
        var body = Staff.ada();
        var email = "a@" + java.util.UUID.randomUUID().toString().substring(0, 8) + ".example.org";
        body.put("email", email);
        var pending = Staff.invite(http(), mail, "email", adminToken(), body);
        var response = authenticate(http(), pending.username(), pending.password());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("email").asText()).isEqualTo("*" + email.substring(1));
        assertThat(response.body()).doesNotContain(email);
    }

    @Test
    void verifyCodeWhenDevelopmentCodeThenUserTokenWithRoleScopesAndBaseAudiences() {
        var nonce = Staff.nonce(http(), BWALYA, SEED_PASSWORD);
        var response = verifyCode(http(), nonce, DEVELOPMENT_CODE);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.header("Cache-Control")).hasValue("no-store");
        assertThat(response.json().size()).isEqualTo(1);
        var token = response.json().get("token").asText();

        var me = me(http(), token);
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        var userId = me.json().get("id").asText();
        assertThat(me.json().get("username").asText()).isEqualTo(BWALYA);
        assertThat(me.json().get("systemRole").asText()).isEqualTo("FIELD_AGENT");
        assertThat(me.json().get("role").asText()).isEqualTo("Social Worker");
        assertThat(me.json().get("primaryOfficeId").asText()).isEqualTo(Staff.IBOMBO);
        assertThat(me.json().get("status").asText()).isEqualTo("active");
        assertThat(me.body()).doesNotContainIgnoringCase("password").doesNotContainIgnoringCase("hash")
                .doesNotContainIgnoringCase("secret").doesNotContainIgnoringCase("answer");

        var claims = Jwt.claims(token);
        assertThat(claims.get("sub").asText()).isEqualTo(userId).matches("[0-9a-f]{24}");
        assertThat(claims.get("scope")).hasSize(1);
        assertThat(claims.get("scope").get(0).asText()).isEqualTo("declare");
        var audiences = new ArrayList<String>();
        claims.get("aud").forEach(a -> audiences.add(a.asText()));
        assertThat(audiences).containsExactlyElementsOf(BASE_AUDIENCES);
        assertThat(claims.get("iss").asText()).isEqualTo("opencrvs:auth-service");
        assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(604_800);
        assertThat(claims.has("client_id")).isFalse();
        assertThat(Jwt.header(token).get("alg").asText()).isEqualTo("RS256");

        var whoami = http().get("/whoami", "Authorization", bearer(token));
        assertThat(whoami.status()).as(whoami.toString()).isEqualTo(200);
        assertThat(whoami.json().get("kind").asText()).isEqualTo("user");
        assertThat(whoami.json().get("id").asText()).isEqualTo(userId);
        assertThat(whoami.json().has("client_id")).isFalse();
    }

    @Test
    void verifyCodeWhenEmailedCodeThenToken() {
        var step = emailedChallenge();
        var response = verifyCode(http(), step.nonce(), step.code());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(me(http(), response.json().get("token").asText()).status()).isEqualTo(200);
    }

    @Test
    void authenticateWhenUsernameHasSurroundingSpacesThenSameUser() {
        var token = Staff.login(http(), "  " + BWALYA + " ", SEED_PASSWORD);
        assertThat(me(http(), token).json().get("username").asText()).isEqualTo(BWALYA);
    }

    @Test
    void authenticateWhenWrongPasswordOrUnknownUserThenIdentical401() {
        var wrong = authenticate(http(), BWALYA, "not-the-password", "X-Forwarded-For", "10.1.0.1");
        var unknown = authenticate(http(), "no.such.user", "not-the-password", "X-Forwarded-For", "10.1.0.2");
        assertUnauthorized(wrong);
        assertUnauthorized(unknown);
        assertThat(withoutRequestId(wrong)).isEqualTo(withoutRequestId(unknown));
        assertThat(wrong.header("WWW-Authenticate")).isEqualTo(unknown.header("WWW-Authenticate"));
        assertThat(wrong.header("Content-Type")).isEqualTo(unknown.header("Content-Type"));
        assertThat(wrong.body()).doesNotContain("nonce").doesNotContain(BWALYA);
    }

    private static String withoutRequestId(Response response) {
        var node = (ObjectNode) response.json();
        node.remove("request_id");
        return node.toString();
    }

    @Test
    void authenticateWhenAFieldIsBlankOrMissingThen400() {
        for (var body : List.of("{\"username\":\"\",\"password\":\"test\"}", "{\"username\":\"k.bwalya\",\"password\":\"\"}",
                "{\"username\":\"   \",\"password\":\"test\"}", "{\"username\":\"k.bwalya\"}", "{\"password\":\"test\"}", "{}",
                "{\"username\":null,\"password\":\"test\"}")) {
            var response = http().postJson("/authenticate", body);
            assertThat(response.status()).as(body + " -> " + response).isEqualTo(400);
            assertThat(response.body()).doesNotContain("nonce");
        }
    }

    @Test
    void authenticateWhenBodyIsNotJsonThen415() {
        var form = http().postForm("/authenticate", Map.of("username", BWALYA, "password", SEED_PASSWORD));
        assertThat(form.status()).as(form.toString()).isEqualTo(415);
        var text = http().send("POST", "/authenticate", "{\"username\":\"k.bwalya\",\"password\":\"test\"}",
                "Content-Type", "text/plain");
        assertThat(text.status()).as(text.toString()).isEqualTo(415);
        var none = http().send("POST", "/authenticate", "{\"username\":\"k.bwalya\",\"password\":\"test\"}");
        assertThat(none.status()).as(none.toString()).isEqualTo(415);
    }

    @Test
    void authenticateWhenUnknownFieldOrMalformedJsonThen400() {
        var extra = http().postJson("/authenticate", "{\"username\":\"k.bwalya\",\"password\":\"test\",\"remember\":true}");
        assertThat(extra.status()).as(extra.toString()).isEqualTo(400);
        assertThat(extra.json().get("errors").get(0).get("field").asText()).isEqualTo("remember");
        var malformed = http().postJson("/authenticate", "{\"username\":\"k.bwalya\",");
        assertThat(malformed.status()).as(malformed.toString()).isEqualTo(400);
        var array = http().postJson("/authenticate", "[\"k.bwalya\",\"test\"]");
        assertThat(array.status()).as(array.toString()).isEqualTo(400);
    }

    @Test
    void verifyCodeWhenCodeUsedTwiceThenSecondRefused() {
        var nonce = Staff.nonce(http(), BWALYA, SEED_PASSWORD);
        assertThat(verifyCode(http(), nonce, DEVELOPMENT_CODE).status()).isEqualTo(200);
        assertUnauthorized(verifyCode(http(), nonce, DEVELOPMENT_CODE));
    }

    @Test
    void verifyCodeWhenEmailedCodeUsedTwiceThenSecondRefused() {
        var step = emailedChallenge();
        assertThat(verifyCode(http(), step.nonce(), step.code()).status()).isEqualTo(200);
        assertUnauthorized(verifyCode(http(), step.nonce(), step.code()));
    }

    @Test
    void verifyCodeWhenFourWrongCodesThenRightCodeStillAccepted() {
        var step = emailedChallenge();
        for (var wrong : wrongCodes(step.code(), 4)) {
            assertUnauthorized(verifyCode(http(), step.nonce(), wrong));
        }
        assertThat(verifyCode(http(), step.nonce(), step.code()).status()).isEqualTo(200);
    }

    @Test
    void verifyCodeWhenFiveWrongCodesThenNonceDeadEvenForRightCode() {
        var step = emailedChallenge();
        for (var wrong : wrongCodes(step.code(), 5)) {
            assertUnauthorized(verifyCode(http(), step.nonce(), wrong));
        }
        assertUnauthorized(verifyCode(http(), step.nonce(), step.code()));
        assertUnauthorized(verifyCode(http(), step.nonce(), DEVELOPMENT_CODE));
        var resend = http().postJson("/resendAuthenticationCode",
                Map.of("nonce", step.nonce(), "notificationEvent", "TWO_FACTOR_AUTHENTICATION"));
        assertUnauthorized(resend);
    }

    /** Six-digit codes that are neither {@code right} nor the development code. */
    private static List<String> wrongCodes(String right, int count) {
        var codes = new ArrayList<String>();
        for (int i = 1; codes.size() < count; i++) {
            var code = String.format("%06d", (Integer.parseInt(right) + i * 111_111) % 1_000_000);
            if (!code.equals(right) && !code.equals(DEVELOPMENT_CODE)) {
                codes.add(code);
            }
        }
        return codes;
    }

    @Test
    void verifyCodeWhenCodeOlderThanTenMinutesThenRefused() {
        var step = emailedChallenge();
        app.clock().advance(Duration.ofSeconds(601));
        assertUnauthorized(verifyCode(http(), step.nonce(), step.code()));
        assertUnauthorized(verifyCode(http(), step.nonce(), DEVELOPMENT_CODE));
    }

    @Test
    void verifyCodeWhenCodeAlmostTenMinutesOldThenAccepted() {
        var step = emailedChallenge();
        app.clock().advance(Duration.ofSeconds(570));
        assertThat(verifyCode(http(), step.nonce(), step.code()).status()).isEqualTo(200);
    }

    @Test
    void verifyCodeWhenNonceUnknownOrFieldsMissingThenRefused() {
        assertUnauthorized(verifyCode(http(), "AAAAAAAAAAAAAAAAAAAAAA==", DEVELOPMENT_CODE));
        var missing = http().postJson("/verifyCode", Map.of("code", DEVELOPMENT_CODE));
        assertThat(missing.status()).as(missing.toString()).isEqualTo(400);
        var unknownField = http().postJson("/verifyCode", Map.of("nonce", "x", "code", "1", "extra", "y"));
        assertThat(unknownField.status()).as(unknownField.toString()).isEqualTo(400);
    }

    @Test
    void resendWhenNonceLiveThenNewCodeArrivesAndOldCodeRefused() {
        var step = emailedChallenge();
        Staff.awaitOutboxDrained(app);
        int seen = mail.count(BWALYA_EMAIL);
        var resend = http().postJson("/resendAuthenticationCode",
                Map.of("nonce", step.nonce(), "notificationEvent", "TWO_FACTOR_AUTHENTICATION"));
        assertThat(resend.status()).as(resend.toString()).isEqualTo(200);
        assertThat(resend.json().get("nonce").asText()).isEqualTo(step.nonce());
        var newCode = Staff.code(mail.awaitNext(BWALYA_EMAIL, seen));
        assertUnauthorized(verifyCode(http(), step.nonce(), step.code()));
        var response = verifyCode(http(), step.nonce(), newCode);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    @Test
    void resendWhenNonceUnknownThen401() {
        assertUnauthorized(http().postJson("/resendAuthenticationCode",
                Map.of("nonce", "AAAAAAAAAAAAAAAAAAAAAA==", "notificationEvent", "TWO_FACTOR_AUTHENTICATION")));
    }

    @Test
    void resendWhenAskedTooOftenThen429ButLoginStillCompletes() {
        var nonce = Staff.nonce(http(), BWALYA, SEED_PASSWORD);
        var body = Map.of("nonce", nonce, "notificationEvent", "TWO_FACTOR_AUTHENTICATION");
        for (int i = 0; i < 5; i++) {
            var response = http().postJson("/resendAuthenticationCode", body);
            assertThat(response.status()).as("resend " + (i + 1) + ": " + response).isEqualTo(200);
        }
        var refused = http().postJson("/resendAuthenticationCode", body);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
        assertThat(refused.header("Retry-After").orElseThrow()).matches("[1-9][0-9]*");
        assertThat(verifyCode(http(), nonce, DEVELOPMENT_CODE).status()).isEqualTo(200);
    }

    @Test
    void authenticateWhenUserDeactivatedThen403WithRightPasswordAnd401WithWrong() {
        var admin = adminToken();
        var member = Staff.activeMember(http(), mail, "email", admin);
        var token = Staff.login(http(), member);
        var deactivate = http().postJson("/users/" + member.id() + "/deactivate", Map.of("reason", "TERMINATED"),
                "Authorization", bearer(admin));
        assertThat(deactivate.status()).as(deactivate.toString()).isEqualTo(200);
        assertThat(deactivate.json().get("status").asText()).isEqualTo("deactivated");

        var right = authenticate(http(), member.username(), member.password(), "X-Forwarded-For", "10.1.1.1");
        assertThat(right.status()).as(right.toString()).isEqualTo(403);
        assertThat(right.body()).doesNotContain("nonce").doesNotContain("\"token\"");
        var wrong = authenticate(http(), member.username(), "Wr0ng-password", "X-Forwarded-For", "10.1.1.1");
        assertUnauthorized(wrong);
        assertUnauthorized(me(http(), token));
    }

    @Test
    void verifyCodeWhenUserDeactivatedAfterPasswordStepThenNoToken() {
        var admin = adminToken();
        var member = Staff.activeMember(http(), mail, "email", admin);
        var nonce = Staff.nonce(http(), member.username(), member.password());
        var deactivate = http().postJson("/users/" + member.id() + "/deactivate",
                Map.of("reason", "SUSPICIOUS"), "Authorization", bearer(admin));
        assertThat(deactivate.status()).as(deactivate.toString()).isEqualTo(200);
        var response = verifyCode(http(), nonce, DEVELOPMENT_CODE);
        assertThat(response.status()).as(response.toString()).isIn(401, 403);
        assertThat(response.body()).doesNotContain("\"token\"");
    }

    @Test
    void refreshTokenWhenUserTokenThenNewTokenAndOldOneRevoked() {
        var token = Staff.login(http(), BWALYA, SEED_PASSWORD);
        var response = http().postJson("/refreshToken", Map.of("token", token));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        var fresh = response.json().get("token").asText();
        var before = Jwt.claims(token);
        var after = Jwt.claims(fresh);
        assertThat(after.get("jti").asText()).isNotEqualTo(before.get("jti").asText());
        assertThat(after.get("sub")).isEqualTo(before.get("sub"));
        assertThat(after.get("scope")).isEqualTo(before.get("scope"));
        assertThat(after.get("aud")).isEqualTo(before.get("aud"));
        assertThat(after.get("exp").asLong() - after.get("iat").asLong()).isEqualTo(604_800);
        assertThat(after.has("client_id")).isFalse();

        assertUnauthorized(http().get("/whoami", "Authorization", bearer(token)));
        assertUnauthorized(me(http(), token));
        assertThat(http().get("/whoami", "Authorization", bearer(fresh)).status()).isEqualTo(200);
        assertThat(me(http(), fresh).status()).isEqualTo(200);
        assertUnauthorized(http().postJson("/refreshToken", Map.of("token", token)));
    }

    @Test
    void refreshTokenWhenClientTokenThen401AndClientTokenUnharmed() {
        var client = app.createClient(ClientType.HEALTH);
        var clientToken = app.token(client);
        assertUnauthorized(http().postJson("/refreshToken", Map.of("token", clientToken)));
        assertThat(http().get("/whoami", "Authorization", bearer(clientToken)).status()).isEqualTo(200);
    }

    @Test
    void refreshTokenWhenGarbageOrLoggedOutTokenThen401() {
        assertUnauthorized(http().postJson("/refreshToken", Map.of("token", "garbage")));
        assertUnauthorized(http().postJson("/refreshToken", Map.of("token", "a.b.c")));
        var token = Staff.login(http(), BWALYA, SEED_PASSWORD);
        assertThat(http().postJson("/invalidateToken", Map.of("token", token)).status()).isEqualTo(200);
        assertUnauthorized(http().postJson("/refreshToken", Map.of("token", token)));
    }

    @Test
    void invalidateTokenWhenLoggedOutThenThatTokenRefusedOthersNot() {
        var token = Staff.login(http(), BWALYA, SEED_PASSWORD);
        var other = Staff.login(http(), BWALYA, SEED_PASSWORD);
        var logout = http().postJson("/invalidateToken", Map.of("token", token));
        assertThat(logout.status()).as(logout.toString()).isEqualTo(200);
        assertThat(logout.json().size()).isZero();
        assertUnauthorized(me(http(), token));
        assertUnauthorized(http().get("/whoami", "Authorization", bearer(token)));
        assertThat(me(http(), other).status()).isEqualTo(200);
    }

    @Test
    void auditWhenLoginFailsSucceedsAndLogsOutThenEveryStepRecordedWithoutSecrets() {
        var member = Staff.activeMember(http(), mail, "email", adminToken());
        var address = "10.77.0.1";
        var agent = "crvs-contract-test/1.0";
        var headers = new String[] {"X-Forwarded-For", address, "User-Agent", agent};
        var wrongPassword = "Wr0ng-" + member.password();
        assertUnauthorized(authenticate(http(), member.username(), wrongPassword, headers));
        var step = Staff.challenge(app, mail, member.email(), member.username(), member.password(), headers);
        var wrongCode = wrongCodes(step.code(), 1).getFirst();
        assertUnauthorized(verifyCode(http(), step.nonce(), wrongCode, headers));
        var token = verifyCode(http(), step.nonce(), step.code(), headers).json().get("token").asText();
        assertThat(http().postJson("/invalidateToken", Map.of("token", token), headers).status()).isEqualTo(200);

        var entries = app.app().audit().list(Optional.of(member.id()), Optional.empty(), Optional.empty(), 100);
        var byAction = entries.stream().collect(Collectors.groupingBy(AuditEntry::action));
        var failed = byAction.get("user.login_failed");
        assertThat(failed).as(entries.toString()).hasSize(1);
        assertThat(failed.getFirst().reason()).isEqualTo("wrong_password");
        assertThat(failed.getFirst().outcome()).isEqualTo("failure");
        assertThat(byAction.get("user.code_sent")).hasSize(1);
        assertThat(byAction.get("user.code_failed")).hasSize(1);
        assertThat(byAction.get("user.code_failed").getFirst().reason()).isEqualTo("wrong_code");
        assertThat(byAction.get("user.logged_in")).hasSize(1);
        assertThat(byAction.get("user.logged_in").getFirst().actorId()).isEqualTo(member.id());
        assertThat(byAction.get("token.revoked")).hasSize(1);
        assertThat(byAction.get("token.revoked").getFirst().details()).contains(Jwt.claims(token).get("jti").asText());
        for (var action : List.of("user.login_failed", "user.code_sent", "user.code_failed", "user.logged_in", "token.revoked")) {
            for (var entry : byAction.get(action)) {
                assertThat(entry.ip()).as(action).isEqualTo(address);
                assertThat(entry.userAgent()).as(action).isEqualTo(agent);
                assertThat(entry.requestId()).as(action).isNotBlank();
                assertThat(entry.subjectId()).as(action).isEqualTo(member.id());
            }
        }
        var signature = token.substring(token.lastIndexOf('.') + 1);
        for (var entry : entries) {
            assertThat(entry.toString()).doesNotContain(member.password()).doesNotContain(wrongPassword)
                    .doesNotContain(step.code()).doesNotContain(token).doesNotContain(signature);
        }
    }

    @Test
    void auditWhenUnknownUsernameThenFailureRecordedWithoutPassword() {
        var username = "nobody." + java.util.UUID.randomUUID().toString().substring(0, 8);
        var password = "Secret-" + java.util.UUID.randomUUID();
        assertUnauthorized(authenticate(http(), username, password, "X-Forwarded-For", "10.77.0.2"));
        var entries = app.app().audit().list(Optional.of(username), Optional.of("user.login_failed"), Optional.empty(), 10);
        assertThat(entries).hasSize(1);
        assertThat(entries.getFirst().reason()).isEqualTo("unknown_user");
        assertThat(entries.getFirst().ip()).isEqualTo("10.77.0.2");
        assertThat(entries.getFirst().toString()).doesNotContain(password);
    }

    @Test
    void verifyCodeWhenSameCodeSentConcurrentlyThenExactlyOneToken() throws Exception {
        var nonce = Staff.nonce(http(), BWALYA, SEED_PASSWORD);
        var statuses = Concurrently.times(12, () -> verifyCode(http(), nonce, DEVELOPMENT_CODE).status());
        assertThat(statuses).containsOnly(200, 401);
        assertThat(statuses.stream().filter(s -> s == 200)).hasSize(1);
    }

    @Test
    void verifyCodeWhenManyWrongCodesConcurrentlyThenNonceDiesAndRightCodeRefused() throws Exception {
        var step = emailedChallenge();
        var wrong = wrongCodes(step.code(), 12);
        var next = new java.util.concurrent.atomic.AtomicInteger();
        var statuses = Concurrently.times(12, () -> verifyCode(http(), step.nonce(), wrong.get(next.getAndIncrement())).status());
        assertThat(statuses).containsOnly(401);
        assertUnauthorized(verifyCode(http(), step.nonce(), step.code()));
    }
}
