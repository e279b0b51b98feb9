package io.crvs.auth;

import io.crvs.platform.problem.ForbiddenException;
import io.crvs.platform.problem.ProblemException;
import io.crvs.platform.problem.UnauthorizedException;
import java.util.List;
import java.util.Map;

/** RFC 6750 §3 challenges for protected routes. */
public final class BearerChallenge {
    static final String REALM = "crvs";

    private BearerChallenge() {
    }

    /** No credentials were sent: the challenge carries no error code (RFC 6750 §3.1). */
    public static UnauthorizedException missing() {
        return new UnauthorizedException("missing_token", "This route needs an access token: Authorization: Bearer <token>",
                "Bearer realm=\"" + REALM + "\"");
    }

    public static UnauthorizedException invalid(String description) {
        return new UnauthorizedException("invalid_token", description,
                "Bearer realm=\"" + REALM + "\", error=\"invalid_token\", error_description=\"" + description + "\"");
    }

    /** The request sent the token in more than one way (RFC 6750 §2, §3.1). */
    public static ProblemException invalidRequest(String description) {
        return new InvalidRequest(description,
                "Bearer realm=\"" + REALM + "\", error=\"invalid_request\", error_description=\"" + description + "\"");
    }

    public static ForbiddenException insufficientScope(String scopes) {
        return new ForbiddenException("insufficient_scope", "The access token lacks the scope this route needs: " + scopes,
                Map.of("WWW-Authenticate", "Bearer realm=\"" + REALM + "\", error=\"insufficient_scope\", scope=\"" + scopes + "\""));
    }

    /** HTTP 400 with a Bearer challenge. */
    private static final class InvalidRequest extends ProblemException {
        InvalidRequest(String description, String challenge) {
            super(400, "invalid_request", description, Map.of("WWW-Authenticate", challenge), List.of());
        }
    }
}
