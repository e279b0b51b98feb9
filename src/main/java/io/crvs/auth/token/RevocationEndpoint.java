package io.crvs.auth.token;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.crvs.auth.Audiences;
import io.crvs.auth.Caller;
import io.crvs.auth.IntegrationClient;
import io.crvs.auth.Scopes;
import io.crvs.platform.http.Endpoint;
import io.crvs.platform.http.Requests;
import io.crvs.platform.problem.ValidationException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Ending and inspecting tokens: OpenCRVS's blacklist pair {@code POST /invalidateToken} and
 * {@code POST /verifyToken} (JSON, no client authentication: holding the token is the proof), RFC 7009
 * {@code POST /revoke} and RFC 7662 {@code POST /introspect} (form-encoded, client authentication required).
 */
public final class RevocationEndpoint implements Endpoint {
    private final ClientCredentialsGrant clients;
    private final JwtTokenVerifier verifier;
    private final TokenRevocation revocation;
    private final boolean legacyQueryCredentials;
    private final ObjectMapper json;
    private final OAuthResponses responses;
    private final Clock clock;

    public RevocationEndpoint(ClientCredentialsGrant clients, JwtTokenVerifier verifier, TokenRevocation revocation,
            boolean legacyQueryCredentials, ObjectMapper json, Clock clock) {
        this.clients = clients;
        this.verifier = verifier;
        this.revocation = revocation;
        this.legacyQueryCredentials = legacyQueryCredentials;
        this.json = json;
        this.responses = new OAuthResponses(json);
        this.clock = clock;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/invalidateToken", this::invalidate);
        routes.post("/verifyToken", this::verifyToken);
        routes.post("/revoke", this::revoke);
        routes.post("/introspect", this::introspect);
    }

    /** Logout: always 200 {} as OpenCRVS, so the route tells nothing about the token. */
    private void invalidate(Context ctx) {
        verifier.verifySignatureAndClaims(tokenFromJson(ctx))
                .ifPresent(token -> revocation.revoke(token, Requests.actor(ctx).as(token.actorType(), token.subject()),
                        "invalidateToken"));
        responses.json(ctx, 200, Map.of());
    }

    private void verifyToken(Context ctx) {
        responses.json(ctx, 200, Map.of("valid", verifier.verify(tokenFromJson(ctx)).isPresent()));
    }

    /** RFC 7009 §2: only the client the token was issued to may revoke it; 200 whether or not it did anything. */
    private void revoke(Context ctx) {
        oauth(ctx, () -> {
            var request = ClientRequest.parse(OAuthResponses.raw(ctx), legacyQueryCredentials);
            var client = authenticate(request, ctx);
            var token = requireToken(request);
            verifier.verifySignatureAndClaims(token)
                    .filter(t -> t.clientId().equals(Optional.of(client.clientId())))
                    .ifPresent(t -> revocation.revoke(t, Requests.actor(ctx).as("client", client.id()), "revoke"));
            ctx.header("Cache-Control", "no-store").status(200).result("");
        });
    }

    /**
     * RFC 7662. A client sees its own active tokens; a National System Administrator (Bearer) sees any. For every
     * other token, and every inactive one, the answer is {@code {"active": false}} and nothing else.
     */
    private void introspect(Context ctx) {
        oauth(ctx, () -> {
            var request = ClientRequest.parse(OAuthResponses.raw(ctx), legacyQueryCredentials);
            var onlyClient = visibleClient(request, ctx);
            var token = requireToken(request);
            // The bearer check's 60 s of skew are for tokens judged by other clocks; this server's own statement
            // about its own token follows exp exactly (RFC 7519 §4.1.4: not accepted on or after exp).
            var visible = verifier.verify(token)
                    .filter(t -> onlyClient.isEmpty() || t.clientId().equals(onlyClient))
                    .filter(t -> clock.instant().isBefore(t.expiresAt()));
            responses.json(ctx, 200, visible.map(RevocationEndpoint::active).orElse(Map.of("active", false)));
        });
    }

    /** The client_id whose tokens the caller may inspect; empty for a National System Administrator (all). */
    private Optional<String> visibleClient(ClientRequest request, Context ctx) {
        var authorization = ctx.header("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.of(authenticate(request, ctx).clientId());
        }
        if (request.method() != ClientRequest.Method.NONE) {
            // RFC 6749 §2.3: one authentication method per request, not a Bearer token and client credentials.
            throw new OAuthErrorException(OAuthError.INVALID_REQUEST,
                    "Authenticate either as a client or with a Bearer token, not both");
        }
        verifier.authenticate(authorization, Audiences.AUTH, Set.of(Scopes.NATLSYSADMIN));
        return Optional.empty();
    }

    private static Map<String, Object> active(Caller token) {
        var body = new LinkedHashMap<String, Object>();
        body.put("active", true);
        body.put("scope", String.join(" ", token.scopes()));
        token.clientId().ifPresent(id -> body.put("client_id", id));
        body.put("token_type", "Bearer");
        body.put("exp", token.expiresAt().getEpochSecond());
        body.put("iat", token.issuedAt().getEpochSecond());
        body.put("sub", token.subject());
        body.put("aud", token.audience());
        body.put("jti", token.jti());
        return body;
    }

    private IntegrationClient authenticate(ClientRequest request, Context ctx) {
        if (request.clientId().isEmpty() || request.clientSecret().isEmpty()) {
            throw new OAuthErrorException(OAuthError.INVALID_CLIENT, "Client authentication is required");
        }
        return clients.authenticate(request.clientId().get(), request.clientSecret().get(), request, Requests.actor(ctx));
    }

    private static String requireToken(ClientRequest request) {
        var token = request.parameter("token");
        if (token == null) {
            throw new OAuthErrorException(OAuthError.INVALID_REQUEST, "The token parameter is required");
        }
        return token;
    }

    private String tokenFromJson(Context ctx) {
        Requests.requireJson(ctx);
        try {
            var node = json.readTree(ctx.bodyAsBytes());
            if (node == null || !node.path("token").isTextual() || node.get("token").asText().isEmpty()) {
                throw new ValidationException("token", "is required");
            }
            return node.get("token").asText();
        } catch (IOException e) {
            throw new ValidationException("(body)", "must be a JSON object");
        }
    }

    private void oauth(Context ctx, Runnable action) {
        try {
            action.run();
        } catch (OAuthErrorException e) {
            responses.error(ctx, e, true);
        }
    }
}
