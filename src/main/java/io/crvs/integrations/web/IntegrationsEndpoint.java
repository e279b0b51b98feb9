package io.crvs.integrations.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.crvs.auth.Audiences;
import io.crvs.auth.BearerChallenge;
import io.crvs.auth.Caller;
import io.crvs.auth.ClientOperation;
import io.crvs.auth.ClientRegistry;
import io.crvs.auth.ClientSettings;
import io.crvs.auth.ClientType;
import io.crvs.auth.NewClient;
import io.crvs.auth.Scopes;
import io.crvs.auth.TokenVerifier;
import io.crvs.integrations.ClientViews;
import io.crvs.platform.audit.Actor;
import io.crvs.platform.http.Endpoint;
import io.crvs.platform.http.Requests;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The integration-client admin API for National System Administrators (scope {@code natlsysadmin}), as JSON over
 * REST: the operations OpenCRVS offers through GraphQL (interop §3.4) plus list, show and reveal.
 */
public final class IntegrationsEndpoint implements Endpoint {
    private final ClientRegistry clients;
    private final TokenVerifier verifier;
    private final ObjectMapper json;

    public IntegrationsEndpoint(ClientRegistry clients, TokenVerifier verifier, ObjectMapper json) {
        this.clients = clients;
        this.verifier = verifier;
        this.json = json;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/integrations", ctx -> {
            requireAdmin(caller(ctx));
            write(ctx, 200, clients.list().stream().map(ClientViews::client).toList());
        });
        routes.post("/integrations", audited(ClientOperation.CREATE, this::create));
        routes.get("/integrations/{id}", ctx -> {
            requireAdmin(caller(ctx));
            write(ctx, 200, ClientViews.client(clients.get(ctx.pathParam("id"))));
        });
        routes.post("/integrations/{id}/reveal", audited(ClientOperation.REVEAL_KEYS, fieldless((ctx, actor) ->
                writeSecret(ctx, 200, ClientViews.keys(clients.reveal(ctx.pathParam("id"), actor))))));
        routes.post("/integrations/{id}/refresh-secret", audited(ClientOperation.REFRESH_SECRET, fieldless((ctx, actor) ->
                writeSecret(ctx, 200, ClientViews.issued(clients.refreshSecret(ctx.pathParam("id"), actor))))));
        routes.post("/integrations/{id}/deactivate", audited(ClientOperation.DEACTIVATE, fieldless((ctx, actor) ->
                write(ctx, 200, ClientViews.client(clients.deactivate(ctx.pathParam("id"), actor))))));
        routes.post("/integrations/{id}/enable", audited(ClientOperation.ENABLE, fieldless((ctx, actor) ->
                write(ctx, 200, ClientViews.client(clients.enable(ctx.pathParam("id"), actor))))));
        routes.post("/integrations/{id}/permissions", audited(ClientOperation.UPDATE_PERMISSIONS, (ctx, actor) -> {
            var body = Requests.json(ctx, json, PermissionsRequest.class);
            write(ctx, 200, ClientViews.client(clients.updateWebhookPermissions(ctx.pathParam("id"),
                    body.webhook() == null ? List.of() : body.webhook(), actor)));
        }));
        routes.delete("/integrations/{id}", audited(ClientOperation.DELETE, fieldless((ctx, actor) ->
                write(ctx, 200, ClientViews.client(clients.delete(ctx.pathParam("id"), actor))))));
    }

    private void create(Context ctx, Actor actor) throws Exception {
        var body = Requests.json(ctx, json, CreateClientRequest.class);
        var type = ClientType.require(body.type(), "type");
        var systemType = Optional.ofNullable(body.integratingSystemType())
                .or(() -> Optional.ofNullable(body.integratingSystemTypeSnake()));
        var settings = Optional.ofNullable(body.settings()).map(CreateClientRequest.Settings::settings);
        var issued = clients.create(new NewClient(type, body.name(), systemType, settings), actor);
        ctx.header("Location", "/integrations/" + issued.client().id());
        writeSecret(ctx, 201, ClientViews.issued(issued));
    }

    /**
     * A change to clients for a National System Administrator. The registry audits what it does; every attempt
     * that fails here, a refused caller included (401, 403), is audited too, before it is answered.
     */
    private Handler audited(ClientOperation operation, Operation action) {
        return ctx -> {
            var actor = Requests.actor(ctx);
            try {
                var caller = caller(ctx);
                actor = actor.as(caller.actorType(), caller.subject());
                requireAdmin(caller);
                action.run(ctx, actor);
            } catch (Exception e) {
                clients.auditFailure(operation, ctx.pathParamMap().get("id"), actor, e);
                throw e;
            }
        };
    }

    /** An operation that takes no fields: a body, if any, must be {@code {}}, so a garbled request changes nothing. */
    private Operation fieldless(Operation action) {
        return (ctx, actor) -> {
            Requests.noFields(ctx, json);
            action.run(ctx, actor);
        };
    }

    /** What an audited route does once its caller is known to be a National System Administrator. */
    @FunctionalInterface
    private interface Operation {
        void run(Context ctx, Actor actor) throws Exception;
    }

    /** Body of {@code POST /integrations/{id}/permissions}: OpenCRVS's {@code updatePermissions}. */
    record PermissionsRequest(List<ClientSettings.WebhookPermission> webhook) {
    }

    /** Any valid token for user-mgnt: known before the scope check, so that a refused caller is named in the audit. */
    private Caller caller(Context ctx) {
        return verifier.authenticate(ctx.header("Authorization"), Audiences.USER_MGNT, Set.of());
    }

    /** Every route here needs a National System Administrator. */
    private static void requireAdmin(Caller caller) {
        if (!caller.hasScope(Scopes.NATLSYSADMIN)) {
            throw BearerChallenge.insufficientScope(Scopes.NATLSYSADMIN);
        }
    }

    private void write(Context ctx, int status, Object body) throws Exception {
        ctx.status(status).contentType("application/json").result(json.writeValueAsBytes(body));
    }

    /** Every response carries {@code Cache-Control: no-store}; one with a secret also the HTTP/1.0 equivalent. */
    private void writeSecret(Context ctx, int status, Object body) throws Exception {
        ctx.header("Pragma", "no-cache");
        write(ctx, status, body);
    }
}
