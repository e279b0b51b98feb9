package io.crvs.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import io.crvs.testkit.Http.Response;
import java.util.List;
import java.util.Map;

/**
 * Staff login over HTTP as OpenCRVS's client does it: {@code POST /authenticate}, then {@code POST /verifyCode}
 * with the development code {@code 000000}; and onboarding of a pending user. Seeded Farajaland users have the
 * password {@code test}.
 */
public final class StaffLogin {
    public static final String SEED_PASSWORD = "test";
    public static final String DEV_CODE = "000000";

    private StaffLogin() {
    }

    public static Response authenticate(Http http, String username, String password) {
        return http.postJson("/authenticate", Map.of("username", username, "password", password));
    }

    /** A full user token for a seeded user. */
    public static String token(Http http, String username) {
        return token(http, username, SEED_PASSWORD);
    }

    /** A full user token: password, then the development second factor. */
    public static String token(Http http, String username, String password) {
        var started = authenticate(http, username, password);
        if (started.status() != 200 || !started.json().hasNonNull("nonce")) {
            throw new AssertionError("Expected a second-factor nonce for " + username + ": " + started);
        }
        var verified = http.postJson("/verifyCode", Map.of("nonce", started.json().get("nonce").asText(), "code", DEV_CODE));
        if (verified.status() != 200) {
            throw new AssertionError("Expected a token for " + username + ": " + verified);
        }
        return verified.json().get("token").asText();
    }

    public static String bearer(Http http, String username) {
        return Http.bearer(token(http, username));
    }

    /** The user's own view ({@code GET /users/me}). */
    public static JsonNode me(Http http, String token) {
        var me = http.get("/users/me", "Authorization", Http.bearer(token));
        if (me.status() != 200) {
            throw new AssertionError("Expected /users/me: " + me);
        }
        return me.json();
    }

    /**
     * Onboards a pending user: first login with the temporary password gives an onboarding token, with which the
     * user sets {@code newPassword} and answers three security questions.
     */
    public static void onboard(Http http, String username, String temporaryPassword, String newPassword) {
        var started = authenticate(http, username, temporaryPassword);
        if (started.status() != 200 || !"pending".equals(started.json().path("status").asText())) {
            throw new AssertionError("Expected an onboarding login for " + username + ": " + started);
        }
        var activated = http.postJson("/users/me/activate", Map.of("password", newPassword, "securityQuestionAnswers",
                List.of(Map.of("questionKey", "BIRTH_TOWN", "answer", "Ibombo"),
                        Map.of("questionKey", "FAVORITE_FOOD", "answer", "Nshima"),
                        Map.of("questionKey", "HIGH_SCHOOL", "answer", "Kabulonga"))),
                "Authorization", Http.bearer(started.json().get("token").asText()));
        if (activated.status() != 200) {
            throw new AssertionError("Expected activation of " + username + ": " + activated);
        }
    }
}
