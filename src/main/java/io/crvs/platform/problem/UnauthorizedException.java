package io.crvs.platform.problem;

import java.util.List;
import java.util.Map;

/** HTTP 401: no or bad credentials. The challenge header tells the caller which scheme to use (RFC 9110 §11.6.1). */
public class UnauthorizedException extends ProblemException {
    public UnauthorizedException(String code, String detail, String challenge) {
        super(401, code, detail, Map.of("WWW-Authenticate", challenge), List.of());
    }
}
