package io.crvs.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.crvs.testkit.Http.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Staff as a test drives them over HTTP, as OpenCRVS's client does: login ({@code POST /authenticate}, then
 * {@code POST /verifyCode} with the development code {@code 000000} or the code the user was sent), being created
 * by an administrator, onboarding. Seeded Farajaland users have the password {@code test}.
 */
public final class Staff {
    public static final String SEED_PASSWORD = "test";
    public static final String DEVELOPMENT_CODE = "000000";
    public static final String IBOMBO = TestBundles.OFFICE_ID;
    public static final String HQ = TestBundles.HQ_OFFICE_ID;
    private static final Pattern CODE = Pattern.compile("authentication code is: (\\d{6})$");
    private static final Pattern TEMPORARY_PASSWORD = Pattern.compile("temporary password: ([A-Za-z0-9_-]+)\\.?$");
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final int MOBILE_BASE = ThreadLocalRandom.current().nextInt(10_000_000, 90_000_000);

    private Staff() {
    }

    /** A user the test created and knows the password of; {@code mobile} and {@code email} as stored. */
    public record Member(String id, String username, String email, String mobile, String password) {
        public Member withPassword(String newPassword) {
            return new Member(id, username, email, mobile, newPassword);
        }
    }

    /** The first step of a login and the code the user was sent for it. */
    public record Challenge(String nonce, String code) {
    }

    public static Response authenticate(Http http, String username, String password, String... headers) {
        var body = new LinkedHashMap<String, Object>();
        body.put("username", username);
        body.put("password", password);
        return http.postJson("/authenticate", body, headers);
    }

    public static Response verifyCode(Http http, String nonce, String code, String... headers) {
        return http.postJson("/verifyCode", Map.of("nonce", nonce, "code", code), headers);
    }

    /** The nonce of a successful first step. */
    public static String nonce(Http http, String username, String password, String... headers) {
        var response = authenticate(http, username, password, headers);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().hasNonNull("nonce")).as("a second-factor nonce: " + response).isTrue();
        return response.json().get("nonce").asText();
    }

    /** Both factors, with the development code {@code 000000}: a full token. */
    public static String login(Http http, String username, String password, String... headers) {
        return token(verifyCode(http, nonce(http, username, password, headers), DEVELOPMENT_CODE, headers));
    }

    public static String login(Http http, Member member) {
        return login(http, member.username(), member.password());
    }

    /**
     * The first step for {@code username}, and the code that {@code inbox} then receives at {@code recipient}.
     * Waits for the outbox to drain first, so that the code read is this login's and not a late one of an earlier.
     */
    public static Challenge challenge(TestApp app, Inbox inbox, String recipient, String username, String password,
            String... headers) {
        awaitOutboxDrained(app);
        int seen = inbox.count(recipient);
        var nonce = nonce(app.http(), username, password, headers);
        return new Challenge(nonce, code(inbox.awaitNext(recipient, seen)));
    }

    /** Both factors with the code {@code inbox} receives at {@code recipient}: a full token. */
    public static String loginWithSentCode(TestApp app, Inbox inbox, String recipient, Member member) {
        var challenge = challenge(app, inbox, recipient, member.username(), member.password());
        return token(verifyCode(app.http(), challenge.nonce(), challenge.code()));
    }

    private static String token(Response verified) {
        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
        return verified.json().get("token").asText();
    }

    /**
     * Waits (bounded) until the outbox holds nothing still to deliver, so that a message counted afterwards is
     * not a late one from an earlier login that used {@code 000000}.
     */
    public static void awaitOutboxDrained(TestApp app) {
        Await.until(Inbox.WAIT, () -> "no notification pending", () -> app.app().notifications()
                .list(Optional.empty(), Optional.of("pending"), 1).isEmpty());
    }

    public static String bearer(String token) {
        return Http.bearer(token);
    }

    public static Response me(Http http, String token) {
        return http.get("/users/me", "Authorization", bearer(token));
    }

    /** The user's own view ({@code GET /users/me}), which must be there. */
    public static JsonNode meOk(Http http, String token) {
        var me = me(http, token);
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        return me.json();
    }

    /**
     * A token just issued to a person: stamped no later than now, living exactly {@code lifetimeSeconds} from
     * then, carrying a token generation, and good at {@code /whoami} at once, expiring no later than the lifetime
     * from now.
     */
    public static void assertCurrentToken(TestApp app, String token, long lifetimeSeconds) {
        var claims = Jwt.claims(token);
        assertThat(claims.get("iat").asLong()).as("iat").isLessThanOrEqualTo(app.clock().instant().getEpochSecond());
        assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).as("exp - iat").isEqualTo(lifetimeSeconds);
        assertThat(claims.path("gen").isIntegralNumber()).as("the user's token generation, gen: " + claims).isTrue();
        var whoami = app.http().get("/whoami", "Authorization", bearer(token));
        assertThat(whoami.status()).as(whoami.toString()).isEqualTo(200);
        // Seconds may pass between issuing and asking on a busy machine; never more than the lifetime is left.
        assertThat(whoami.json().get("expires_in").asLong()).isBetween(lifetimeSeconds - 30, lifetimeSeconds);
    }

    /** The six-digit code of an authentication-code message. */
    public static String code(Inbox.Received message) {
        var matcher = CODE.matcher(message.body());
        assertThat(matcher.find()).as("a code in: " + message.body()).isTrue();
        return matcher.group(1);
    }

    public static String temporaryPassword(Inbox.Received message) {
        var matcher = TEMPORARY_PASSWORD.matcher(message.body());
        assertThat(matcher.find()).as("a temporary password in: " + message.body()).isTrue();
        return matcher.group(1);
    }

    /** A Farajaland mobile number no seeded user has (they all start 09). */
    public static String uniqueMobile() {
        return "07" + String.format("%08d", (MOBILE_BASE + SEQUENCE.incrementAndGet()) % 100_000_000);
    }

    public static String uniqueEmail(String name) {
        return name + "." + UUID.randomUUID().toString().substring(0, 12) + "@example.org";
    }

    /** A password that meets every rule, different each time. */
    public static String strongPassword() {
        return "Passw0rd-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A {@code POST /users} body for Ada Lovelace, Social Worker at Ibombo, with fresh contacts. */
    public static Map<String, Object> ada() {
        var body = new LinkedHashMap<String, Object>();
        body.put("givenNames", List.of("Ada"));
        body.put("familyName", "Lovelace");
        body.put("systemRole", "FIELD_AGENT");
        body.put("role", "Social Worker");
        body.put("primaryOfficeId", IBOMBO);
        body.put("email", uniqueEmail("ada"));
        body.put("mobile", uniqueMobile());
        return body;
    }

    public static Response createUser(Http http, String adminToken, Map<String, Object> body) {
        return http.postJson("/users", body, "Authorization", bearer(adminToken));
    }

    /**
     * Creates a user as {@code adminToken}'s administrator and reads the temporary password from the invitation
     * that {@code inbox} receives at {@code recipientField} ("email" or "mobile").
     */
    public static Member invite(Http http, Inbox inbox, String recipientField, String adminToken,
            Map<String, Object> body) {
        var recipient = (String) body.get(recipientField);
        int seen = inbox.count(recipient);
        var created = createUser(http, adminToken, body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        var invitation = inbox.await(recipient, seen, m -> m.body().contains("temporary password"));
        return new Member(created.json().get("id").asText(), created.json().get("username").asText(),
                (String) body.get("email"), (String) body.get("mobile"), temporaryPassword(invitation));
    }

    public static Map<String, Object> answers(String... keys) {
        var list = new ArrayList<Map<String, String>>();
        for (var key : keys) {
            list.add(Map.of("questionKey", key, "answer", "answer to " + key.toLowerCase(Locale.ROOT)));
        }
        return Map.of("securityQuestionAnswers", list);
    }

    public static Map<String, Object> activation(String password, String... keys) {
        var body = new LinkedHashMap<String, Object>();
        body.put("password", password);
        body.putAll(answers(keys));
        return body;
    }

    /** The onboarding token a pending user gets from {@code /authenticate}. */
    public static String onboardingToken(Http http, String username, String temporaryPassword) {
        var response = authenticate(http, username, temporaryPassword);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("status").asText()).as(response.toString()).isEqualTo("pending");
        return response.json().get("token").asText();
    }

    public static String onboardingToken(Http http, Member pending) {
        return onboardingToken(http, pending.username(), pending.password());
    }

    /**
     * Onboards a pending user: the first login with the temporary password gives an onboarding token, with which
     * the user sets {@code newPassword} and answers three security questions.
     */
    public static void onboard(Http http, String username, String temporaryPassword, String newPassword) {
        var response = http.postJson("/users/me/activate",
                activation(newPassword, "BIRTH_TOWN", "MOTHER_NAME", "FAVORITE_FOOD"),
                "Authorization", bearer(onboardingToken(http, username, temporaryPassword)));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    /** Onboards a pending user with a strong password; returns the member with that password. */
    public static Member onboard(Http http, Member pending) {
        var password = strongPassword();
        onboard(http, pending.username(), pending.password(), password);
        return pending.withPassword(password);
    }

    /** A new active Field Agent at Ibombo, created by {@code adminToken}. */
    public static Member activeMember(Http http, Inbox inbox, String recipientField, String adminToken) {
        return onboard(http, invite(http, inbox, recipientField, adminToken, ada()));
    }
}
