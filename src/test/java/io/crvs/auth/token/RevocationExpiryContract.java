package io.crvs.auth.token;

import static org.assertj.core.api.Assertions.assertThat;

import io.crvs.auth.ClientType;
import io.crvs.testkit.AppContract;
import io.crvs.testkit.Http;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Revocations and the passing of time, with the server's clock moved forward (never back: in a class of its own).
 * The bearer check allows 60 s of clock skew after {@code exp}; the deny-list must hold a revoked token for at
 * least that long, whatever housekeeping does. Introspection, the server's own word on its token, allows none.
 */
public abstract class RevocationExpiryContract extends AppContract {

    private int whoami(String token) {
        return http().get("/whoami", "Authorization", Http.bearer(token)).status();
    }

    @Test
    void revokedTokenWhenHousekeepingRunsInsideTheExpirySkewThenStillRefused() {
        var client = app.createClient(ClientType.HEALTH);
        var revoked = app.token(client);
        var control = app.token(client);
        assertThat(http().postJson("/invalidateToken", Map.of("token", revoked)).status()).isEqualTo(200);
        assertThat(whoami(revoked)).isEqualTo(401);
        app.clock().advance(Duration.ofSeconds(610));
        app.app().auth().maintain();
        assertThat(whoami(control)).as("an unrevoked token 10 s past exp is inside the skew").isEqualTo(200);
        assertThat(whoami(revoked)).as("the revoked token of the same age").isEqualTo(401);
        assertThat(http().postJson("/verifyToken", Map.of("token", revoked)).json().path("valid").asBoolean()).isFalse();
    }

    @Test
    void introspectWhenPastExpButInsideTheBearerCheckSkewThenInactive() {
        var client = app.createClient(ClientType.HEALTH);
        var token = app.token(client);
        var form = Map.of("token", token, "client_id", client.client().clientId(), "client_secret", client.clientSecret());
        assertThat(http().postForm("/introspect", form).json().path("active").asBoolean()).isTrue();
        app.clock().advance(Duration.ofSeconds(601));
        assertThat(whoami(token)).as("a token just past exp is inside the bearer check's skew").isEqualTo(200);
        var introspected = http().postForm("/introspect", form);
        assertThat(introspected.status()).as(introspected.toString()).isEqualTo(200);
        assertThat(introspected.body()).isEqualTo("{\"active\":false}");
    }
}
