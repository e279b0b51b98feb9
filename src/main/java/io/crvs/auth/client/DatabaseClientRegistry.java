package io.crvs.auth.client;

import io.crvs.auth.ClientKeys;
import io.crvs.auth.ClientNotFoundException;
import io.crvs.auth.ClientOperation;
import io.crvs.auth.ClientRegistry;
import io.crvs.auth.ClientSettings;
import io.crvs.auth.ClientType;
import io.crvs.auth.ClientStatus;
import io.crvs.auth.IntegrationClient;
import io.crvs.auth.IssuedClient;
import io.crvs.auth.NewClient;
import io.crvs.auth.store.ClientStore;
import io.crvs.auth.store.StoredClient;
import io.crvs.platform.audit.Actor;
import io.crvs.platform.audit.AuditEvent;
import io.crvs.platform.audit.AuditLog;
import io.crvs.platform.crypto.RandomTokens;
import io.crvs.platform.crypto.SecretBox;
import io.crvs.platform.db.Database;
import io.crvs.platform.problem.ConflictException;
import io.crvs.platform.problem.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link ClientRegistry} over the database; each operation is one transaction that includes its audit entry. */
public final class DatabaseClientRegistry implements ClientRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseClientRegistry.class);
    private static final int SECRET_BYTES = 32;
    private static final String SUBJECT_TYPE = "integration_client";

    private final Database database;
    private final ClientStore store;
    private final ClientSecretHasher hasher;
    private final SecretBox secretBox;
    private final AuditLog audit;
    private final Clock clock;

    public DatabaseClientRegistry(Database database, ClientStore store, ClientSecretHasher hasher,
            SecretBox secretBox, AuditLog audit, Clock clock) {
        this.database = database;
        this.store = store;
        this.hasher = hasher;
        this.secretBox = secretBox;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public IssuedClient create(NewClient request, Actor actor) {
        var checked = ClientRules.normalise(request);
        var nameKey = ClientRules.nameKey(checked.name());
        // Both databases keep microseconds: the creation response must show the timestamps later reads return.
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        var id = RandomTokens.objectId(now.getEpochSecond());
        var secret = RandomTokens.base64url(SECRET_BYTES);
        var shaSecret = RandomTokens.base64url(SECRET_BYTES);
        var salt = ClientSecretHasher.newSalt();
        var client = new IntegrationClient(id, RandomTokens.uuid(), checked.name(), checked.type(),
                checked.integratingSystemType(), checked.type().scopes(), ClientStatus.ACTIVE,
                actor.id() == null ? actor.type() : actor.id(), now, now, checked.settings(), 0);
        var stored = new StoredClient(client, salt, hasher.hash(salt, secret), secretBox.seal(shaSecret, id));
        try {
            database.inTransaction(handle -> {
                refuseDuplicates(handle, checked, nameKey);
                store.insert(handle, stored, nameKey);
                audit.append(handle, event(ClientOperation.CREATE, actor, client)
                        .withDetails(Map.of("type", client.type().name(), "name", client.name(), "client_id", client.clientId())));
                return null;
            });
        } catch (RuntimeException e) {
            if (Database.isUniqueViolation(e)) {
                // Lost a race with a concurrent create: report it as the check above would have.
                return database.inTransaction(handle -> {
                    refuseDuplicates(handle, checked, nameKey);
                    throw e;
                });
            }
            throw e;
        }
        return new IssuedClient(client, secret, Optional.of(shaSecret));
    }

    private void refuseDuplicates(Handle handle, NewClient request, String nameKey) {
        if (request.type().isSingleton() && store.existsType(handle, request.type())) {
            throw new ConflictException("client_type_exists",
                    "A " + request.type().name() + " client already exists; only one is allowed");
        }
        if (store.existsName(handle, nameKey)) {
            throw new ConflictException("client_name_taken", "A client named '" + request.name() + "' already exists");
        }
    }

    @Override
    public List<IntegrationClient> list() {
        return database.withHandle(store::list);
    }

    @Override
    public Optional<IntegrationClient> find(String ref) {
        return database.withHandle(handle -> store.findByRef(handle, ref)).map(StoredClient::client);
    }

    @Override
    public IntegrationClient get(String ref) {
        return find(ref).orElseThrow(() -> new ClientNotFoundException(ref));
    }

    @Override
    public ClientKeys reveal(String ref, Actor actor) {
        return database.inTransaction(handle -> {
            var stored = load(handle, ref);
            var client = stored.client();
            audit.append(handle, event(ClientOperation.REVEAL_KEYS, actor, client));
            return new ClientKeys(client.id(), client.clientId(), secretBox.open(stored.sealedShaSecret(), client.id()));
        });
    }

    @Override
    public IssuedClient refreshSecret(String ref, Actor actor) {
        var secret = RandomTokens.base64url(SECRET_BYTES);
        var salt = ClientSecretHasher.newSalt();
        var now = clock.instant();
        var client = database.inTransaction(handle -> {
            var current = load(handle, ref).client();
            store.updateSecret(handle, current.id(), salt, hasher.hash(salt, secret), now);
            store.retireTokens(handle, current.id());
            audit.append(handle, event(ClientOperation.REFRESH_SECRET, actor, current));
            return store.findByRef(handle, current.id()).orElseThrow().client();
        });
        return new IssuedClient(client, secret, Optional.empty());
    }

    @Override
    public IntegrationClient deactivate(String ref, Actor actor) {
        return changeStatus(ref, actor, ClientStatus.DEACTIVATED, ClientOperation.DEACTIVATE);
    }

    @Override
    public IntegrationClient enable(String ref, Actor actor) {
        return changeStatus(ref, actor, ClientStatus.ACTIVE, ClientOperation.ENABLE);
    }

    /**
     * Idempotent: asking for the status a client already has changes nothing but is still audited. Deactivation
     * also retires the client's tokens, so re-enabling a client does not revive tokens issued before.
     */
    private IntegrationClient changeStatus(String ref, Actor actor, ClientStatus status, ClientOperation operation) {
        var now = clock.instant();
        return database.inTransaction(handle -> {
            var current = load(handle, ref).client();
            if (current.status() != status) {
                store.updateStatus(handle, current.id(), status, now);
                if (status == ClientStatus.DEACTIVATED) {
                    store.retireTokens(handle, current.id());
                }
            }
            audit.append(handle, event(operation, actor, current)
                    .withDetails(Map.of("previous_status", current.status().wireName())));
            return store.findByRef(handle, current.id()).orElseThrow().client();
        });
    }

    @Override
    public IntegrationClient updateWebhookPermissions(String ref, List<ClientSettings.WebhookPermission> webhook,
            Actor actor) {
        var now = clock.instant();
        return database.inTransaction(handle -> {
            var current = load(handle, ref).client();
            if (current.type() != ClientType.WEBHOOK) {
                throw new ConflictException("not_a_webhook_client", "Only WEBHOOK clients have webhook permissions");
            }
            var quota = current.settings().map(ClientSettings::dailyQuota).orElse(0);
            var settings = ClientRules.checkPermissions(new ClientSettings(quota, webhook));
            store.updateSettings(handle, current.id(), settings, now);
            audit.append(handle, event(ClientOperation.UPDATE_PERMISSIONS, actor, current)
                    .withDetails(Map.of("events", webhook.stream().map(ClientSettings.WebhookPermission::event).toList())));
            return store.findByRef(handle, current.id()).orElseThrow().client();
        });
    }

    @Override
    public IntegrationClient delete(String ref, Actor actor) {
        return database.inTransaction(handle -> {
            var current = load(handle, ref).client();
            store.delete(handle, current.id());
            audit.append(handle, event(ClientOperation.DELETE, actor, current)
                    .withDetails(Map.of("type", current.type().name(), "name", current.name(), "client_id", current.clientId())));
            return current;
        });
    }

    @Override
    public void auditFailure(ClientOperation operation, String ref, Actor actor, Exception failure) {
        var event = failure instanceof ProblemException problem
                ? failed(operation, ref, actor, problem)
                : new AuditEvent(operation.action(), AuditEvent.Outcome.FAILURE, actor, SUBJECT_TYPE, ref,
                        "internal_error", Map.of());
        try {
            audit.record(event);
        } catch (RuntimeException e) {
            LOG.error("Could not audit a failed {} (reason {})", operation.action(), event.reason());
        }
    }

    /** The error's code and text (which never hold a secret: crvs makes secrets, callers do not send them). */
    private static AuditEvent failed(ClientOperation operation, String ref, Actor actor, ProblemException problem) {
        var outcome = problem.status() == 401 || problem.status() == 403
                ? AuditEvent.Outcome.DENIED : AuditEvent.Outcome.FAILURE;
        var details = new LinkedHashMap<String, Object>();
        details.put("status", problem.status());
        details.put("detail", problem.detail());
        if (!problem.errors().isEmpty()) {
            details.put("fields", problem.errors().stream().map(ProblemException.FieldError::field).toList());
        }
        return new AuditEvent(operation.action(), outcome, actor, SUBJECT_TYPE, ref, problem.code(), details);
    }

    private StoredClient load(Handle handle, String ref) {
        return store.findByRef(handle, ref).orElseThrow(() -> new ClientNotFoundException(ref));
    }

    private static AuditEvent event(ClientOperation operation, Actor actor, IntegrationClient client) {
        return AuditEvent.success(operation.action(), actor, SUBJECT_TYPE, client.id());
    }
}
