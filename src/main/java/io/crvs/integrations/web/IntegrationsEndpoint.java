package io.crvs.integrations.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.crvs.auth.Audiences;
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
import io.crvs.platform.problem.ValidationException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
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
            admin(ctx);
            write(ctx, 200, clients.list().stream().map(ClientViews::client).toList());
        });
        routes.post("/integrations", this::create);
        routes.get("/integrations/{id}", ctx -> {
            admin(ctx);
            write(ctx, 200, ClientViews.client(clients.get(ctx.pathParam("id"))));
        });
        routes.post("/integrations/{id}/reveal", ctx ->
                write(ctx, 200, ClientViews.keys(clients.reveal(ctx.pathParam("id"), admin(ctx)))));
        routes.post("/integrations/{id}/refresh-secret", ctx ->
                write(ctx, 200, ClientViews.issued(clients.refreshSecret(ctx.pathParam("id"), admin(ctx)))));
        routes.post("/integrations/{id}/deactivate", ctx ->
                write(ctx, 200, ClientViews.client(clients.deactivate(ctx.pathParam("id"), admin(ctx)))));
        routes.post("/integrations/{id}/enable", ctx ->
                write(ctx, 200, ClientViews.client(clients.enable(ctx.pathParam("id"), admin(ctx)))));
        routes.post("/integrations/{id}/permissions", ctx -> {
            var actor = admin(ctx);
            var body = Requests.json(ctx, json, PermissionsRequest.class);
            write(ctx, 200, ClientViews.client(clients.updateWebhookPermissions(ctx.pathParam("id"),
                    body.webhook() == null ? List.of() : body.webhook(), actor)));
        });
        routes.delete("/integrations/{id}", ctx ->
                write(ctx, 200, ClientViews.client(clients.delete(ctx.pathParam("id"), admin(ctx)))));
    }

    private void create(Context ctx) throws Exception {
        var actor = admin(ctx);
        var body = Requests.json(ctx, json, CreateClientRequest.class);
        var type = ClientType.parse(body.type()).orElseThrow(() ->
                new ValidationException("type", "must be one of HEALTH, NATIONAL_ID, RECORD_SEARCH, WEBHOOK"));
        var systemType = Optional.ofNullable(body.integratingSystemType())
                .or(() -> Optional.ofNullable(body.integratingSystemTypeSnake()));
        var issued = clients.create(new NewClient(type, body.name(), systemType, Optional.ofNullable(body.settings())), actor);
        ctx.header("Location", "/integrations/" + issued.client().id());
        write(ctx, 201, ClientViews.issued(issued));
    }

    /** Body of {@code POST /integrations/{id}/permissions}: OpenCRVS's {@code updatePermissions}. */
    record PermissionsRequest(List<ClientSettings.WebhookPermission> webhook) {
    }

    /** Every route here needs a National System Administrator; returns the audit actor. */
    private Actor admin(Context ctx) {
        var caller = verifier.authenticate(ctx.header("Authorization"), Audiences.USER_MGNT, Set.of(Scopes.NATLSYSADMIN));
        return Requests.actor(ctx).as(caller.actorType(), caller.subject());
    }

    private void write(Context ctx, int status, Object body) throws Exception {
        ctx.status(status).contentType("application/json").result(json.writeValueAsBytes(body));
    }
}
