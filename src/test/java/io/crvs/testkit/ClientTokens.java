package io.crvs.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.crvs.testkit.Http.Response;
import java.util.Map;

/**
 * {@code POST /token} as an integration client asks for a token: the client-credentials grant with id and secret
 * in a form body. Contracts about the token endpoint itself spell out their variants; everyone else uses this.
 */
public final class ClientTokens {
    private ClientTokens() {
    }

    public static Response request(Http http, String clientId, String secret, String... headers) {
        return http.postForm("/token", Map.of("grant_type", "client_credentials", "client_id", clientId,
                "client_secret", secret), headers);
    }

    /** The access token of a request that must succeed. */
    public static String accessToken(Http http, String clientId, String secret) {
        var response = request(http, clientId, secret);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("access_token").asText();
    }
}
