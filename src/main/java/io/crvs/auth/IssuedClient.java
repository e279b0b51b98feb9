package io.crvs.auth;

import java.util.Optional;

/**
 * A client together with a freshly generated secret: the only moment the secret exists in clear. The webhook
 * signing key is included on creation; a secret refresh leaves it unchanged and does not repeat it.
 */
public record IssuedClient(IntegrationClient client, String clientSecret, Optional<String> shaSecret) {
    @Override
    public String toString() {
        return "IssuedClient[" + client.clientId() + ", secret=***]";
    }
}
