package io.crvs.platform.problem;

import java.util.List;
import java.util.Map;

/** HTTP 400 with a list of invalid fields. */
public final class ValidationException extends ProblemException {
    public ValidationException(List<FieldError> errors) {
        super(400, "validation_failed", describe(errors), Map.of(), errors);
    }

    public ValidationException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    private static String describe(List<FieldError> errors) {
        return errors.size() == 1
                ? errors.getFirst().field() + ": " + errors.getFirst().message()
                : "The request has " + errors.size() + " invalid fields";
    }
}
