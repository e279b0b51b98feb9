package io.crvs.gateway.graphql;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import io.crvs.auth.Caller;
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
import java.util.ArrayList;
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
    private static final ClientSettings NO_SETTINGS = new ClientSettings(0, List.of());

    private final ClientRegistry clients;
    private final UsersModule users;

    SystemResolvers(ClientRegistry clients, UsersModule users) {
        this.clients = clients;
        this.users = users;
    }

    RuntimeWiring.Builder wire(RuntimeWiring.Builder wiring) {
        return wiring
                .type("Query", type -> type.dataFetcher("fetchSystem", admin((env, actor) ->
                        system(env, clients.get(env.getArgument("clientId")), actor))))
                .type("Mutation", type -> type
                        .dataFetcher("registerSystem", admin(this::register))
                        .dataFetcher("refreshSystemSecret", admin((env, actor) -> {
                            var issued = clients.refreshSecret(env.getArgument("clientId"), actor);
                            return Map.of("clientSecret", issued.clientSecret(), "system", system(env, issued.client(), actor));
                        }))
                        .dataFetcher("updatePermissions", admin(this::updatePermissions))
                        .dataFetcher("deactivateSystem", admin((env, actor) ->
                                system(env, clients.deactivate(env.getArgument("clientId"), actor), actor)))
                        .dataFetcher("reactivateSystem", admin((env, actor) ->
                                system(env, clients.enable(env.getArgument("clientId"), actor), actor)))
                        .dataFetcher("deleteSystem", admin(this::delete)));
    }

    private Object register(DataFetchingEnvironment env, Actor actor) {
        Map<String, Object> input = env.getArgument("system");
        if (input == null) {
            throw new ValidationException("system", "is required");
        }
        var type = ClientType.parse((String) input.get("type"))
                .orElseThrow(() -> new ValidationException("system.type", "is not a system type"));
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
        var quota = input.get("dailyQuota") instanceof Integer q ? q : 0;
        var entries = Optional.ofNullable((List<Map<String, Object>>) input.get("webhook")).orElse(List.of());
        var webhook = new ArrayList<ClientSettings.WebhookPermission>();
        for (int i = 0; i < entries.size(); i++) {
            var w = entries.get(i);
            // The schema's [WebhookInput] admits null entries.
            if (w == null) {
                throw new ValidationException("settings.webhook[" + i + "]", "must be an object with an event");
            }
            webhook.add(new ClientSettings.WebhookPermission((String) w.get("event"),
                    Optional.ofNullable((List<String>) w.get("permissions")).orElse(List.of()).stream()
                            .filter(Objects::nonNull).toList()));
        }
        return new ClientSettings(quota, List.copyOf(webhook));
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

    /** A resolver that runs only for a National System Administrator, with the caller as audit actor. */
    private static DataFetcher<Object> admin(Resolver resolver) {
        return env -> {
            Caller caller = env.getGraphQlContext().get(GraphqlEndpoint.CALLER);
            if (!caller.hasScope(Scopes.NATLSYSADMIN)) {
                throw new ForbiddenException("insufficient_scope", "User does not have a natlsysadmin scope");
            }
            Actor actor = env.getGraphQlContext().get(GraphqlEndpoint.ACTOR);
            return resolver.resolve(env, actor);
        };
    }

    @FunctionalInterface
    private interface Resolver {
        Object resolve(DataFetchingEnvironment env, Actor actor);
    }
}
