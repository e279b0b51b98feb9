package io.crvs.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.crvs.testkit.AppContract;
import io.crvs.testkit.Http;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Token expiry on the bearer check, with the server's clock moved forward. In a class of its own: the clock never
 * goes back, so every test here issues its tokens first and only then travels.
 */
public abstract class BearerExpiryContract extends AppContract {

    @Test
    void whoamiWhenTokenExpiredBeyondSkewThenInvalidTokenAndNewTokensStillWork() {
        var client = app.createClient(ClientType.HEALTH);
        var token = app.token(client);
        app.clock().advance(Duration.ofSeconds(590));
        assertThat(http().get("/whoami", "Authorization", Http.bearer(token)).status()).as("before exp").isEqualTo(200);
        app.clock().advance(Duration.ofSeconds(71));
        var response = http().get("/whoami", "Authorization", Http.bearer(token));
        BearerContract.assertInvalidToken(response);
        assertThat(response.header("WWW-Authenticate").orElseThrow()).contains("expired");
        assertThat(http().postJson("/verifyToken", Map.of("token", token)).json().path("valid").asBoolean()).isFalse();
        var fresh = app.token(client);
        assertThat(http().get("/whoami", "Authorization", Http.bearer(fresh)).status()).as("fresh token").isEqualTo(200);
    }

    @Test
    void introspectWhenTokenExpiredThenInactive() {
        var client = app.createClient(ClientType.HEALTH);
        var token = app.token(client);
        app.clock().advance(Duration.ofSeconds(661));
        var response = http().postForm("/introspect", Map.of("token", token,
                "client_id", client.client().clientId(), "client_secret", client.clientSecret()));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"active\":false}");
    }
}
