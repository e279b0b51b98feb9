package io.crvs.platform.problem;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** HTTP 429 with {@code Retry-After} in whole seconds (at least one). */
public final class TooManyRequestsException extends ProblemException {
    private final long retryAfterSeconds;

    public TooManyRequestsException(String detail, Duration retryAfter) {
        this(detail, seconds(retryAfter));
    }

    private TooManyRequestsException(String detail, long retryAfterSeconds) {
        super(429, "too_many_requests", detail, Map.of("Retry-After", Long.toString(retryAfterSeconds)), List.of());
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    private static long seconds(Duration retryAfter) {
        long millis = retryAfter.toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }
}
