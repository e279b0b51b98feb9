package io.crvs.platform.problem;

/** HTTP 409: the request conflicts with the current state. */
public class ConflictException extends ProblemException {
    public ConflictException(String code, String detail) {
        super(409, code, detail);
    }

    public ConflictException(String detail) {
        this("conflict", detail);
    }
}
