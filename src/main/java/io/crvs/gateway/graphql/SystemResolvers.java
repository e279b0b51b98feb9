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
    private final ClientRegistry clients;

    SystemResolvers(ClientRegistry clients) {
        this.clients = clients;
    }

    RuntimeWiring.Builder wire(RuntimeWiring.Builder wiring) {
        return wiring
                .type("Query", type -> type.dataFetcher("fetchSystem", admin(ClientOperation.REVEAL_KEYS, (env, actor) ->
                        dto(clients.get(env.getArgument("clientId")), Optional.of(clients.reveal(env.getArgument("clientId"), actor).shaSecret())))))
                .type("Mutation", type -> type
                        .dataFetcher("registerSystem", admin(ClientOperation.CREATE, this::register))
                        .dataFetcher("refreshSystemSecret", admin(ClientOperation.REFRESH_SECRET, (env, actor) -> {
                            var issued = clients.refreshSecret(env.getArgument("clientId"), actor);
                            return Map.of("clientSecret", issued.clientSecret(), "system", dto(issued.client(), Optional.empty()));
                        }))
                        .dataFetcher("updatePermissions", admin(ClientOperation.UPDATE_PERMISSIONS, this::updatePermissions))
                        .dataFetcher("deactivateSystem", admin(ClientOperation.DEACTIVATE, (env, actor) ->
                                dto(clients.deactivate(env.getArgument("clientId"), actor), Optional.empty())))
                        .dataFetcher("reactivateSystem", admin(ClientOperation.ENABLE, (env, actor) ->
                                dto(clients.enable(env.getArgument("clientId"), actor), Optional.empty())))
                        .dataFetcher("deleteSystem", admin(ClientOperation.DELETE, (env, actor) ->
                                dto(clients.delete(env.getArgument("clientId"), actor), Optional.empty()))));
    }

    private Object register(DataFetchingEnvironment env, Actor actor) {
        Map<String, Object> input = env.getArgument("system");
        if (input == null) {
            throw new ValidationException("system", "is required");
        }
        var type = ClientType.require((String) input.get("type"), "system.type");
        var settings = Optional.ofNullable((Map<String, Object>) input.get("settings")).map(SystemResolvers::settings);
        var issued = clients.create(new NewClient(type, (String) input.get("name"),
                Optional.ofNullable((String) input.get("integratingSystemType")), settings), actor);
        return Map.of("clientSecret", issued.clientSecret(), "system", dto(issued.client(), issued.shaSecret()));
    }

    private Object updatePermissions(DataFetchingEnvironment env, Actor actor) {
        Map<String, Object> setting = env.getArgument("setting");
        var webhook = settings(Map.of("webhook", setting.get("webhook"))).webhook();
        return dto(clients.updateWebhookPermissions((String) setting.get("clientId"), webhook, actor), Optional.empty());
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

    /** OpenCRVS's {@code pickSystem}: {@code _id, clientId, shaSecret, status, name, type, integratingSystemType, settings}. */
    static Map<String, Object> dto(IntegrationClient client, Optional<String> shaSecret) {
        var dto = new LinkedHashMap<String, Object>();
        dto.put("_id", client.id());
        dto.put("clientId", client.clientId());
        dto.put("shaSecret", shaSecret.orElse(null));
        dto.put("status", client.status().wireName());
        dto.put("name", client.name());
        dto.put("type", client.type().name());
        dto.put("integratingSystemType", client.integratingSystemType().orElse(null));
        dto.put("settings", client.settings().map(s -> Map.of("dailyQuota", s.dailyQuota(), "webhook",
                s.webhook().stream().map(w -> Map.of("event", w.event(), "permissions", w.permissions())).toList()))
                .orElse(null));
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
