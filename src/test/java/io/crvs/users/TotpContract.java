package io.crvs.users;

import static io.crvs.testkit.Staff.DEVELOPMENT_CODE;
import static io.crvs.testkit.Staff.SEED_PASSWORD;
import static io.crvs.testkit.Staff.authenticate;
import static io.crvs.testkit.Staff.bearer;
import static io.crvs.testkit.Staff.me;
import static io.crvs.testkit.Staff.verifyCode;
import static org.assertj.core.api.Assertions.assertThat;

import io.crvs.testkit.AppContract;
import io.crvs.testkit.Concurrently;
import io.crvs.testkit.Http.Response;
import io.crvs.testkit.MailServer;
import io.crvs.testkit.Rfc6238;
import io.crvs.testkit.Staff;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * An authenticator app as second factor (RFC 6238), over real HTTP: enrolment, confirmation, login with a TOTP
 * code instead of a sent code, replay refusal and removal. Codes are computed by the test's own RFC 6238
 * implementation at the server's clock; moving that clock forward by a step gives the next code.
 */
public abstract class TotpContract extends AppContract {
    @AutoClose
    private final MailServer mail = new MailServer();

    @Override
    protected Map<String, String> environment() {
        return mail.environment();
    }

    /** A fresh active user and a full token of theirs. */
    private record Account(Staff.Member member, String token) {
    }

    private Account account() {
        var admin = Staff.login(http(), "j.campbell", SEED_PASSWORD);
        var member = Staff.activeMember(http(), mail, "email", admin);
        return new Account(member, Staff.login(http(), member));
    }

    private Response enrol(String token) {
        return http().postJson("/users/me/totp", Map.of(), "Authorization", bearer(token));
    }

    private Response confirm(String token, String code) {
        return http().postJson("/users/me/totp/confirm", Map.of("code", code), "Authorization", bearer(token));
    }

    private Response remove(String token, String code) {
        return http().send("DELETE", "/users/me/totp", "{\"code\":\"" + code + "\"}", "Authorization", bearer(token),
                "Content-Type", "application/json");
    }

    /** The code an authenticator app shows now, by the server's clock. */
    private String currentCode(String secret) {
        return Rfc6238.code(secret, app.clock().instant());
    }

    /** Moves the server's clock to the next 30-second step, so that a new code is due. */
    private void nextStep() {
        app.clock().advance(Duration.ofSeconds(Rfc6238.STEP_SECONDS));
    }

    /** Enrols and confirms; returns the secret. */
    private String enabled(Account account) {
        var secret = enrol(account.token()).json().get("secret").asText();
        var response = confirm(account.token(), currentCode(secret));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return secret;
    }

    private int codesSent(String userId) {
        return (int) app.app().notifications().list(Optional.of(userId), Optional.empty(), 100).stream()
                .filter(n -> n.template().equals("authenticationCodeNotification")).count();
    }

    private static String otherCode(String code) {
        var other = String.format("%06d", (Integer.parseInt(code) + 500_000) % 1_000_000);
        return other.equals(DEVELOPMENT_CODE) ? "000001" : other;
    }

    @Test
    void enrolWhenBodyGarbledThen400AndNoEnrolmentElseNoBodyOrEmptyObjectAccepted() {
        var account = account();
        for (var body : List.of("{bad", "[]", "{\"secret\":\"AAAA\"}")) {
            var response = http().send("POST", "/users/me/totp", body, "Authorization", bearer(account.token()),
                    "Content-Type", "application/json");
            assertThat(response.status()).as(body + " -> " + response).isEqualTo(400);
        }
        assertThat(app.app().audit().list(Optional.of(account.member().id()), Optional.of("user.totp_enrolment_started"),
                Optional.empty(), 10)).isEmpty();
        var none = http().send("POST", "/users/me/totp", null, "Authorization", bearer(account.token()));
        assertThat(none.status()).as(none.toString()).isEqualTo(200);
        assertThat(enrol(account.token()).status()).isEqualTo(200);
    }

    @Test
    void enrolWhenLoggedInThenSecretAndOtpauthUriButLoginStillByCodeUntilConfirmed() {
        var account = account();
        var response = enrol(account.token());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.header("Cache-Control")).hasValue("no-store");
        var secret = response.json().get("secret").asText();
        assertThat(secret).matches("[A-Z2-7]{32}");
        assertThat(Rfc6238.base32(secret)).hasSize(20);
        var uri = response.json().get("uri").asText();
        assertThat(uri).startsWith("otpauth://totp/");
        var decoded = URLDecoder.decode(uri, StandardCharsets.UTF_8);
        assertThat(decoded).contains(":" + account.member().username() + "?").contains("secret=" + secret)
                .contains("issuer=Farajaland CRS").contains("digits=6").contains("period=30");

        assertThat(me(http(), account.token()).json().get("twoFactorMethod").asText()).isEqualTo("code");
        var started = authenticate(http(), account.member().username(), account.member().password());
        assertThat(started.json().get("twoFactorMethod").asText()).isEqualTo("code");
    }

    @Test
    void confirmWhenWrongCodeThen400AndLoginStillByCode() {
        var account = account();
        var secret = enrol(account.token()).json().get("secret").asText();
        for (var wrong : List.of(otherCode(currentCode(secret)), "12345", "abcdef", "")) {
            var response = confirm(account.token(), wrong);
            assertThat(response.status()).as(wrong + " -> " + response).isEqualTo(400);
        }
        var farAway = Rfc6238.codeAtStep(secret, Rfc6238.step(app.clock().instant()) + 5);
        if (!farAway.equals(currentCode(secret))) {
            assertThat(confirm(account.token(), farAway).status()).isEqualTo(400);
        }
        assertThat(me(http(), account.token()).json().get("twoFactorMethod").asText()).isEqualTo("code");
        var started = authenticate(http(), account.member().username(), account.member().password());
        assertThat(started.json().get("twoFactorMethod").asText()).isEqualTo("code");
    }

    @Test
    void confirmWhenRightCodeThenLoginAsksForTotpSendsNoCodeAndTakesTheAppsCodeOnce() {
        var account = account();
        var secret = enrol(account.token()).json().get("secret").asText();
        var confirmed = confirm(account.token(), currentCode(secret));
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        assertThat(me(http(), account.token()).json().get("twoFactorMethod").asText()).isEqualTo("totp");

        int sent = codesSent(account.member().id());
        var started = authenticate(http(), account.member().username(), account.member().password());
        assertThat(started.status()).as(started.toString()).isEqualTo(200);
        assertThat(started.json().get("twoFactorMethod").asText()).isEqualTo("totp");
        var nonce = started.json().get("nonce").asText();
        assertThat(codesSent(account.member().id())).isEqualTo(sent);

        nextStep();
        var code = currentCode(secret);
        if (!code.equals(DEVELOPMENT_CODE)) {
            assertThat(verifyCode(http(), nonce, DEVELOPMENT_CODE).status()).isEqualTo(401);
        }
        var response = verifyCode(http(), nonce, code);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        var token = response.json().get("token").asText();
        assertThat(me(http(), token).json().get("id").asText()).isEqualTo(account.member().id());

        var replayNonce = Staff.nonce(http(), account.member().username(), account.member().password());
        var replay = verifyCode(http(), replayNonce, code);
        assertThat(replay.status()).as(replay.toString()).isEqualTo(401);
        nextStep();
        assertThat(verifyCode(http(), replayNonce, currentCode(secret)).status()).isEqualTo(200);
    }

    @Test
    void verifyCodeWhenTotpFromTwoStepsAwayThenRefused() {
        var account = account();
        var secret = enabled(account);
        nextStep();
        var nonce = Staff.nonce(http(), account.member().username(), account.member().password());
        long step = Rfc6238.step(app.clock().instant());
        var near = List.of(Rfc6238.codeAtStep(secret, step - 1), Rfc6238.codeAtStep(secret, step),
                Rfc6238.codeAtStep(secret, step + 1));
        for (long far : new long[] {step + 3, step - 3}) {
            var code = Rfc6238.codeAtStep(secret, far);
            if (!near.contains(code)) {
                assertThat(verifyCode(http(), nonce, code).status()).as("step " + far).isEqualTo(401);
            }
        }
        assertThat(verifyCode(http(), nonce, currentCode(secret)).status()).isEqualTo(200);
    }

    @Test
    void verifyCodeWhenSameTotpCodeSentConcurrentlyThenOnlyOneLogin() throws Exception {
        var account = account();
        var secret = enabled(account);
        var nonces = new ArrayList<String>();
        for (int i = 0; i < 6; i++) {
            nonces.add(Staff.nonce(http(), account.member().username(), account.member().password()));
        }
        nextStep();
        var code = currentCode(secret);
        var statuses = Concurrently.run(nonces.stream()
                .<Callable<Integer>>map(n -> () -> verifyCode(http(), n, code).status()).toList());
        assertThat(statuses).containsOnly(200, 401);
        assertThat(statuses.stream().filter(s -> s == 200)).hasSize(1);
    }

    @Test
    void enrolWhenAlreadyEnabledThen409() {
        var account = account();
        enabled(account);
        var again = enrol(account.token());
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
    }

    @Test
    void removeWhenCurrentCodeThenLoginBackToSentCodes() {
        var account = account();
        var secret = enabled(account);
        nextStep();
        var wrong = remove(account.token(), otherCode(currentCode(secret)));
        assertThat(wrong.status()).as(wrong.toString()).isEqualTo(400);
        assertThat(me(http(), account.token()).json().get("twoFactorMethod").asText()).isEqualTo("totp");
        var removed = remove(account.token(), currentCode(secret));
        assertThat(removed.status()).as(removed.toString()).isEqualTo(200);
        assertThat(me(http(), account.token()).json().get("twoFactorMethod").asText()).isEqualTo("code");

        int sent = codesSent(account.member().id());
        var started = authenticate(http(), account.member().username(), account.member().password());
        assertThat(started.json().get("twoFactorMethod").asText()).isEqualTo("code");
        assertThat(codesSent(account.member().id())).isEqualTo(sent + 1);
        assertThat(verifyCode(http(), started.json().get("nonce").asText(), DEVELOPMENT_CODE).status()).isEqualTo(200);
        var notEnrolled = remove(account.token(), currentCode(secret));
        assertThat(notEnrolled.status()).as(notEnrolled.toString()).isEqualTo(409);
    }

    @Test
    void verifyCodeWhenAppRemovedDuringLoginThenLoginRefusedNotServerError() {
        var account = account();
        var secret = enabled(account);
        var nonce = Staff.nonce(http(), account.member().username(), account.member().password());
        nextStep();
        assertThat(remove(account.token(), currentCode(secret)).status()).isEqualTo(200);
        nextStep();
        var response = verifyCode(http(), nonce, currentCode(secret));
        assertThat(response.status()).as(response.toString()).isEqualTo(401);
        assertThat(response.body()).doesNotContain("\"token\"");
        var unconfirmed = enrol(account.token()).json().get("secret").asText();
        var withNewApp = verifyCode(http(), nonce, currentCode(unconfirmed));
        assertThat(withNewApp.status()).as(withNewApp.toString()).isEqualTo(401);
    }

    @Test
    void totpWhenClientTokenThenRefused() {
        var client = app.createClient(io.crvs.auth.ClientType.HEALTH);
        var response = enrol(app.token(client));
        assertThat(response.status()).as(response.toString()).isIn(401, 403);
    }
}
