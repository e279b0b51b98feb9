package io.crvs.auth;

import java.util.Optional;

/** What an administrator supplies to create a client; everything else (ids, secrets, scope) crvs decides. */
public record NewClient(ClientType type, String name, Optional<String> integratingSystemType,
        Optional<ClientSettings> settings) {
}
