package io.crvs.auth;

import java.util.Optional;

/**
 * The port through which the bearer check asks whether a person's token is still good: the user exists, is
 * active (or pending, for an onboarding token), and has not changed password, role, office or status since the
 * token was issued (its token generation, claim {@code gen}, is still the user's). The users module implements it.
 */
@FunctionalInterface
public interface UserSubjects {
    /** Empty when the token's subject may still use it; otherwise why not (a text safe to show the caller). */
    Optional<String> refusal(Caller token);
}
