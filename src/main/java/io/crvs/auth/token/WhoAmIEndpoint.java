package io.crvs.auth.token;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.crvs.auth.Audiences;
import io.crvs.auth.ClientRegistry;
import io.crvs.auth.TokenVerifier;
import io.crvs.platform.http.Endpoint;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Set;

/** {@code GET /whoami}: the first protected route. Any valid token learns whose it is and when it expires. */
public final class WhoAmIEndpoint implements Endpoint {
    private final TokenVerifier verifier;
    private final ClientRegistry clients;
    private final ObjectMapper json;
    private final Clock clock;

    public WhoAmIEndpoint(TokenVerifier verifier, ClientRegistry clients, ObjectMapper json, Clock clock) {
        this.verifier = verifier;
        this.clients = clients;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/whoami", this::whoami);
    }

    private void whoami(Context ctx) throws Exception {
        var caller = verifier.authenticate(ctx.header("Authorization"), Audiences.GATEWAY, Set.of());
        var body = new LinkedHashMap<String, Object>();
        body.put("kind", caller.actorType());
        body.put("id", caller.subject());
        caller.clientId().flatMap(clients::find).ifPresent(client -> {
            body.put("client_id", client.clientId());
            body.put("name", client.name());
            body.put("type", client.type().name());
            body.put("status", client.status().wireName());
        });
        body.put("scope", caller.scopes());
        body.put("expires_at", caller.expiresAt().getEpochSecond());
        body.put("expires_in", Math.max(0, caller.expiresAt().getEpochSecond() - clock.instant().getEpochSecond()));
        ctx.contentType("application/json").result(json.writeValueAsBytes(body));
    }
}
