package io.crvs.auth.token;

import java.util.Optional;

/**
 * A token-endpoint failure, written as RFC 6749 §5.2 JSON by the endpoint itself (never as problem details).
 * {@code detail} overrides the standard description where it helps the caller without helping an attacker.
 */
public final class OAuthErrorException extends RuntimeException {
    private final OAuthError error;
    private final Optional<String> detail;
    private final long retryAfterSeconds;

    public OAuthErrorException(OAuthError error) {
        this(error, null, 0);
    }

    public OAuthErrorException(OAuthError error, String detail) {
        this(error, detail, 0);
    }

    public OAuthErrorException(OAuthError error, String detail, long retryAfterSeconds) {
        super(error.code(), null, false, false);
        this.error = error;
        this.detail = Optional.ofNullable(detail);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public OAuthError error() {
        return error;
    }

    public String description() {
        return detail.orElse(error.description());
    }

    /** Seconds for {@code Retry-After}, 0 when none applies. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
