package io.crvs.platform.problem;

import java.util.List;
import java.util.Map;

/** HTTP 503: a dependency (the database, the audit log) cannot take the request now; retrying later may work. */
public final class UnavailableException extends ProblemException {
    public UnavailableException(String detail) {
        super(503, "unavailable", detail, Map.of("Retry-After", "5"), List.of());
    }
}
