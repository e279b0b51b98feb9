package io.crvs.platform.problem;

/** HTTP 413: the request body is larger than the server accepts ({@code CRVS_MAX_BODY_BYTES}). */
public final class PayloadTooLargeException extends ProblemException {
    public PayloadTooLargeException() {
        super(413, "payload_too_large", "The request body is too large");
    }
}
