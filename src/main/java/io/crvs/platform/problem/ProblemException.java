package io.crvs.platform.problem;

import java.util.List;
import java.util.Map;

/**
 * A request that cannot proceed, written to the caller as RFC 9457 problem details. Subclasses fix the status;
 * {@code code} is a stable slug that callers and tests may rely on, {@code detail} is for humans.
 */
public abstract class ProblemException extends RuntimeException {
    private final int status;
    private final String code;
    private final Map<String, String> headers;
    private final List<FieldError> errors;

    protected ProblemException(int status, String code, String detail, Map<String, String> headers,
            List<FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
        this.headers = Map.copyOf(headers);
        this.errors = List.copyOf(errors);
    }

    protected ProblemException(int status, String code, String detail) {
        this(status, code, detail, Map.of(), List.of());
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String detail() {
        return getMessage();
    }

    /** Extra response headers, such as {@code WWW-Authenticate} or {@code Retry-After}. */
    public Map<String, String> headers() {
        return headers;
    }

    /** Field-level validation errors, empty unless the request body was invalid. */
    public List<FieldError> errors() {
        return errors;
    }

    /** One invalid field of a request: a JSON pointer-like path and what is wrong with it. */
    public record FieldError(String field, String message) {
    }
}
