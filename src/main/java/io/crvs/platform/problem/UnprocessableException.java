package io.crvs.platform.problem;

import java.util.List;
import java.util.Map;

/** HTTP 422: the request is well-formed but breaks a business rule (an incomplete declaration, a missing reason). */
public final class UnprocessableException extends ProblemException {
    public UnprocessableException(String code, String detail, List<FieldError> errors) {
        super(422, code, detail, Map.of(), errors);
    }
}
