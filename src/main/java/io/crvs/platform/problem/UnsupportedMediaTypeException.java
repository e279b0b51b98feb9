package io.crvs.platform.problem;

/** HTTP 415: the body is not in a format this route reads. */
public final class UnsupportedMediaTypeException extends ProblemException {
    public UnsupportedMediaTypeException(String detail) {
        super(415, "unsupported_media_type", detail);
    }
}
