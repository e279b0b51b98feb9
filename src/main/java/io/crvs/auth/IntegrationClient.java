package io.crvs.auth;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An integration client as everyone but the secret store sees it: no secret, no hash, no webhook key.
 *
 * @param id internal id, the {@code sub} of its tokens
 * @param clientId the public identifier it authenticates with
 * @param integratingSystemType for NATIONAL_ID clients: MOSIP or OTHER
 * @param settings OpenCRVS {@code settings} (daily quota, webhook permissions), for RECORD_SEARCH and WEBHOOK clients
 * @param tokenGeneration moved on by every secret refresh and deactivation; client tokens carry the generation they
 *     were issued in, and those of an earlier one are refused
 */
public record IntegrationClient(String id, String clientId, String name, ClientType type,
        Optional<String> integratingSystemType, List<String> scope, ClientStatus status, String createdBy,
        Instant createdAt, Instant updatedAt, Optional<ClientSettings> settings, long tokenGeneration) {

    public IntegrationClient {
        scope = List.copyOf(scope);
    }

    public boolean isActive() {
        return status == ClientStatus.ACTIVE;
    }
}
