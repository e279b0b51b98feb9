package io.crvs.auth.token;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.crvs.platform.http.Requests;
import io.crvs.platform.problem.PayloadTooLargeException;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writing OAuth endpoint answers: JSON, never cached (RFC 6749 §5.1), errors as RFC 6749 §5.2. */
final class OAuthResponses {
    private final ObjectMapper json;

    OAuthResponses(ObjectMapper json) {
        this.json = json;
    }

    void json(Context ctx, int status, Map<String, ?> body) {
        ctx.header("Cache-Control", "no-store");
        ctx.header("Pragma", "no-cache");
        try {
            ctx.status(status).contentType("application/json; charset=utf-8").result(json.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code basicChallenge}: the client authenticated with HTTP Basic, so a 401 must name that scheme. */
    void error(Context ctx, OAuthErrorException e, boolean basicChallenge) {
        var body = new LinkedHashMap<String, Object>();
        body.put("error", e.error().code());
        body.put("error_description", e.description());
        body.put("error_uri", OAuthError.ERROR_URI);
        if (basicChallenge && e.error() == OAuthError.INVALID_CLIENT) {
            ctx.header("WWW-Authenticate", "Basic realm=\"crvs\", charset=\"UTF-8\"");
        }
        if (e.retryAfterSeconds() > 0) {
            ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
        }
        json(ctx, e.error().status(), body);
    }

    static ClientRequest.Raw raw(Context ctx) {
        // RFC 6749 §2.3: one authentication method per request. Reading only the first of two headers would pick
        // one silently.
        if (Requests.headerValues(ctx, "Authorization").size() > 1) {
            throw new OAuthErrorException(OAuthError.INVALID_REQUEST, "Send at most one Authorization header");
        }
        return new ClientRequest.Raw(ctx.queryString(), ctx.contentType(), body(ctx), ctx.header("Authorization"));
    }

    private static String body(Context ctx) {
        try {
            return new String(Requests.body(ctx), StandardCharsets.UTF_8);
        } catch (PayloadTooLargeException e) {
            throw new OAuthErrorException(OAuthError.BODY_TOO_LARGE);
        }
    }
}
