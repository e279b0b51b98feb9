package io.crvs.auth.key;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.crvs.auth.AuthConfig;
import io.crvs.platform.http.Endpoint;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Public key material and server metadata: {@code GET /.well-known} (the current public key as PEM, as OpenCRVS
 * serves it), {@code /.well-known/jwks.json} (RFC 7517) and {@code /.well-known/oauth-authorization-server}
 * (RFC 8414). Cacheable for a short while: keys change only by rotation, which keeps old keys published.
 */
public final class WellKnownEndpoint implements Endpoint {
    private final SigningKeys keys;
    private final AuthConfig config;
    private final ObjectMapper json;

    public WellKnownEndpoint(SigningKeys keys, AuthConfig config, ObjectMapper json) {
        this.keys = keys;
        this.config = config;
        this.json = json;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/.well-known", this::pem);
        routes.get("/.well-known/jwks.json", this::jwks);
        routes.get("/.well-known/oauth-authorization-server", this::metadata);
    }

    private void pem(Context ctx) {
        ctx.header("Cache-Control", "public, max-age=300");
        ctx.contentType("application/octet-stream").result(keys.currentPublicPem());
    }

    private void jwks(Context ctx) throws Exception {
        ctx.header("Cache-Control", "public, max-age=300");
        ctx.contentType("application/jwk-set+json").result(json.writeValueAsBytes(keys.publicJwkSet().toJSONObject(true)));
    }

    private void metadata(Context ctx) throws Exception {
        var base = config.publicUrl().toString().replaceAll("/+$", "");
        var body = new LinkedHashMap<String, Object>();
        body.put("issuer", config.issuer());
        body.put("token_endpoint", base + "/token");
        body.put("jwks_uri", base + "/.well-known/jwks.json");
        body.put("grant_types_supported", List.of("client_credentials"));
        body.put("response_types_supported", List.of());
        body.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"));
        body.put("revocation_endpoint", base + "/revoke");
        body.put("revocation_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"));
        body.put("introspection_endpoint", base + "/introspect");
        body.put("introspection_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"));
        body.put("scopes_supported", List.of("declare", "notification-api", "nationalId", "recordsearch", "webhook"));
        // RFC 8414 requires response_types_supported even without an authorization endpoint; the empty list is
        // explained in the metadata route's description in /openapi.json (oauth-security.md §2.6).
        body.put("service_documentation", base + "/openapi.json");
        ctx.header("Cache-Control", "public, max-age=300");
        ctx.contentType("application/json").result(json.writeValueAsBytes(body));
    }
}
