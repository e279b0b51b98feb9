package io.crvs.auth;

import io.crvs.platform.audit.Actor;
import java.util.List;
import java.util.Optional;

/**
 * Integration clients and their life cycle. Every change is audited in the same transaction, and every failed
 * attempt through {@link #auditFailure}. {@code ref} is either the internal id or the client_id. Unknown
 * references raise {@code ClientNotFoundException} (404).
 */
public interface ClientRegistry {
    IssuedClient create(NewClient request, Actor actor);

    List<IntegrationClient> list();

    Optional<IntegrationClient> find(String ref);

    IntegrationClient get(String ref);

    /** The client_id and the decrypted webhook signing key; the disclosure itself is audited. */
    ClientKeys reveal(String ref, Actor actor);

    /** A new secret; the old one fails at once and tokens issued before now are refused. */
    IssuedClient refreshSecret(String ref, Actor actor);

    /** Stops token issuance and refuses the client's existing tokens at once. */
    IntegrationClient deactivate(String ref, Actor actor);

    IntegrationClient enable(String ref, Actor actor);

    /**
     * Replaces a WEBHOOK client's permissions (which sections of a birth or death record each event may carry);
     * OpenCRVS's {@code updatePermissions}. The daily quota is kept.
     */
    IntegrationClient updateWebhookPermissions(String ref, List<ClientSettings.WebhookPermission> webhook,
            Actor actor);

    /** Removes the client and its secrets; its tokens stop working at once. */
    IntegrationClient delete(String ref, Actor actor);

    /**
     * Audits an attempt at {@code operation} that did not happen, for the callers of this registry (HTTP,
     * GraphQL, command line), whose own refusals (authentication, input) never reach it: outcome {@code denied}
     * for a refused caller (401, 403), {@code failure} otherwise, with the error's stable code as the reason.
     * {@code ref} is the client the request named, if any. Never throws: the caller is answering an error.
     */
    void auditFailure(ClientOperation operation, String ref, Actor actor, Exception failure);
}
