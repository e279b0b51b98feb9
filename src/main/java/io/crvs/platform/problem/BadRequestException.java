package io.crvs.platform.problem;

/** HTTP 400: the request is malformed or invalid. */
public class BadRequestException extends ProblemException {
    public BadRequestException(String code, String detail) {
        super(400, code, detail);
    }

    public BadRequestException(String detail) {
        this("bad_request", detail);
    }
}
