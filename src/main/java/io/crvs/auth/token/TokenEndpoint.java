package io.crvs.auth.token;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.crvs.platform.http.Endpoint;
import io.crvs.platform.http.Requests;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /token} (RFC 6749 §4.4, OpenCRVS "Authenticate a client") and the pre-1.4 alias
 * {@code POST /authenticateSystemClient}. Answers and errors are RFC 6749 JSON with {@code Cache-Control: no-store}
 * and {@code Pragma: no-cache}; {@code invalid_client} after HTTP Basic carries {@code WWW-Authenticate: Basic}.
 */
public final class TokenEndpoint implements Endpoint {
    private static final List<HandlerType> OTHER_METHODS = List.of(HandlerType.GET, HandlerType.PUT,
            HandlerType.PATCH, HandlerType.DELETE, HandlerType.HEAD, HandlerType.OPTIONS);

    private final ClientCredentialsGrant grant;
    private final boolean legacyQueryCredentials;
    private final ObjectMapper json;
    private final OAuthResponses responses;
    private final Clock clock;

    public TokenEndpoint(ClientCredentialsGrant grant, boolean legacyQueryCredentials, ObjectMapper json, Clock clock) {
        this.grant = grant;
        this.legacyQueryCredentials = legacyQueryCredentials;
        this.json = json;
        this.responses = new OAuthResponses(json);
        this.clock = clock;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/token", this::token);
        OTHER_METHODS.forEach(method -> routes.addHttpHandler(method, "/token", this::methodNotAllowed));
        routes.post("/authenticateSystemClient", this::legacy);
    }

    private void token(Context ctx) {
        ClientRequest request = null;
        try {
            request = ClientRequest.parse(OAuthResponses.raw(ctx), legacyQueryCredentials);
            var token = grant.grant(request, Requests.actor(ctx), true);
            var body = new LinkedHashMap<String, Object>();
            body.put("access_token", token.token());
            body.put("token_type", "Bearer");
            body.put("expires_in", token.expiresInSeconds(clock.instant()));
            body.put("scope", String.join(" ", token.scopes()));
            responses.json(ctx, 200, body);
        } catch (OAuthErrorException e) {
            boolean basic = request != null && request.method() == ClientRequest.Method.BASIC;
            responses.error(ctx, e, basic);
        }
    }

    /** OpenCRVS before v1.4: JSON {client_id, client_secret} answered with {"token"}; still used by the MOSIP mediator. */
    private void legacy(Context ctx) {
        try {
            var body = legacyBody(ctx);
            var request = new ClientRequest(body, Optional.ofNullable(body.get("client_id")),
                    Optional.ofNullable(body.get("client_secret")), ClientRequest.Method.POST);
            var token = grant.grant(request, Requests.actor(ctx), false);
            responses.json(ctx, 200, Map.of("token", token.token()));
        } catch (OAuthErrorException e) {
            // That route answered errors in hapi's Boom shape.
            var status = e.error().status();
            var body = new LinkedHashMap<String, Object>();
            body.put("statusCode", status);
            body.put("error", io.javalin.http.HttpStatus.forStatus(status).getMessage());
            body.put("message", e.description());
            if (e.retryAfterSeconds() > 0) {
                ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
            }
            responses.json(ctx, status, body);
        }
    }

    private Map<String, String> legacyBody(Context ctx) {
        try {
            var node = json.readTree(ctx.bodyAsBytes());
            var result = new LinkedHashMap<String, String>();
            if (node != null && node.isObject()) {
                for (var name : List.of("client_id", "client_secret")) {
                    if (node.path(name).isTextual() && !node.get(name).asText().isEmpty()) {
                        result.put(name, node.get(name).asText());
                    }
                }
            }
            return result;
        } catch (IOException e) {
            throw new OAuthErrorException(OAuthError.INVALID_REQUEST, "The body is not valid JSON");
        }
    }

    private void methodNotAllowed(Context ctx) {
        ctx.header("Allow", "POST");
        responses.error(ctx, new OAuthErrorException(OAuthError.INVALID_REQUEST, "Use POST for token requests"), false);
        ctx.status(405);
    }

}
