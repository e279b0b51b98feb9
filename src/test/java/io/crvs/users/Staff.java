package io.crvs.users;

import static org.assertj.core.api.Assertions.assertThat;

import io.crvs.testkit.Http;
import io.crvs.testkit.Http.Response;
import io.crvs.testkit.Inbox;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/** Staff as a test drives them over HTTP: logging in, being created by an administrator, onboarding. */
final class Staff {
    static final String SEED_PASSWORD = "test";
    static final String DEVELOPMENT_CODE = "000000";
    static final String IBOMBO = "JWMRGwDBXK";
    static final String HQ = "2OKicPQMNI";
    static final List<String> SECURITY_QUESTIONS = List.of("BIRTH_TOWN", "HIGH_SCHOOL", "MOTHER_NAME",
            "FAVORITE_TEACHER", "FAVORITE_MOVIE", "FAVORITE_SONG", "FAVORITE_FOOD", "FIRST_CHILD_NAME");
    private static final Pattern CODE = Pattern.compile("authentication code is: (\\d{6})$");
    private static final Pattern TEMPORARY_PASSWORD = Pattern.compile("temporary password: ([A-Za-z0-9_-]+)\\.?$");
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final int MOBILE_BASE = ThreadLocalRandom.current().nextInt(10_000_000, 90_000_000);

    private Staff() {
    }

    /** A user the test created and knows the password of; {@code mobile} and {@code email} as stored. */
    record Member(String id, String username, String email, String mobile, String password) {
        Member withPassword(String newPassword) {
            return new Member(id, username, email, mobile, newPassword);
        }
    }

    static Response authenticate(Http http, String username, String password, String... headers) {
        var body = new LinkedHashMap<String, Object>();
        body.put("username", username);
        body.put("password", password);
        return http.postJson("/authenticate", body, headers);
    }

    static Response verifyCode(Http http, String nonce, String code, String... headers) {
        return http.postJson("/verifyCode", Map.of("nonce", nonce, "code", code), headers);
    }

    /** The nonce of a successful first step. */
    static String nonce(Http http, String username, String password, String... headers) {
        var response = authenticate(http, username, password, headers);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("nonce").asText();
    }

    /** Both factors, with the development code {@code 000000}: a full token. */
    static String login(Http http, String username, String password, String... headers) {
        var response = verifyCode(http, nonce(http, username, password, headers), DEVELOPMENT_CODE, headers);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("token").asText();
    }

    static String login(Http http, Member member) {
        return login(http, member.username(), member.password());
    }

    /**
     * Waits (bounded) until the outbox holds nothing still to deliver, so that a message counted afterwards is
     * not a late one from an earlier login that used {@code 000000}.
     */
    static void awaitOutboxDrained(io.crvs.testkit.TestApp app) {
        var deadline = java.time.Instant.now().plus(Inbox.WAIT);
        while (!app.app().notifications().list(java.util.Optional.empty(), java.util.Optional.of("pending"), 1).isEmpty()) {
            if (java.time.Instant.now().isAfter(deadline)) {
                throw new AssertionError("Notifications still pending after " + Inbox.WAIT);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    static String bearer(String token) {
        return Http.bearer(token);
    }

    static Response me(Http http, String token) {
        return http.get("/users/me", "Authorization", bearer(token));
    }

    /** The six-digit code of an authentication-code message. */
    static String code(Inbox.Received message) {
        var matcher = CODE.matcher(message.body());
        assertThat(matcher.find()).as("a code in: " + message.body()).isTrue();
        return matcher.group(1);
    }

    static String temporaryPassword(Inbox.Received message) {
        var matcher = TEMPORARY_PASSWORD.matcher(message.body());
        assertThat(matcher.find()).as("a temporary password in: " + message.body()).isTrue();
        return matcher.group(1);
    }

    static String uniqueMobile() {
        return "07" + String.format("%08d", (MOBILE_BASE + SEQUENCE.incrementAndGet()) % 100_000_000);
    }

    static String uniqueEmail(String name) {
        return name + "." + UUID.randomUUID().toString().substring(0, 12) + "@example.org";
    }

    /** A password that meets every rule, different each time. */
    static String strongPassword() {
        return "Passw0rd-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A {@code POST /users} body for Ada Lovelace, Social Worker at Ibombo, with fresh contacts. */
    static Map<String, Object> ada() {
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

    static Response createUser(Http http, String adminToken, Map<String, Object> body) {
        return http.postJson("/users", body, "Authorization", bearer(adminToken));
    }

    /**
     * Creates a user as {@code adminToken}'s administrator and reads the temporary password from the invitation
     * that {@code inbox} receives at {@code recipientField} ("email" or "mobile").
     */
    static Member invite(Http http, Inbox inbox, String recipientField, String adminToken, Map<String, Object> body) {
        var recipient = (String) body.get(recipientField);
        int seen = inbox.count(recipient);
        var created = createUser(http, adminToken, body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        var invitation = inbox.await(recipient, seen, m -> m.body().contains("temporary password"));
        return new Member(created.json().get("id").asText(), created.json().get("username").asText(),
                (String) body.get("email"), (String) body.get("mobile"), temporaryPassword(invitation));
    }

    static Map<String, Object> answers(String... keys) {
        var list = new java.util.ArrayList<Map<String, String>>();
        for (var key : keys) {
            list.add(Map.of("questionKey", key, "answer", "answer to " + key.toLowerCase(java.util.Locale.ROOT)));
        }
        return Map.of("securityQuestionAnswers", list);
    }

    static Map<String, Object> activation(String password, String... keys) {
        var body = new LinkedHashMap<String, Object>();
        body.put("password", password);
        body.putAll(answers(keys));
        return body;
    }

    /** The onboarding token a pending user gets from {@code /authenticate}. */
    static String onboardingToken(Http http, Member pending) {
        var response = authenticate(http, pending.username(), pending.password());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("status").asText()).isEqualTo("pending");
        return response.json().get("token").asText();
    }

    /** Onboards a pending user: a strong password and three answers; returns the member with that password. */
    static Member onboard(Http http, Member pending) {
        var password = strongPassword();
        var response = http.postJson("/users/me/activate", activation(password, "BIRTH_TOWN", "MOTHER_NAME", "FAVORITE_FOOD"),
                "Authorization", bearer(onboardingToken(http, pending)));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return pending.withPassword(password);
    }

    /** A new active Field Agent at Ibombo, created by {@code adminToken}. */
    static Member activeMember(Http http, Inbox inbox, String recipientField, String adminToken) {
        return onboard(http, invite(http, inbox, recipientField, adminToken, ada()));
    }
}
