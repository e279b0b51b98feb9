package io.crvs.platform.problem;

/** HTTP 428 (RFC 6585): the request must be conditional, so that it cannot overwrite a change it has not seen. */
public class PreconditionRequiredException extends ProblemException {
    public PreconditionRequiredException(String code, String detail) {
        super(428, code, detail);
    }
}
