package io.crvs.auth.client;

import io.crvs.auth.store.ClientStore;
import io.crvs.auth.store.StoredClient;
import io.crvs.platform.db.Database;
import java.util.Optional;

/**
 * Checks a client_id and secret. Unknown client, wrong secret and deactivated client are told apart only in the
 * result's reason (for the audit log); every path hashes once and compares in constant time, and the secret is
 * checked before the status so a deactivated client costs the same as an active one. Thread-safe.
 */
public final class ClientAuthenticator {
    private final Database database;
    private final ClientStore clients;
    private final ClientSecretHasher hasher;

    public ClientAuthenticator(Database database, ClientStore clients, ClientSecretHasher hasher) {
        this.database = database;
        this.clients = clients;
        this.hasher = hasher;
    }

    public ClientAuthentication authenticate(String clientId, String secret) {
        var found = clientId.length() > 64
                ? Optional.<StoredClient>empty()
                : database.withHandle(handle -> clients.findByClientId(handle, clientId));
        if (found.isEmpty()) {
            hasher.verifyDummy(secret);
            return new ClientAuthentication.Refused(ClientAuthentication.Refused.UNKNOWN_CLIENT);
        }
        var stored = found.get();
        if (!hasher.verify(stored.secretSalt(), stored.secretHash(), secret)) {
            return new ClientAuthentication.Refused(ClientAuthentication.Refused.WRONG_SECRET);
        }
        if (!stored.client().isActive()) {
            return new ClientAuthentication.Refused(ClientAuthentication.Refused.DEACTIVATED);
        }
        return new ClientAuthentication.Authenticated(stored.client());
    }
}
