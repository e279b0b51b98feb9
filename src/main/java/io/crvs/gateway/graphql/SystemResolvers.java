package io.crvs.gateway.graphql;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import io.crvs.auth.Caller;
import io.crvs.auth.ClientOperation;
import io.crvs.auth.ClientRegistry;
import io.crvs.auth.ClientSettings;
import io.crvs.auth.ClientType;
import io.crvs.auth.IntegrationClient;
import io.crvs.auth.NewClient;
import io.crvs.auth.Scopes;
import io.crvs.platform.audit.Actor;
import io.crvs.platform.problem.ForbiddenException;
import io.crvs.platform.problem.ValidationException;
import io.crvs.users.User;
import io.crvs.users.UsersModule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The integration-client operations of OpenCRVS's gateway (interop §3.4), each allowed only to a National System
 * Administrator. Results are shaped as OpenCRVS's {@code pickSystem} DTO.
 */
final class SystemResolvers {
    private static final ClientSettings NO_SETTINGS = new ClientSettings(ClientSettings.DEFAULT_DAILY_QUOTA, List.of());

    private final ClientRegistry clients;
    private final UsersModule users;

    SystemResolvers(ClientRegistry clients, UsersModule users) {
        this.clients = clients;
        this.users = users;
    }

    RuntimeWiring.Builder wire(RuntimeWiring.Builder wiring) {
        return wiring
                // fetchSystem is OpenCRVS's way to read the key: a failed one is audited as a failed reveal.
                .type("Query", type -> type.dataFetcher("fetchSystem", admin(ClientOperation.REVEAL_KEYS, (env, actor) ->
                        system(env, clients.get(env.getArgument("clientId")), actor))))
                .type("Mutation", type -> type
                        .dataFetcher("registerSystem", admin(ClientOperation.CREATE, this::register))
                        .dataFetcher("refreshSystemSecret", admin(ClientOperation.REFRESH_SECRET, (env, actor) -> {
                            var issued = clients.refreshSecret(env.getArgument("clientId"), actor);
                            return Map.of("clientSecret", issued.clientSecret(), "system", system(env, issued.client(), actor));
                        }))
                        .dataFetcher("updatePermissions", admin(ClientOperation.UPDATE_PERMISSIONS, this::updatePermissions))
                        .dataFetcher("deactivateSystem", admin(ClientOperation.DEACTIVATE, (env, actor) ->
                                system(env, clients.deactivate(env.getArgument("clientId"), actor), actor)))
                        .dataFetcher("reactivateSystem", admin(ClientOperation.ENABLE, (env, actor) ->
                                system(env, clients.enable(env.getArgument("clientId"), actor), actor)))
                        .dataFetcher("deleteSystem", admin(ClientOperation.DELETE, this::delete)));
    }

    private Object register(DataFetchingEnvironment env, Actor actor) {
        Map<String, Object> input = env.getArgument("system");
        if (input == null) {
            throw new ValidationException("system", "is required");
        }
        var type = ClientType.require((String) input.get("type"), "system.type");
        var settings = Optional.ofNullable((Map<String, Object>) input.get("settings")).map(SystemResolvers::settings);
        var issued = clients.create(new NewClient(type, name((String) input.get("name"), actor),
                Optional.ofNullable((String) input.get("integratingSystemType")), settings), actor);
        return Map.of("clientSecret", issued.clientSecret(), "system", dto(issued.client(), issued.shaSecret()));
    }

    /**
     * OpenCRVS names a system after the administrator who registers it when the name is empty (interop §3.2). Only
     * the empty string: a name of spaces stays the validation error crvs gives for any blank name.
     */
    private String name(String given, Actor actor) {
        if (given == null || !given.isEmpty()) {
            return given;
        }
        return users.find(actor.id()).map(User::username).orElse(given);
    }

    private Object updatePermissions(DataFetchingEnvironment env, Actor actor) {
        Map<String, Object> setting = env.getArgument("setting");
        var webhook = settings(Map.of("webhook", setting.get("webhook"))).webhook();
        return system(env, clients.updateWebhookPermissions((String) setting.get("clientId"), webhook, actor), actor);
    }

    /** A deleted client's key can no longer be read: it is read (when asked for) before the client goes. */
    private Object delete(DataFetchingEnvironment env, Actor actor) {
        String ref = env.getArgument("clientId");
        var key = keyIfSelected(env, ref, actor);
        return dto(clients.delete(ref, actor), key);
    }

    /** The DTO of a client that still exists, with its webhook signing key when the document selects it. */
    private Map<String, Object> system(DataFetchingEnvironment env, IntegrationClient client, Actor actor) {
        return dto(client, keyIfSelected(env, client.id(), actor));
    }

    /**
     * OpenCRVS returns {@code shaSecret} from every operation and its admin UI shows it; the caller is a National
     * System Administrator, who may reveal it anyway. Each disclosure goes through the audited reveal, so only a
     * document that selects the key causes one.
     */
    private Optional<String> keyIfSelected(DataFetchingEnvironment env, String ref, Actor actor) {
        var selection = env.getSelectionSet();
        if (!selection.contains("shaSecret") && !selection.contains("system/shaSecret")) {
            return Optional.empty();
        }
        return Optional.of(clients.reveal(ref, actor).shaSecret());
    }

    @SuppressWarnings("unchecked")
    private static ClientSettings settings(Map<String, Object> input) {
        var entries = Optional.ofNullable((List<Map<String, Object>>) input.get("webhook")).orElse(List.of());
        // The schema's [WebhookInput] admits null entries: kept, for ClientSettings.of to refuse by position.
        var webhook = entries.stream().map(w -> w == null ? null : new ClientSettings.WebhookPermission(
                (String) w.get("event"), Optional.ofNullable((List<String>) w.get("permissions")).orElse(List.of())
                        .stream().filter(Objects::nonNull).toList())).toList();
        return ClientSettings.of((Integer) input.get("dailyQuota"), webhook);
    }

    /**
     * OpenCRVS's {@code pickSystem}: {@code _id, clientId, shaSecret, status, name, type, integratingSystemType,
     * settings}. {@code shaSecret} is empty only when the document does not select it. A client without settings
     * shows the defaults OpenCRVS's model gives every system: quota 0, no webhook permissions.
     */
    static Map<String, Object> dto(IntegrationClient client, Optional<String> shaSecret) {
        var settings = client.settings().orElse(NO_SETTINGS);
        var dto = new LinkedHashMap<String, Object>();
        dto.put("_id", client.id());
        dto.put("clientId", client.clientId());
        dto.put("shaSecret", shaSecret.orElse(null));
        dto.put("status", client.status().wireName());
        dto.put("name", client.name());
        dto.put("type", client.type().name());
        dto.put("integratingSystemType", client.integratingSystemType().orElse(null));
        dto.put("settings", Map.of("dailyQuota", settings.dailyQuota(), "webhook",
                settings.webhook().stream().map(w -> Map.of("event", w.event(), "permissions", w.permissions())).toList()));
        return dto;
    }

    /**
     * A resolver that runs only for a National System Administrator, with the caller as audit actor. The registry
     * audits what it does; an attempt that fails, a refused caller included, is audited here.
     */
    private DataFetcher<Object> admin(ClientOperation operation, Resolver resolver) {
        return env -> {
            Caller caller = env.getGraphQlContext().get(GraphqlEndpoint.CALLER);
            Actor actor = env.getGraphQlContext().get(GraphqlEndpoint.ACTOR);
            try {
                if (!caller.hasScope(Scopes.NATLSYSADMIN)) {
                    throw new ForbiddenException("insufficient_scope", "User does not have a natlsysadmin scope");
                }
                return resolver.resolve(env, actor);
            } catch (RuntimeException e) {
                clients.auditFailure(operation, clientRef(env), actor, e);
                throw e;
            }
        };
    }

    /** The client an operation names: {@code clientId}, or {@code setting.clientId} for updatePermissions. */
    private static String clientRef(DataFetchingEnvironment env) {
        String clientId = env.getArgument("clientId");
        Map<String, Object> setting = env.getArgument("setting");
        return clientId != null || setting == null ? clientId : (String) setting.get("clientId");
    }

    @FunctionalInterface
    private interface Resolver {
        Object resolve(DataFetchingEnvironment env, Actor actor);
    }
}
