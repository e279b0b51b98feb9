package io.crvs.auth.token;

import io.crvs.auth.BearerChallenge;
import io.crvs.platform.http.Endpoint;
import io.crvs.platform.http.Requests;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Set;

/**
 * RFC 6750 §2: a request sends its access token one way only. crvs reads it from the {@code Authorization} header
 * alone (oauth-security.md B3), so a request that also carries {@code access_token} in the query or a form body
 * is {@code invalid_request} (B2), on every route; so is one with two {@code Authorization} headers, of which the
 * routes would otherwise read the first.
 */
public final class BearerUsageEndpoint implements Endpoint {
    private static final String PARAMETER = "access_token";
    /** They answer in RFC 6749 JSON and refuse two Authorization headers themselves ({@link OAuthResponses}). */
    private static final Set<String> OAUTH_ROUTES = Set.of("/token", "/revoke", "/introspect");

    @Override
    public void register(RoutesConfig routes) {
        routes.before(BearerUsageEndpoint::check);
    }

    private static void check(Context ctx) {
        if (Requests.headerValues(ctx, "Authorization").size() > 1 && !OAUTH_ROUTES.contains(ctx.path())) {
            throw BearerChallenge.invalidRequest("Send one Authorization header");
        }
        var authorization = ctx.header("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return;
        }
        boolean formBody = ctx.contentType() != null
                && Requests.mediaType(ctx.contentType()).equals("application/x-www-form-urlencoded");
        if (hasParameter(ctx.queryString()) || formBody && hasParameter(ctx.body())) {
            throw BearerChallenge.invalidRequest("Send the access token in the Authorization header only, not also as "
                    + PARAMETER);
        }
    }

    private static boolean hasParameter(String form) {
        if (form == null || form.isEmpty()) {
            return false;
        }
        for (var pair : form.split("&")) {
            int equals = pair.indexOf('=');
            try {
                if (FormParameters.decode(equals < 0 ? pair : pair.substring(0, equals)).equals(PARAMETER)) {
                    return true;
                }
            } catch (IllegalArgumentException e) {
                // A malformed name is not access_token; the route reports malformed input itself.
            }
        }
        return false;
    }
}
