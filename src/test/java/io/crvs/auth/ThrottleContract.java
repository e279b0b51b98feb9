package io.crvs.auth;

import static io.crvs.testkit.LowThrottle.ACCOUNT_FAILURES;
import static io.crvs.testkit.LowThrottle.ADDRESS_FAILURES;
import static io.crvs.testkit.LowThrottle.FIRST_LOCK_SECONDS;
import static io.crvs.testkit.LowThrottle.PAIR_FAILURES;
import static org.assertj.core.api.Assertions.assertThat;

import io.crvs.testkit.AppContract;
import io.crvs.testkit.ClientTokens;
import io.crvs.testkit.Http.Response;
import io.crvs.testkit.LowThrottle;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Brute-force throttling of client authentication over real HTTP, with low thresholds: a (client, address) pair,
 * an address and a client are locked out after repeated failures, with 429 and {@code Retry-After}; the lock
 * passes with time and never shuts the genuine client out from where it already succeeded. Each scenario uses
 * addresses of its own (via {@code X-Forwarded-For} from the trusted loopback proxy).
 */
public abstract class ThrottleContract extends AppContract {
    @Override
    protected Map<String, String> environment() {
        return LowThrottle.environment();
    }

    private Response token(String clientId, String secret, String address) {
        return ClientTokens.request(http(), clientId, secret, "X-Forwarded-For", address);
    }

    private Response token(IssuedClient client, String address) {
        return token(client.client().clientId(), client.clientSecret(), address);
    }

    private Response wrong(IssuedClient client, String address) {
        return token(client.client().clientId(), "wrong-" + UUID.randomUUID(), address);
    }

    private static void assertInvalidClient(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(401);
        assertThat(response.json().get("error").asText()).isEqualTo("invalid_client");
    }

    private static void assertThrottled(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(429);
        var retryAfter = response.header("Retry-After").orElseThrow();
        assertThat(retryAfter).matches("[0-9]+");
        assertThat(Long.parseLong(retryAfter)).isBetween(1L, (long) FIRST_LOCK_SECONDS);
        assertThat(response.header("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(response.header("Cache-Control")).hasValue("no-store");
        assertThat(response.json().get("error").asText()).isEqualTo("temporarily_unavailable");
        assertThat(response.json().get("error_description").asText()).isNotBlank();
        assertThat(response.body()).doesNotContain("access_token");
    }

    private static void assertIssued(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("access_token").asText()).isNotBlank();
    }

    @Test
    void tokenWhenPairFailsRepeatedlyThenPairLockedOtherAddressesServedAndLockPasses() {
        var client = app.createClient(ClientType.HEALTH);
        for (int i = 0; i < PAIR_FAILURES; i++) {
            assertInvalidClient(wrong(client, "10.0.0.1"));
        }
        assertThrottled(token(client, "10.0.0.1"));
        assertThrottled(wrong(client, "10.0.0.1"));
        assertIssued(token(client, "10.0.0.2"));
        app.clock().advance(Duration.ofSeconds(FIRST_LOCK_SECONDS + 1));
        assertIssued(token(client, "10.0.0.1"));
    }

    @Test
    void tokenWhenFewerFailuresThanThresholdThenNeverThrottled() {
        var client = app.createClient(ClientType.HEALTH);
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < PAIR_FAILURES - 1; i++) {
                assertInvalidClient(wrong(client, "10.0.0.20"));
            }
            // A success clears the pair's count, so the next failures start again from zero.
            assertIssued(token(client, "10.0.0.20"));
        }
    }

    @Test
    void tokenWhenAddressFailsForManyUnknownClientsThenAddressLockedForAnyClient() {
        for (int i = 0; i < ADDRESS_FAILURES; i++) {
            assertInvalidClient(token(UUID.randomUUID().toString(), "guess", "10.0.0.3"));
        }
        var genuine = app.createClient(ClientType.RECORD_SEARCH);
        assertThrottled(token(genuine, "10.0.0.3"));
        assertThrottled(token(UUID.randomUUID().toString(), "guess", "10.0.0.3"));
        assertIssued(token(genuine, "10.0.0.4"));
    }

    @Test
    void tokenWhenAccountFailsFromManyAddressesThenNewAddressesLockedButTrustedAddressServed() {
        var client = app.createClient(ClientType.WEBHOOK);
        assertIssued(token(client, "10.0.0.50"));
        for (int i = 1; i <= ACCOUNT_FAILURES; i++) {
            assertInvalidClient(wrong(client, "10.0.1." + i));
        }
        assertThrottled(token(client, "10.0.9.9"));
        assertThrottled(token(client, "10.0.1.1"));
        assertIssued(token(client, "10.0.0.50"));
        assertIssued(token(client, "10.0.0.50"));
    }

    @Test
    void tokenWhenAttackerVariesForgeableForwardedForHopsThenStillCountedAtTheRealAddress() {
        var client = app.createClient(ClientType.HEALTH);
        for (int i = 0; i < PAIR_FAILURES; i++) {
            assertInvalidClient(wrong(client, "192.0.2." + i + ", 10.0.0.80"));
        }
        assertThrottled(token(client, "198.51.100.7, 10.0.0.80"));
        assertThrottled(token(client, "10.0.0.80"));
        assertIssued(token(client, "10.0.0.80, 10.0.0.81"));
    }

    @Test
    void legacyAuthenticateSystemClientWhenPairLockedThen429WithRetryAfterInBoomShape() {
        var client = app.createClient(ClientType.HEALTH);
        for (int i = 0; i < PAIR_FAILURES; i++) {
            var refused = http().postJson("/authenticateSystemClient",
                    Map.of("client_id", client.client().clientId(), "client_secret", "wrong"), "X-Forwarded-For", "10.0.0.60");
            assertThat(refused.status()).as(refused.toString()).isEqualTo(401);
        }
        var locked = http().postJson("/authenticateSystemClient",
                Map.of("client_id", client.client().clientId(), "client_secret", client.clientSecret()),
                "X-Forwarded-For", "10.0.0.60");
        assertThat(locked.status()).as(locked.toString()).isEqualTo(429);
        assertThat(locked.json().get("statusCode").asInt()).isEqualTo(429);
        assertThat(Long.parseLong(locked.header("Retry-After").orElseThrow())).isBetween(1L, (long) FIRST_LOCK_SECONDS);
        assertThat(locked.body()).doesNotContain("token\"");
        // The lock earned on the legacy route holds on /token as well.
        assertThrottled(token(client, "10.0.0.60"));
    }

    @Test
    void tokenWhenThrottledThenAuditedAsRefusedThrottledWithoutSecret() {
        var client = app.createClient(ClientType.HEALTH);
        for (int i = 0; i < PAIR_FAILURES; i++) {
            assertInvalidClient(wrong(client, "10.0.0.70"));
        }
        assertThrottled(token(client, "10.0.0.70"));
        var refused = app.app().audit().list(Optional.of(client.client().clientId()), Optional.of("token.refused"),
                Optional.empty(), 100);
        assertThat(refused).anySatisfy(e -> {
            assertThat(e.reason()).isEqualTo("throttled");
            assertThat(e.outcome()).isEqualTo("failure");
            assertThat(e.ip()).isEqualTo("10.0.0.70");
        });
        assertThat(refused).filteredOn(e -> "wrong_secret".equals(e.reason())).hasSize(PAIR_FAILURES);
        var everything = app.app().audit().list(Optional.empty(), Optional.empty(), Optional.empty(), 1000);
        assertThat(everything.toString()).doesNotContain(client.clientSecret());
        assertThat(http().get("/metrics").body()).contains("reason=\"throttled\"");
    }
}
