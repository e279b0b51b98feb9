package io.crvs.platform.problem;

import java.util.List;
import java.util.Map;

/** HTTP 403: the caller is known but not allowed to do this. */
public class ForbiddenException extends ProblemException {
    public ForbiddenException(String code, String detail, Map<String, String> headers) {
        super(403, code, detail, headers, List.of());
    }

    public ForbiddenException(String code, String detail) {
        this(code, detail, Map.of());
    }

    public ForbiddenException(String detail) {
        this("forbidden", detail);
    }
}
