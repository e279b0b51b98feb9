package io.crvs.auth;

import java.time.Instant;
import java.util.Optional;

/**
 * The port through which the bearer check asks whether a person's token is still good: the user exists, is
 * active, and has not changed password or been deactivated since the token was issued. The users module
 * implements it.
 */
@FunctionalInterface
public interface UserSubjects {
    /** Empty when {@code userId} may still use a token issued at {@code issuedAt}; otherwise why not. */
    Optional<String> refusal(String userId, Instant issuedAt);
}
