package io.crvs.platform.problem;

/** HTTP 404: the thing asked for does not exist (or the caller may not know it does). */
public class NotFoundException extends ProblemException {
    public NotFoundException(String code, String detail) {
        super(404, code, detail);
    }

    public NotFoundException(String detail) {
        this("not_found", detail);
    }
}
