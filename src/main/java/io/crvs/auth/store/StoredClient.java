package io.crvs.auth.store;

import io.crvs.auth.IntegrationClient;

/** A client row with its secret material: the keyed hash of the secret and the sealed webhook key. */
public record StoredClient(IntegrationClient client, String secretSalt, String secretHash, String sealedShaSecret) {
    @Override
    public String toString() {
        return "StoredClient[" + client.id() + "]";
    }
}
